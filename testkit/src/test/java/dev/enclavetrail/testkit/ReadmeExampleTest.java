package dev.enclavetrail.testkit;

import static dev.enclavetrail.testkit.EnclaveTrailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.enclavetrail.core.AttestedOperation;
import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.EnclaveMeasurements;
import dev.enclavetrail.policy.PolicyDocument;
import org.junit.jupiter.api.Test;

/** The testkit example of README.md, run as written. */
class ReadmeExampleTest {

  @Test
  void readmeExample_enclaveImageAllowed_otherImageAndDebugModeNot() {
    // --- README example starts here ---
    EnclaveMeasurements image = FakeMeasurements.forName("payments-enclave");
    PolicyDocument keyPolicy =
        KeyPolicies.builder()
            .adminRole("arn:aws:iam::111122223333:role/KeyAdmin")
            .enclaveRole("arn:aws:iam::111122223333:role/data-processing")
            .allowEnclave(image, AttestedOperation.DECRYPT, AttestedOperation.GENERATE_DATA_KEY)
            .denyDebugMode(AttestedOperation.DECRYPT, AttestedOperation.GENERATE_DATA_KEY)
            .build();
    CloudTrailRecord decrypt = KmsRecords.decrypt().enclave(image).build();

    assertThat(decrypt).isAttested().isFromEnclave().hasImageDigest(image.pcr0());
    assertThat(keyPolicy).decisionFor(decrypt).isAllowed().byStatement(KeyPolicies.ENCLAVE_SID);
    assertThat(keyPolicy)
        .decisionFor(KmsRecords.decrypt().enclave(FakeMeasurements.debugMode()).build())
        .isExplicitlyDenied()
        .byStatement(KeyPolicies.DENY_DEBUG_MODE_SID);
    // --- README example ends here ---

    assertThatThrownBy(
            () ->
                assertThat(keyPolicy)
                    .decisionFor(
                        KmsRecords.decrypt().enclave(FakeMeasurements.forName("other")).build())
                    .isAllowed())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("implicitDeny");
  }
}
