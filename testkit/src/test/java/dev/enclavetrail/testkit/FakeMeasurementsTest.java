package dev.enclavetrail.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.enclavetrail.core.EnclaveMeasurements;
import dev.enclavetrail.core.Measurement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FakeMeasurementsTest {

  private static final String ROLE = "arn:aws:iam::123456789012:role/Webserver";
  private static final String INSTANCE = "i-1234567890abcdef0";
  private static final String PAYMENTS_PCR0 =
      "14a5576e100243d53858f59d88740ee7da2f0bbab94622bcd759fc44f2490dc4"
          + "de0940e9712f4732b15df25637c71e2d";

  @Test
  void pcr3_awsWebserverRoleExample_matchesAwsValue() {
    assertThat(FakeMeasurements.pcr3(ROLE).hex())
        .contains(
            "78fce75db17cd4e0a3fb8dad3ad128ca5e77edbb2b2c7f75329dccd99aa5f6ef"
                + "4fc1f1a452e315b9e98f9e312e6921e6");
  }

  @Test
  void pcr4_awsInstanceExample_matchesAwsValue() {
    assertThat(FakeMeasurements.pcr4(INSTANCE).hex())
        .contains(
            "08f996b5d43e047a9eb51e7f548bfee7e164fd7dc8f65541f2ac09d6545ac812"
                + "719327281c401a67a10fcba87ae79ce0");
  }

  @Test
  void forName_paymentsEnclave_pinnedAcrossRuns() {
    // Pinned literal: a change here breaks every user's stored key policies and fixtures.
    assertThat(FakeMeasurements.forName("payments-enclave").pcr0().text()).isEqualTo(PAYMENTS_PCR0);
  }

  @Test
  void forName_pcr0_isTheDocumentedDerivation() throws Exception {
    MessageDigest sha384 = MessageDigest.getInstance("SHA-384");
    byte[] content =
        sha384.digest(
            "enclavetrail-testkit/payments-enclave/PCR0".getBytes(StandardCharsets.UTF_8));
    sha384.update(new byte[48]);
    sha384.update(content);
    String expected = HexFormat.of().formatHex(sha384.digest());

    assertThat(FakeMeasurements.forName("payments-enclave").pcr0().text()).isEqualTo(expected);
  }

  @Test
  void forName_sameName_equalMeasurements() {
    assertThat(FakeMeasurements.forName("a")).isEqualTo(FakeMeasurements.forName("a"));
  }

  @Test
  void forName_differentNames_differentRegisters() {
    EnclaveMeasurements a = FakeMeasurements.forName("a");
    EnclaveMeasurements b = FakeMeasurements.forName("b");

    for (int i : new int[] {0, 1, 2, 8}) {
      assertThat(a.pcr(i).orElseThrow().sameValueAs(b.pcr(i).orElseThrow()))
          .as("PCR%d", i)
          .isFalse();
    }
  }

  @Test
  void forName_oneImage_fourDistinctHexRegistersAndNoParent() {
    EnclaveMeasurements m = FakeMeasurements.forName("payments-enclave");

    Set<String> values =
        IntStream.of(0, 1, 2, 8)
            .mapToObj(i -> m.pcr(i).orElseThrow())
            .peek(p -> assertThat(p.encoding()).isEqualTo(Measurement.Encoding.HEX))
            .map(Measurement::text)
            .collect(Collectors.toSet());
    assertThat(values).hasSize(4).allSatisfy(v -> assertThat(v).matches("[0-9a-f]{96}"));
    assertThat(m.pcr3()).isEmpty();
    assertThat(m.pcr4()).isEmpty();
    assertThat(m.hashAlgorithm()).contains(FakeMeasurements.HASH_ALGORITHM);
    assertThat(m.isDebugMode()).isFalse();
  }

  @Test
  void forName_withParent_pcr3AndPcr4FromRoleAndInstance() {
    EnclaveMeasurements m = FakeMeasurements.forName("payments-enclave", ROLE, INSTANCE);

    assertThat(m.pcr3()).contains(FakeMeasurements.pcr3(ROLE));
    assertThat(m.pcr4()).contains(FakeMeasurements.pcr4(INSTANCE));
    assertThat(m.pcr0()).isEqualTo(FakeMeasurements.forName("payments-enclave").pcr0());
  }

  @Test
  void withParentInstance_measurementsWithParent_replacesPcr3AndPcr4() {
    EnclaveMeasurements before = FakeMeasurements.forName("x", ROLE, INSTANCE);

    EnclaveMeasurements after =
        FakeMeasurements.withParentInstance(before, "arn:aws:iam::111122223333:role/r", "i-0aa");

    assertThat(after.pcr3()).contains(FakeMeasurements.pcr3("arn:aws:iam::111122223333:role/r"));
    assertThat(after.pcr4()).contains(FakeMeasurements.pcr4("i-0aa"));
    assertThat(after.pcr8()).isEqualTo(before.pcr8());
  }

  @Test
  void debugMode_noParent_everyRegisterZero() {
    EnclaveMeasurements m = FakeMeasurements.debugMode();

    assertThat(m.isDebugMode()).isTrue();
    for (int i : new int[] {0, 1, 2, 3, 4, 8}) {
      assertThat(m.pcr(i).orElseThrow().isAllZero()).as("PCR%d", i).isTrue();
    }
  }

  @Test
  void debugMode_withParent_zeroImageRealPcr3AndPcr4() {
    EnclaveMeasurements m = FakeMeasurements.debugMode(ROLE, INSTANCE);

    assertThat(m.isDebugMode()).isTrue();
    assertThat(m.pcr8().orElseThrow().isAllZero()).isTrue();
    assertThat(m.pcr3()).contains(FakeMeasurements.pcr3(ROLE));
    assertThat(m.pcr4()).contains(FakeMeasurements.pcr4(INSTANCE));
  }

  @Test
  void nitroTpm_name_registers4And7And12DifferentFromEnclave() {
    Map<Integer, Measurement> pcrs = FakeMeasurements.nitroTpm("attestable-ami");

    assertThat(pcrs).containsOnlyKeys(4, 7, 12);
    Measurement pcr4 = Objects.requireNonNull(pcrs.get(4));
    assertThat(pcr4.sameValueAs(FakeMeasurements.pcr("attestable-ami", 4))).isFalse();
    assertThat(FakeMeasurements.nitroTpm("attestable-ami", 0, 23)).containsOnlyKeys(0, 23);
  }

  @Test
  void nitroTpm_indexAbove23_rejected() {
    assertThatThrownBy(() -> FakeMeasurements.nitroTpm("x", 24))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NitroTPM PCR index must be 0 to 23, not 24");
  }

  @Test
  void pcr_indexAbove31_rejected() {
    assertThatThrownBy(() -> FakeMeasurements.pcr("x", 32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PCR index must be 0 to 31, not 32");
  }
}
