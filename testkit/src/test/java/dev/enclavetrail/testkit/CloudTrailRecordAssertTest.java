package dev.enclavetrail.testkit;

import static dev.enclavetrail.testkit.EnclaveTrailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.enclavetrail.core.AttestedOperation;
import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.EnclaveMeasurements;
import dev.enclavetrail.core.Measurement;
import java.util.Objects;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class CloudTrailRecordAssertTest {

  private static final EnclaveMeasurements IMAGE = FakeMeasurements.forName("payments-enclave");
  private static final EnclaveMeasurements OTHER = FakeMeasurements.forName("other-enclave");
  private static final SortedMap<Integer, Measurement> TPM = FakeMeasurements.nitroTpm("ami");
  private static final CloudTrailRecord DECRYPT = KmsRecords.decrypt().enclave(IMAGE).build();
  private static final String MODULE_ID =
      KmsRecords.enclaveModuleId(KmsRecords.DEFAULT_INSTANCE_ID).text();

  private static String base64(Measurement m) {
    return Measurement.ofBase64(m.bytes().orElseThrow()).text();
  }

  @Test
  void attestedEnclaveRecord_passesEveryMatchingAssertion() {
    assertThat(DECRYPT)
        .isKms()
        .hasOperation(AttestedOperation.DECRYPT)
        .hasEventName("Decrypt")
        .hasNoErrorCode()
        .isAttested()
        .isFromEnclave()
        .hasModuleId(MODULE_ID)
        .hasImageDigest(IMAGE.pcr0())
        .hasEnclavePcr(0, IMAGE.pcr0())
        .hasEnclavePcr(8, IMAGE.pcr8().orElseThrow())
        .hasMeasurements(IMAGE)
        .isNotDebugMode();
  }

  @Test
  void hasImageDigest_hexExpected_base64Logged_equalByValue() {
    CloudTrailRecord hexLog =
        KmsRecords.decrypt().enclave(IMAGE).encoding(Measurement.Encoding.HEX).build();

    assertThat(DECRYPT).hasImageDigest(Measurement.parse(base64(IMAGE.pcr0())));
    assertThat(DECRYPT).hasImageDigest(IMAGE.pcr0());
    assertThat(hexLog).hasImageDigest(Measurement.parse(base64(IMAGE.pcr0())));
  }

  @Test
  void hasImageDigest_otherImage_failsShowingBothInHex() {
    String expected = OTHER.pcr0().hex().orElseThrow();
    String logged = IMAGE.pcr0().hex().orElseThrow();

    assertThatThrownBy(() -> assertThat(DECRYPT).hasImageDigest(OTHER.pcr0()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Expecting the image digest (PCR0) of the recipient of Decrypt record "
                + DECRYPT.eventId().orElseThrow()
                + " to be%n  %s%nbut was%n  %s (logged as %s)"
                    .formatted(expected, logged, base64(IMAGE.pcr0())));
    assertThatThrownBy(() -> assertThat(DECRYPT).hasMeasurements(OTHER))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting the enclave PCR0 of the recipient");
  }

  @Test
  void hasMeasurements_parentInstanceOfAnotherInstance_failsOnPcr4() {
    EnclaveMeasurements onParent =
        FakeMeasurements.forName(
            "payments-enclave",
            "arn:aws:iam::111122223333:role/data-processing",
            "i-0fedcba0987654321");

    assertThatThrownBy(() -> assertThat(DECRYPT).hasMeasurements(onParent))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting the enclave PCR4 of the recipient");
  }

  @Test
  void isAttested_plainCallOrOtherService_fails() {
    CloudTrailRecord plain = KmsRecords.decrypt().withoutRecipient().build();
    CloudTrailRecord s3 = OtherRecords.s3GetObject().build();

    assertThat(plain).isKms().isNotAttested();
    assertThat(s3).isNotAttested();
    assertThatThrownBy(() -> assertThat(plain).isAttested())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Expecting Decrypt record "
                + plain.eventId().orElseThrow()
                + " to be an attested AWS KMS request, but it has no additionalEventData.recipient");
    assertThatThrownBy(() -> assertThat(s3).isAttested())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but it is not a KMS call (eventSource s3.amazonaws.com)");
    assertThatThrownBy(() -> assertThat(s3).isKms())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be an AWS KMS call, but its eventSource was s3.amazonaws.com");
    assertThatThrownBy(() -> assertThat(plain).hasImageDigest(IMAGE.pcr0()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be an attested AWS KMS request");
  }

  @Test
  void isNotAttested_attested_failsNamingTheModuleId() {
    assertThatThrownBy(() -> assertThat(DECRYPT).isNotAttested())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "not to be attested, but it has a recipient with module id " + MODULE_ID);
  }

  @Test
  void eventNameAndOperation_other_fail() {
    assertThatThrownBy(() -> assertThat(DECRYPT).hasEventName("Encrypt"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have eventName%n  Encrypt%nbut was%n  Decrypt".formatted());
    assertThatThrownBy(() -> assertThat(DECRYPT).hasOperation(AttestedOperation.GENERATE_DATA_KEY))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have eventName%n  GenerateDataKey".formatted());
  }

  @Test
  void errorCode_assertions() {
    CloudTrailRecord denied =
        KmsRecords.decrypt().enclave(IMAGE).errorCode("AccessDeniedException").build();

    assertThat(denied).hasErrorCode("AccessDeniedException");
    assertThatThrownBy(() -> assertThat(denied).hasNoErrorCode())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have succeeded, but it has errorCode AccessDeniedException");
    assertThatThrownBy(() -> assertThat(DECRYPT).hasErrorCode("AccessDeniedException"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "to have errorCode%n  AccessDeniedException%nbut was%n  absent".formatted());
  }

  @Test
  void nitroTpmRecord_nitroTpmAssertions() {
    CloudTrailRecord tpm = KmsRecords.generateDataKey().nitroTpm(TPM).build();

    assertThat(tpm)
        .isAttested()
        .isFromNitroTpm()
        .hasModuleId(KmsRecords.nitroTpmModuleId(KmsRecords.DEFAULT_INSTANCE_ID).text())
        .hasNitroTpmPcrs(TPM)
        .hasNitroTpmPcr(4, Objects.requireNonNull(TPM.get(4)));
    assertThatThrownBy(() -> assertThat(tpm).isFromEnclave())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "to be from a Nitro enclave, but it was from a NitroTPM instance (module id i-1234567890abcdef0-tpm");
    assertThatThrownBy(() -> assertThat(tpm).hasImageDigest(IMAGE.pcr0()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but was%n  absent".formatted());
    assertThatThrownBy(() -> assertThat(DECRYPT).isFromNitroTpm())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be from a NitroTPM instance, but it was from a Nitro enclave");
    assertThatThrownBy(
            () -> assertThat(tpm).hasNitroTpmPcrs(FakeMeasurements.nitroTpm("other-ami")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting the NitroTPM PCR4 of the recipient");
  }

  @Test
  void debugMode_assertions() {
    CloudTrailRecord debug = KmsRecords.decrypt().enclave(FakeMeasurements.debugMode()).build();

    assertThat(debug).isDebugMode();
    assertThatThrownBy(() -> assertThat(debug).isNotDebugMode())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "not to be of a debug-mode enclave, but PCR0, PCR1 and PCR2 are all zeros");
    assertThatThrownBy(() -> assertThat(DECRYPT).isDebugMode())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "to be of a debug-mode enclave (PCR0, PCR1, PCR2 all zeros), but PCR0 was");
  }

  @Test
  void recipient_navigatesWithTheDescription() {
    assertThat(DECRYPT).recipient().isFromEnclave().hasMeasurements(IMAGE);
    assertThatThrownBy(() -> assertThat(DECRYPT).as("payments").hasImageDigest(OTHER.pcr0()))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("[payments] ");
    assertThatThrownBy(() -> assertThat(DECRYPT).as("payments").recipient().isDebugMode())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("[payments] ");
  }

  @Test
  void nullRecord_failsAsAssertJDoes() {
    assertThatThrownBy(() -> assertThat((CloudTrailRecord) null).isAttested())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting actual not to be null");
  }
}
