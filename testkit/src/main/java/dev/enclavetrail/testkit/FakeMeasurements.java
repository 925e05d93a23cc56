package dev.enclavetrail.testkit;

import dev.enclavetrail.core.EnclaveMeasurements;
import dev.enclavetrail.core.Measurement;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Deterministic enclave and NitroTPM measurements for tests: the same name gives the same PCRs in
 * every run, on every machine, and PCR3 and PCR4 are computed exactly as the Nitro hypervisor
 * computes them.
 *
 * <p>A fake register {@code n} of the image or instance called {@code name} is
 *
 * <pre>{@code
 * SHA384(48 zero bytes ‖ SHA384(UTF-8("enclavetrail-testkit/" + name + "/PCR" + n)))
 * }</pre>
 *
 * <p>which has the shape of a real register (extended once from reset, 48 bytes) but measures
 * nothing. PCR3 is {@code SHA384(48 zero bytes ‖ UTF-8(role ARN))} and PCR4 is {@code SHA384(48
 * zero bytes ‖ UTF-8(instance id))}, as AWS documents them. Measurements are written in lower-case
 * hex, as nitro-cli prints them; the record builders re-encode them as a log would.
 *
 * <pre>{@code
 * EnclaveMeasurements m = FakeMeasurements.forName("payments-enclave",
 *     "arn:aws:iam::111122223333:role/data-processing", "i-1234567890abcdef0");
 * String imageSha384 = m.pcr0().hex().orElseThrow(); // for a key policy condition
 * }</pre>
 */
public final class FakeMeasurements {

  /** The {@code HashAlgorithm} text nitro-cli prints beside the measurements. */
  public static final String HASH_ALGORITHM = "Sha384 { ... }";

  /** The NitroTPM registers that {@code nitro-tpm-pcr-compute} prints and AWS recommends. */
  private static final int[] NITRO_TPM_INDICES = {4, 7, 12};

  private FakeMeasurements() {}

  /**
   * Returns the measurements of a signed image called {@code name}: fake PCR0, PCR1, PCR2 and PCR8,
   * and no PCR3 or PCR4 (as {@code nitro-cli build-enclave} prints them).
   */
  public static EnclaveMeasurements forName(String name) {
    Objects.requireNonNull(name, "name");
    return EnclaveMeasurements.builder()
        .hashAlgorithm(HASH_ALGORITHM)
        .pcr0(pcr(name, 0))
        .pcr1(pcr(name, 1))
        .pcr2(pcr(name, 2))
        .pcr8(pcr(name, 8))
        .build();
  }

  /**
   * Returns the measurements of the image called {@code name} running on a parent instance: fake
   * PCR0, PCR1, PCR2 and PCR8, with the real PCR3 of {@code roleArn} and PCR4 of {@code
   * instanceId}.
   */
  public static EnclaveMeasurements forName(String name, String roleArn, String instanceId) {
    return withParentInstance(forName(name), roleArn, instanceId);
  }

  /**
   * Returns {@code measurements} with PCR3 and PCR4 replaced by those of a parent instance with IAM
   * role {@code roleArn} and id {@code instanceId}.
   */
  public static EnclaveMeasurements withParentInstance(
      EnclaveMeasurements measurements, String roleArn, String instanceId) {
    return EnclaveMeasurements.builder()
        .from(measurements)
        .pcr3(pcr3(roleArn))
        .pcr4(pcr4(instanceId))
        .build();
  }

  /**
   * Returns the measurements of an enclave started with {@code --debug-mode}, as AWS documents
   * them: PCR0, PCR1, PCR2, PCR3, PCR4 and PCR8 all zeros.
   */
  public static EnclaveMeasurements debugMode() {
    Measurement zero = zero();
    return EnclaveMeasurements.builder()
        .pcr0(zero)
        .pcr1(zero)
        .pcr2(zero)
        .pcr3(zero)
        .pcr4(zero)
        .pcr8(zero)
        .build();
  }

  /**
   * Returns the measurements of a debug-mode enclave as observed in practice: PCR0, PCR1, PCR2 and
   * PCR8 all zeros, but the real PCR3 of {@code roleArn} and PCR4 of {@code instanceId}.
   */
  public static EnclaveMeasurements debugMode(String roleArn, String instanceId) {
    return withParentInstance(debugMode(), roleArn, instanceId);
  }

  /** Returns fake register {@code index} (0–31) of the image called {@code name}, in hex. */
  public static Measurement pcr(String name, int index) {
    Objects.requireNonNull(name, "name");
    if (index < 0 || index > 31) {
      throw new IllegalArgumentException("PCR index must be 0 to 31, not " + index);
    }
    byte[] content =
        Ids.sha384(
            ("enclavetrail-testkit/" + name + "/PCR" + index).getBytes(StandardCharsets.UTF_8));
    return Measurement.ofHex(Ids.extendFromZero(content));
  }

  /**
   * Returns PCR3 of an enclave whose parent instance has the IAM role {@code roleArn}: {@code
   * SHA384(48 zero bytes ‖ UTF-8(roleArn))}, in hex.
   */
  public static Measurement pcr3(String roleArn) {
    return extendText(Objects.requireNonNull(roleArn, "roleArn"));
  }

  /**
   * Returns PCR4 of an enclave whose parent instance is {@code instanceId}: {@code SHA384(48 zero
   * bytes ‖ UTF-8(instanceId))}, in hex.
   */
  public static Measurement pcr4(String instanceId) {
    return extendText(Objects.requireNonNull(instanceId, "instanceId"));
  }

  /**
   * Returns fake NitroTPM registers 4, 7 and 12 of the instance image called {@code name} (those
   * AWS recommends for key policies), in hex, by index.
   */
  public static SortedMap<Integer, Measurement> nitroTpm(String name) {
    return nitroTpm(name, NITRO_TPM_INDICES);
  }

  /**
   * Returns fake NitroTPM registers {@code indices} (0–23) of the instance image called {@code
   * name}, in hex, by index; they differ from the enclave registers of the same name.
   */
  public static SortedMap<Integer, Measurement> nitroTpm(String name, int... indices) {
    Objects.requireNonNull(name, "name");
    TreeMap<Integer, Measurement> pcrs = new TreeMap<>();
    for (int index : indices) {
      if (index < 0 || index > 23) {
        throw new IllegalArgumentException("NitroTPM PCR index must be 0 to 23, not " + index);
      }
      pcrs.put(index, pcr("nitrotpm/" + name, index));
    }
    return Collections.unmodifiableSortedMap(pcrs);
  }

  /** Returns 48 zero bytes in hex. */
  static Measurement zero() {
    return Measurement.zero(Measurement.Encoding.HEX);
  }

  private static Measurement extendText(String text) {
    return Measurement.ofHex(Ids.extendFromZero(text.getBytes(StandardCharsets.UTF_8)));
  }
}
