package dev.enclavetrail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Measurement, ModuleId, EventVersion and AttestedOperation. */
class ValuesTest {

  private static final String ZERO_HEX = "0".repeat(96);

  @Test
  void measurement_base64OfZeros_decodesToZeroHex() {
    Measurement m = Measurement.parse("A".repeat(64));
    assertThat(m.encoding()).isEqualTo(Measurement.Encoding.BASE64);
    assertThat(m.hex()).contains(ZERO_HEX);
    assertThat(m.isAllZero()).isTrue();
    assertThat(m.text()).isEqualTo("A".repeat(64));
  }

  @Test
  void measurement_upperCaseHex_decodesToLowerCaseHex() {
    String upper = "AB".repeat(48);
    Measurement m = Measurement.parse(upper);
    assertThat(m.encoding()).isEqualTo(Measurement.Encoding.HEX);
    assertThat(m.hex()).contains("ab".repeat(48));
    assertThat(m.text()).isEqualTo(upper);
    assertThat(m.isAllZero()).isFalse();
  }

  @Test
  void measurement_base64AndHexOfSameBytes_sameValueButNotEqual() {
    byte[] bytes = HexFormat.of().parseHex("0123456789abcdef".repeat(6));
    Measurement b64 = Measurement.ofBase64(bytes);
    Measurement hex = Measurement.ofHex(bytes);
    assertThat(b64.text()).hasSize(64);
    assertThat(hex.text()).hasSize(96);
    assertThat(b64.sameValueAs(hex)).isTrue();
    assertThat(b64).isNotEqualTo(hex);
    assertThat(Measurement.parse(b64.text())).isEqualTo(b64);
    assertThat(b64.hex()).isEqualTo(hex.hex());
  }

  @ParameterizedTest
  @CsvSource({
    "<AttestationDocument.PCR0>, true",
    "0x1de4, false",
    "EXAMPLEbb7d, false",
  })
  void measurement_notDecodable_keptAsText(String text, boolean placeholder) {
    Measurement m = Measurement.parse(text);
    assertThat(m.encoding()).isEqualTo(Measurement.Encoding.TEXT);
    assertThat(m.isDecodable()).isFalse();
    assertThat(m.hex()).isEmpty();
    assertThat(m.bytes()).isEmpty();
    assertThat(m.isAllZero()).isFalse();
    assertThat(m.isPlaceholder()).isEqualTo(placeholder);
    assertThat(m.toString()).isEqualTo(text);
  }

  @Test
  void measurement_96CharsWithNonHex_keptAsText() {
    assertThat(Measurement.parse("g".repeat(96)).isDecodable()).isFalse();
    assertThat(Measurement.parse("A".repeat(63) + "=").isDecodable()).isFalse();
  }

  @Test
  void measurement_wrongSize_rejected() {
    assertThatThrownBy(() -> Measurement.ofHex(new byte[32]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a SHA-384 measurement has 48 bytes, not 32");
  }

  @Test
  void measurement_bytes_areCopies() {
    Measurement m = Measurement.zero(Measurement.Encoding.HEX);
    m.bytes().orElseThrow()[0] = 1;
    assertThat(m.isAllZero()).isTrue();
  }

  @Test
  void moduleId_enclave_splitAtEnc() {
    ModuleId id = ModuleId.parse("i-1234567890abcdef0-enc9876543210abcde");
    assertThat(id.kind()).isEqualTo(ModuleId.Kind.ENCLAVE);
    assertThat(id.isEnclave()).isTrue();
    assertThat(id.parentInstanceId()).contains("i-1234567890abcdef0");
    assertThat(id.suffix()).contains("9876543210abcde");
  }

  @Test
  void moduleId_nitroTpm_splitAtTpm() {
    ModuleId id = ModuleId.parse("i-123456789abcde123-tpm0000000000000000");
    assertThat(id.kind()).isEqualTo(ModuleId.Kind.NITRO_TPM);
    assertThat(id.isNitroTpm()).isTrue();
    assertThat(id.parentInstanceId()).contains("i-123456789abcde123");
    assertThat(id.suffix()).contains("0000000000000000");
  }

  @ParameterizedTest
  @CsvSource({"enclave-42", "i-1234567890abcdef0", "i-1234567890abcdef0-enc", "x-1-enc2", "''"})
  void moduleId_otherForms_keptAsText(String text) {
    ModuleId id = ModuleId.parse(text);
    assertThat(id.kind()).isEqualTo(ModuleId.Kind.OTHER);
    assertThat(id.parentInstanceId()).isEmpty();
    assertThat(id.text()).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({"1.05, 1, 5", "1.11, 1, 11", "1.0, 1, 0", "2, 2, 0"})
  void eventVersion_parsed_asNumbers(String text, int major, int minor) {
    EventVersion v = EventVersion.parse(text);
    assertThat(v.major()).isEqualTo(major);
    assertThat(v.minor()).isEqualTo(minor);
    assertThat(v.text()).isEqualTo(text);
  }

  @Test
  void eventVersion_compared_numerically() {
    assertThat(EventVersion.parse("1.10")).isGreaterThan(EventVersion.parse("1.9"));
    assertThat(EventVersion.parse("1.08").isAtLeast(1, 6)).isTrue();
    assertThat(EventVersion.parse("1.05").isAtLeast(1, 6)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"v1", "1.", ".5", "1.x", "1.2.3"})
  void eventVersion_malformed_rejected(String text) {
    assertThatThrownBy(() -> EventVersion.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected an event version like `1.08`, found `" + text + "`");
  }

  @Test
  void attestedOperation_fromEventName_exactNames() {
    assertThat(AttestedOperation.fromEventName("GenerateDataKeyPair"))
        .contains(AttestedOperation.GENERATE_DATA_KEY_PAIR);
    assertThat(AttestedOperation.fromEventName("GenerateDataKeyPairWithoutPlaintext")).isEmpty();
    assertThat(AttestedOperation.fromEventName("decrypt")).isEmpty();
    assertThat(AttestedOperation.DERIVE_SHARED_SECRET.action()).isEqualTo("kms:DeriveSharedSecret");
  }
}
