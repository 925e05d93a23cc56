package dev.enclavetrail.testkit;

import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.policy.Authorizer;
import dev.enclavetrail.policy.KmsRequest;
import dev.enclavetrail.policy.PolicyDocument;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on a {@link PolicyDocument}, above all a key policy: its statements, and the decision
 * it gives for a request, on which {@link DecisionAssert} goes on.
 *
 * <pre>{@code
 * assertThat(KeyPolicies.builder().allowEnclave(m, AttestedOperation.DECRYPT).build())
 *     .decisionFor(KmsRecords.decrypt().enclave(m).build())
 *     .isAllowed()
 *     .byStatement(KeyPolicies.ENCLAVE_SID);
 * }</pre>
 */
public final class PolicyDocumentAssert
    extends AbstractAssert<PolicyDocumentAssert, PolicyDocument> {

  PolicyDocumentAssert(@Nullable PolicyDocument actual) {
    super(actual, PolicyDocumentAssert.class);
  }

  /** Verifies that the policy was read as a key policy. */
  public PolicyDocumentAssert isKeyPolicy() {
    isNotNull();
    if (actual.type() != PolicyDocument.Type.KEY_POLICY) {
      failWithMessage("%nExpecting a key policy, but the policy was read as %s", actual.type());
    }
    return myself;
  }

  /** Verifies that a statement has the {@code Sid} {@code sid}. */
  public PolicyDocumentAssert hasStatement(String sid) {
    Objects.requireNonNull(sid, "sid");
    isNotNull();
    List<String> sids = actual.statements().stream().flatMap(s -> s.sid().stream()).toList();
    if (!sids.contains(sid)) {
      failWithMessage(
          "%nExpecting the policy to have a statement `%s`, but its Sids were %s", sid, sids);
    }
    return myself;
  }

  /**
   * Verifies that this is a key policy and returns assertions on its decision, with {@code
   * identityPolicies} of the caller, for the request a CloudTrail record of a KMS call shows
   * ({@link KmsRequest#from(CloudTrailRecord)}).
   */
  public DecisionAssert decisionFor(CloudTrailRecord record, PolicyDocument... identityPolicies) {
    return decisionFor(KmsRequest.from(record), identityPolicies);
  }

  /**
   * Verifies that this is a key policy and returns assertions on its decision for {@code request},
   * with {@code identityPolicies} of the caller.
   */
  public DecisionAssert decisionFor(KmsRequest request, PolicyDocument... identityPolicies) {
    Objects.requireNonNull(request, "request");
    isKeyPolicy();
    DecisionAssert decision =
        new DecisionAssert(Authorizer.of(actual, List.of(identityPolicies)).explain(request));
    return info.hasDescription() ? decision.describedAs(info.description()) : decision;
  }
}
