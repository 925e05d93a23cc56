package dev.enclavetrail.testkit;

import static dev.enclavetrail.testkit.EnclaveTrailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.enclavetrail.core.AttestedOperation;
import dev.enclavetrail.core.EnclaveMeasurements;
import dev.enclavetrail.policy.Authorizer;
import dev.enclavetrail.policy.Decision;
import dev.enclavetrail.policy.KmsRequest;
import dev.enclavetrail.policy.PolicyDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionAssertTest {

  private static final EnclaveMeasurements IMAGE = FakeMeasurements.forName("payments-enclave");
  private static final EnclaveMeasurements OTHER = FakeMeasurements.forName("other-enclave");
  private static final String IMAGE_KEY = AttestationCondition.IMAGE_SHA384;
  private static final PolicyDocument POLICY =
      KeyPolicies.builder()
          .allowEnclave(IMAGE, AttestedOperation.DECRYPT)
          .denyDebugMode(AttestedOperation.DECRYPT)
          .build();
  private static final Decision ALLOWED = decide(IMAGE);
  private static final Decision OTHER_IMAGE = decide(OTHER);
  private static final Decision DEBUG = decide(FakeMeasurements.debugMode());

  private static Decision decide(EnclaveMeasurements image) {
    return Authorizer.of(POLICY, List.of())
        .explain(KmsRequest.from(KmsRecords.decrypt().enclave(image).build()));
  }

  @Test
  void allowedDecision_passesAllowedAssertions() {
    assertThat(ALLOWED)
        .isAllowed()
        .hasOutcome(Decision.Outcome.ALLOWED)
        .byStatement(KeyPolicies.ENCLAVE_SID)
        .byStatement(1)
        .hasReasonContaining("allowed by ")
        .hasReasonContaining("key-policy statement `Enable enclave data processing`");
  }

  @Test
  void deniedDecisions_passDeniedAssertions() {
    assertThat(OTHER_IMAGE)
        .isImplicitlyDenied()
        .isDenied()
        .hasUnmatchedCondition(KeyPolicies.ENCLAVE_SID, IMAGE_KEY)
        .hasUnmatchedCondition(
            KeyPolicies.ENCLAVE_SID, IMAGE_KEY.toUpperCase(java.util.Locale.ROOT));
    assertThat(DEBUG)
        .isExplicitlyDenied()
        .isDenied()
        .byStatement(KeyPolicies.DENY_DEBUG_MODE_SID)
        .byStatement(2);
  }

  @Test
  void isAllowed_implicitDeny_failsWithTheExplanation() {
    assertThatThrownBy(() -> assertThat(OTHER_IMAGE).isAllowed())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting the decision to be allowed, but it was")
        .hasMessageContaining("implicitDeny: the key policy delegates to IAM")
        .hasMessageContaining(
            "key-policy statement `Enable enclave data processing` (Allow) does not apply:"
                + " principal matched, action matched, resource matched, StringEqualsIgnoreCase "
                + IMAGE_KEY
                + " not matched")
        .hasMessageContaining(
            "key-policy statement `Deny debug-mode enclaves` (Deny) does not apply");
  }

  @Test
  void outcomeAssertions_otherOutcome_fail() {
    assertThatThrownBy(() -> assertThat(ALLOWED).isExplicitlyDenied())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting the decision to be explicitDeny, but it was")
        .hasMessageContaining("allowed: allowed by");
    assertThatThrownBy(() -> assertThat(DEBUG).isImplicitlyDenied())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting the decision to be implicitDeny, but it was")
        .hasMessageContaining(
            "explicitDeny: denied explicitly by key-policy statement `Deny debug-mode enclaves`");
    assertThatThrownBy(() -> assertThat(ALLOWED).isDenied())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting the request to be denied, but the decision was")
        .hasMessageContaining(
            "key-policy statement `Enable enclave data processing` (Allow) applies");
  }

  @Test
  void byStatement_notDecisive_failsNamingTheDecisiveStatements() {
    assertThatThrownBy(() -> assertThat(DEBUG).byStatement(KeyPolicies.ENCLAVE_SID))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Expecting the decision to be made by statement `Enable enclave data processing`, but"
                + " the decisive statements were key-policy statement `Deny debug-mode enclaves`;");
    assertThatThrownBy(() -> assertThat(OTHER_IMAGE).byStatement(1))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Expecting the decision to be made by key-policy statement 1, but the decisive"
                + " statements were none;");
  }

  @Test
  void hasReasonContaining_otherReason_fails() {
    assertThatThrownBy(() -> assertThat(ALLOWED).hasReasonContaining("denied"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Expecting the reason of the decision to contain%n  denied".formatted());
  }

  @Test
  void hasUnmatchedCondition_matchedOrMissing_fails() {
    assertThatThrownBy(
            () -> assertThat(ALLOWED).hasUnmatchedCondition(KeyPolicies.ENCLAVE_SID, IMAGE_KEY))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Expecting the condition on "
                + IMAGE_KEY
                + " of statement `Enable enclave data processing` not to match, but it matched");
    assertThatThrownBy(() -> assertThat(ALLOWED).hasUnmatchedCondition("Nope", IMAGE_KEY))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting statement `Nope` to have been considered");
    assertThatThrownBy(
            () ->
                assertThat(OTHER_IMAGE)
                    .hasUnmatchedCondition(
                        KeyPolicies.ENCLAVE_SID, "kms:RecipientAttestation:PCR8"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Expecting statement `Enable enclave data processing` to have a condition on"
                + " kms:RecipientAttestation:PCR8");
  }

  @Test
  void nullDecision_failsAsAssertJDoes_andDescriptionPrefixesTheMessage() {
    assertThatThrownBy(() -> assertThat((Decision) null).isAllowed())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting actual not to be null");
    assertThatThrownBy(() -> assertThat(OTHER_IMAGE).as("payments key").isAllowed())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("[payments key] ");
  }

  @Test
  void explanation_statementWithoutSid_namedByIndex() {
    PolicyDocument anonymous =
        PolicyDocument.readKeyPolicy(
            "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:role/data-processing\"},"
                + "\"Action\":\"kms:Encrypt\",\"Resource\":\"*\"}}");
    Decision d =
        Authorizer.of(anonymous, List.of())
            .explain(KmsRequest.from(KmsRecords.decrypt().enclave(IMAGE).build()));

    assertThat(DecisionText.explain(d))
        .isEqualTo(
            "implicitDeny: no key-policy statement allows kms:Decrypt for"
                + " arn:aws:sts::111122223333:assumed-role/data-processing/i-1234567890abcdef0\n"
                + "  key-policy statement 0 (Allow) does not apply: principal matched, action not"
                + " matched, resource matched");
  }
}
