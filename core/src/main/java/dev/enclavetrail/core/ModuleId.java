package dev.enclavetrail.core;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code attestationDocumentModuleId} of an attested request: an enclave id {@code
 * i-1234567890abcdef0-enc9876543210abcde} (parent instance id, {@code -enc}, enclave part), a
 * NitroTPM id {@code i-123456789abcde123-tpm0000000000000000}, or any other text, which is kept as
 * it is.
 *
 * <pre>{@code
 * ModuleId id = ModuleId.parse("i-1234567890abcdef0-enc9876543210abcde");
 * id.kind();             // ENCLAVE
 * id.parentInstanceId(); // Optional[i-1234567890abcdef0]
 * id.suffix();           // Optional[9876543210abcde]
 * }</pre>
 */
public final class ModuleId {

  private static final String ENCLAVE_MARK = "-enc";
  private static final String TPM_MARK = "-tpm";

  private final String text;
  private final Kind kind;
  private final @Nullable String instanceId;
  private final @Nullable String suffix;

  private ModuleId(String text, Kind kind, @Nullable String instanceId, @Nullable String suffix) {
    this.text = text;
    this.kind = kind;
    this.instanceId = instanceId;
    this.suffix = suffix;
  }

  /** What issued the attestation document. */
  public enum Kind {
    /** A Nitro enclave: {@code <parent instance id>-enc<enclave part>}. */
    ENCLAVE,
    /** An EC2 instance with NitroTPM: {@code <instance id>-tpm<TPM part>}. */
    NITRO_TPM,
    /** Any other module id, kept as text. */
    OTHER
  }

  /** Reads a module id; never fails: unknown forms are {@link Kind#OTHER}. */
  public static ModuleId parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.startsWith("i-")) {
      int enc = text.indexOf(ENCLAVE_MARK);
      if (enc > 2 && enc + ENCLAVE_MARK.length() < text.length()) {
        return new ModuleId(
            text,
            Kind.ENCLAVE,
            text.substring(0, enc),
            text.substring(enc + ENCLAVE_MARK.length()));
      }
      int tpm = text.indexOf(TPM_MARK);
      if (tpm > 2 && tpm + TPM_MARK.length() < text.length()) {
        return new ModuleId(
            text, Kind.NITRO_TPM, text.substring(0, tpm), text.substring(tpm + TPM_MARK.length()));
      }
    }
    return new ModuleId(text, Kind.OTHER, null, null);
  }

  /** Returns the module id as written. */
  public String text() {
    return text;
  }

  /** Returns what issued the attestation document. */
  public Kind kind() {
    return kind;
  }

  /** Returns true for a Nitro enclave. */
  public boolean isEnclave() {
    return kind == Kind.ENCLAVE;
  }

  /** Returns true for a NitroTPM instance. */
  public boolean isNitroTpm() {
    return kind == Kind.NITRO_TPM;
  }

  /**
   * Returns the EC2 instance id: the parent instance of an enclave, or the NitroTPM instance
   * itself; empty for {@link Kind#OTHER}.
   */
  public Optional<String> parentInstanceId() {
    return Optional.ofNullable(instanceId);
  }

  /** Returns the part after {@code -enc} or {@code -tpm}; empty for {@link Kind#OTHER}. */
  public Optional<String> suffix() {
    return Optional.ofNullable(suffix);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ModuleId other && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
