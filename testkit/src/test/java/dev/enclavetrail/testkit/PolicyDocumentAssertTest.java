package dev.enclavetrail.testkit;

import static dev.enclavetrail.testkit.EnclaveTrailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.enclavetrail.core.AttestedOperation;
import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.EnclaveMeasurements;
import dev.enclavetrail.policy.KmsRequest;
import dev.enclavetrail.policy.PolicyDocument;
import org.junit.jupiter.api.Test;

class PolicyDocumentAssertTest {

  private static final EnclaveMeasurements IMAGE = FakeMeasurements.forName("payments-enclave");
  private static final PolicyDocument POLICY =
      KeyPolicies.builder()
          .allowEnclave(IMAGE, AttestedOperation.DECRYPT, AttestedOperation.GENERATE_RANDOM)
          .build();
  private static final PolicyDocument IAM =
      PolicyDocument.readIdentityPolicy(
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Random\",\"Effect\":\"Allow\","
              + "\"Action\":\"kms:GenerateRandom\",\"Resource\":\"*\"}]}");

  @Test
  void decisionFor_recordOrRequest_decidesWithTheGivenIdentityPolicies() {
    CloudTrailRecord decrypt = KmsRecords.decrypt().enclave(IMAGE).build();
    CloudTrailRecord random = KmsRecords.generateRandom().enclave(IMAGE).build();

    assertThat(POLICY)
        .isKeyPolicy()
        .hasStatement(KeyPolicies.ENCLAVE_SID)
        .decisionFor(decrypt)
        .isAllowed()
        .byStatement(KeyPolicies.ENCLAVE_SID);
    assertThat(POLICY).decisionFor(random).isImplicitlyDenied().hasReasonContaining("uses no key");
    assertThat(POLICY).decisionFor(KmsRequest.from(random), IAM).isAllowed().byStatement("Random");
  }

  @Test
  void hasStatement_otherSid_failsListingTheSids() {
    assertThatThrownBy(() -> assertThat(POLICY).hasStatement("Enclave"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Expecting the policy to have a statement `Enclave`, but its Sids were"
                + " [Enable IAM User Permissions, Enable enclave data processing]");
  }

  @Test
  void decisionFor_identityPolicy_failsAsNoKeyPolicy() {
    assertThatThrownBy(
            () -> assertThat(IAM).decisionFor(KmsRecords.decrypt().enclave(IMAGE).build()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting a key policy, but the policy was read as IDENTITY_POLICY");
  }

  @Test
  void decisionFor_keepsTheDescription() {
    assertThatThrownBy(
            () ->
                assertThat(POLICY)
                    .as("payments key")
                    .decisionFor(KmsRecords.decrypt().enclave(FakeMeasurements.debugMode()).build())
                    .isAllowed())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("[payments key] ");
  }

  @Test
  void entryPoint_beside_assertjAssertThat_resolvesEachOverload() {
    // Both static imports are in this file: the String goes to AssertJ, the policy to EnclaveTrail.
    assertThat(POLICY.toJson()).startsWith("{\"Version\":\"2012-10-17\"");
    assertThat(POLICY).isKeyPolicy();
  }
}
