package dev.enclavetrail.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The measurements of an enclave image as its build pipeline knows them: PCR0, PCR1, PCR2 and PCR8
 * (when the image is signed) from {@code nitro-cli build-enclave} or {@code nitro-cli
 * describe-eif}, and PCR3 (IAM role of the parent instance) and PCR4 (parent instance id) when
 * known.
 *
 * <p>Hand them to the policy module to check a key policy, or to the testkit to build records.
 *
 * <pre>{@code
 * EnclaveMeasurements m = EnclaveMeasurements.readNitroCliOutput(buildOutput);
 * String pcr0 = m.pcr0().hex().orElseThrow();
 * }</pre>
 */
@Value.Immutable
@EnclaveTrailStyle
public abstract class EnclaveMeasurements {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  EnclaveMeasurements() {}

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EnclaveMeasurements}; PCR0, PCR1 and PCR2 are required. */
  public static final class Builder extends ImmutableEnclaveMeasurements.Builder {
    Builder() {}
  }

  /**
   * Returns the hash algorithm as nitro-cli printed it (opaque text, such as {@code Sha384 { ...
   * }}).
   */
  public abstract Optional<String> hashAlgorithm();

  /** Returns PCR0, the enclave image file (the image digest). */
  public abstract Measurement pcr0();

  /** Returns PCR1, the Linux kernel and bootstrap. */
  public abstract Measurement pcr1();

  /** Returns PCR2, the user application. */
  public abstract Measurement pcr2();

  /** Returns PCR3, the IAM role of the parent instance, when known. */
  public abstract Optional<Measurement> pcr3();

  /** Returns PCR4, the parent instance id, when known. */
  public abstract Optional<Measurement> pcr4();

  /** Returns PCR8, the image signing certificate, when the image is signed. */
  public abstract Optional<Measurement> pcr8();

  /** Returns the measurement of PCR {@code index} (0, 1, 2, 3, 4 or 8), when known. */
  public Optional<Measurement> pcr(int index) {
    return switch (index) {
      case 0 -> Optional.of(pcr0());
      case 1 -> Optional.of(pcr1());
      case 2 -> Optional.of(pcr2());
      case 3 -> pcr3();
      case 4 -> pcr4();
      case 8 -> pcr8();
      default -> Optional.empty();
    };
  }

  /** Returns true if PCR0, PCR1 and PCR2 are all zeros, as for an enclave run in debug mode. */
  public boolean isDebugMode() {
    return pcr0().isAllZero() && pcr1().isAllZero() && pcr2().isAllZero();
  }

  @Value.Check
  void check() {
    for (int i : new int[] {0, 1, 2, 3, 4, 8}) {
      pcr(i)
          .filter(m -> !m.isDecodable())
          .ifPresent(
              m -> {
                throw new IllegalArgumentException(
                    "PCR"
                        + i
                        + " is not 96 hex or 64 base64 characters: `"
                        + Fields.excerpt(m.text())
                        + "`");
              });
    }
  }

  /**
   * Reads the JSON that {@code nitro-cli build-enclave} or {@code nitro-cli describe-eif} prints:
   * an object whose {@code Measurements} member holds {@code HashAlgorithm}, {@code PCR0}, {@code
   * PCR1}, {@code PCR2} and, for a signed image, {@code PCR8}. Text before the first brace, such as
   * {@code Enclave Image successfully created.}, is skipped; a bare {@code Measurements} object is
   * accepted too.
   *
   * @throws IllegalArgumentException if the text is not such JSON or a PCR is missing or malformed
   */
  public static EnclaveMeasurements readNitroCliOutput(String output) {
    int start = output.indexOf('{');
    if (start < 0) {
      throw new IllegalArgumentException("no JSON object in nitro-cli output");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(output.substring(start));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "nitro-cli output is not JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""),
          e);
    }
    JsonNode m = root.has("Measurements") ? root.get("Measurements") : root;
    if (m == null || !m.isObject()) {
      throw new IllegalArgumentException("nitro-cli output has no `Measurements` object");
    }
    Builder b = builder();
    b.pcr0(required(m, "PCR0")).pcr1(required(m, "PCR1")).pcr2(required(m, "PCR2"));
    optional(m, "PCR3").ifPresent(b::pcr3);
    optional(m, "PCR4").ifPresent(b::pcr4);
    optional(m, "PCR8").ifPresent(b::pcr8);
    JsonNode alg = m.get("HashAlgorithm");
    if (alg != null && alg.isTextual()) {
      b.hashAlgorithm(alg.asText());
    }
    return b.build();
  }

  private static Measurement required(JsonNode m, String name) {
    return optional(m, name)
        .orElseThrow(() -> new IllegalArgumentException("nitro-cli output has no `" + name + "`"));
  }

  private static Optional<Measurement> optional(JsonNode m, String name) {
    JsonNode v = m.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException("`" + name + "` in nitro-cli output is not a string");
    }
    return Optional.of(Measurement.parse(v.asText()));
  }
}
