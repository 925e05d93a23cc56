package dev.enclavetrail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reading the JSON that nitro-cli prints (DOMAIN.md §6.6). */
class EnclaveMeasurementsTest {

  private static final String PCR0 = "aa".repeat(48);
  private static final String PCR1 = "bb".repeat(48);
  private static final String PCR2 = "cc".repeat(48);
  private static final String PCR8 = "dd".repeat(48);

  @Test
  void buildEnclaveOutput_withLeadingLine_read() {
    String out =
        "Enclave Image successfully created.\n{\n  \"Measurements\": {\n    \"HashAlgorithm\": \"Sha384 { ... }\",\n"
            + "    \"PCR0\": \""
            + PCR0
            + "\",\n    \"PCR1\": \""
            + PCR1
            + "\",\n    \"PCR2\": \""
            + PCR2
            + "\"\n  }\n}\n";
    EnclaveMeasurements m = EnclaveMeasurements.readNitroCliOutput(out);
    assertThat(m.hashAlgorithm()).contains("Sha384 { ... }");
    assertThat(m.pcr0().hex()).contains(PCR0);
    assertThat(m.pcr1().hex()).contains(PCR1);
    assertThat(m.pcr2().hex()).contains(PCR2);
    assertThat(m.pcr8()).isEmpty();
    assertThat(m.pcr(3)).isEmpty();
    assertThat(m.isDebugMode()).isFalse();
  }

  @Test
  void describeEifOutput_signedImage_pcr8Read() {
    String out =
        "{\"EifVersion\": 4, \"Measurements\": {\"HashAlgorithm\": \"Sha384 { ... }\", \"PCR0\": \""
            + PCR0
            + "\", \"PCR1\": \""
            + PCR1
            + "\", \"PCR2\": \""
            + PCR2
            + "\", \"PCR8\": \""
            + PCR8
            + "\"}, \"IsSigned\": true, \"CheckCRC\": true, \"ImageName\": \"payments\"}";
    EnclaveMeasurements m = EnclaveMeasurements.readNitroCliOutput(out);
    assertThat(m.pcr8().flatMap(Measurement::hex)).contains(PCR8);
    assertThat(m.pcr(8)).isEqualTo(m.pcr8());
  }

  @Test
  void builder_debugModeZeros_flagged() {
    Measurement zero = Measurement.zero(Measurement.Encoding.HEX);
    EnclaveMeasurements m = EnclaveMeasurements.builder().pcr0(zero).pcr1(zero).pcr2(zero).build();
    assertThat(m.isDebugMode()).isTrue();
  }

  @Test
  void missingPcr_rejected() {
    assertThatThrownBy(
            () ->
                EnclaveMeasurements.readNitroCliOutput(
                    "{\"Measurements\":{\"PCR0\":\"" + PCR0 + "\"}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("nitro-cli output has no `PCR1`");
  }

  @Test
  void malformedPcr_rejectedWithValue() {
    assertThatThrownBy(
            () ->
                EnclaveMeasurements.builder()
                    .pcr0(Measurement.parse("<AttestationDocument.PCR0>"))
                    .pcr1(Measurement.parse(PCR1))
                    .pcr2(Measurement.parse(PCR2))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PCR0 is not 96 hex or 64 base64 characters: `<AttestationDocument.PCR0>`");
  }

  @Test
  void notJson_rejected() {
    assertThatThrownBy(() -> EnclaveMeasurements.readNitroCliOutput("Error: E19"))
        .hasMessage("no JSON object in nitro-cli output");
    assertThatThrownBy(() -> EnclaveMeasurements.readNitroCliOutput("{\"Measurements\": "))
        .hasMessageStartingWith("nitro-cli output is not JSON: ");
  }
}
