package dev.enclavetrail.testkit;

import static dev.enclavetrail.testkit.EnclaveTrailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.enclavetrail.core.AttestationRecipient;
import dev.enclavetrail.core.EnclaveMeasurements;
import dev.enclavetrail.core.Measurement;
import dev.enclavetrail.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class AttestationRecipientAssertTest {

  private static final EnclaveMeasurements IMAGE = FakeMeasurements.forName("payments-enclave");

  private static AttestationRecipient recipientOf(KmsRecords.Builder builder) {
    return builder.build().attestationRecipient().orElseThrow();
  }

  @Test
  void enclaveRecipient_passesMatchingAssertions() {
    assertThat(recipientOf(KmsRecords.deriveSharedSecret().enclave(IMAGE)))
        .isFromEnclave()
        .hasImageDigest(IMAGE.pcr0())
        .hasEnclavePcr(1, IMAGE.pcr1())
        .hasEnclavePcr(2, IMAGE.pcr2())
        .hasMeasurements(IMAGE)
        .isNotDebugMode();
  }

  @Test
  void placeholders_comparedAsText() {
    AttestationRecipient placeholders =
        recipientOf(KmsRecords.decrypt().enclave(IMAGE).encoding(Measurement.Encoding.TEXT));

    assertThat(placeholders).hasImageDigest(Measurement.parse("<AttestationDocument.PCR0>"));
    assertThatThrownBy(() -> assertThat(placeholders).hasImageDigest(IMAGE.pcr0()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but was%n  <AttestationDocument.PCR0>".formatted());
  }

  @Test
  void recipientWithoutModuleId_failsNamingItAbsent() {
    AttestationRecipient bare =
        AttestationRecipient.of(
            JsonObject.builder()
                .put(AttestationRecipient.IMAGE_DIGEST, IMAGE.pcr0().text())
                .build());

    assertThat(bare).isFromEnclave().hasImageDigest(IMAGE.pcr0());
    assertThatThrownBy(() -> assertThat(bare).hasModuleId("i-1234567890abcdef0-enc0"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Expecting the module id of the recipient to be%n  i-1234567890abcdef0-enc0%nbut was%n"
                    .formatted()
                + "  absent");
    assertThatThrownBy(
            () -> assertThat(AttestationRecipient.of(JsonObject.empty())).isFromEnclave())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Expecting the recipient to be from a Nitro enclave, but it was from an unknown issuer"
                + " (module id absent)");
  }

  @Test
  void hasEnclavePcr_pcrNotLogged_failsNamingItAbsent() {
    assertThatThrownBy(
            () ->
                assertThat(recipientOf(KmsRecords.decrypt().enclave(IMAGE)))
                    .hasEnclavePcr(5, IMAGE.pcr0()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting the enclave PCR5 of the recipient to be")
        .hasMessageEndingWith("but was%n  absent".formatted());
  }

  @Test
  void nullRecipient_failsAsAssertJDoes() {
    assertThatThrownBy(() -> assertThat((AttestationRecipient) null).isFromNitroTpm())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting actual not to be null");
  }
}
