package dev.enclavetrail.testkit;

import dev.enclavetrail.core.AttestationRecipient;
import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.policy.Decision;
import dev.enclavetrail.policy.PolicyDocument;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of EnclaveTrail's AssertJ assertions, to import statically beside AssertJ's own
 * {@code Assertions.assertThat} (the overloads do not clash).
 *
 * <pre>{@code
 * import static dev.enclavetrail.testkit.EnclaveTrailAssertions.assertThat;
 *
 * assertThat(record).isAttested().hasImageDigest(m.pcr0());
 * assertThat(keyPolicy).decisionFor(record).isAllowed().byStatement("Enclave");
 * assertThat(authorizer.explain(request)).isExplicitlyDenied();
 * }</pre>
 */
public final class EnclaveTrailAssertions {

  private EnclaveTrailAssertions() {}

  /** Returns assertions on a CloudTrail record. */
  public static CloudTrailRecordAssert assertThat(@Nullable CloudTrailRecord actual) {
    return new CloudTrailRecordAssert(actual);
  }

  /** Returns assertions on the attestation recipient of a record. */
  public static AttestationRecipientAssert assertThat(@Nullable AttestationRecipient actual) {
    return new AttestationRecipientAssert(actual);
  }

  /** Returns assertions on a decision of the policy evaluator. */
  public static DecisionAssert assertThat(@Nullable Decision actual) {
    return new DecisionAssert(actual);
  }

  /** Returns assertions on a key policy or identity policy. */
  public static PolicyDocumentAssert assertThat(@Nullable PolicyDocument actual) {
    return new PolicyDocumentAssert(actual);
  }
}
