package dev.enclavetrail.testkit;

import dev.enclavetrail.core.AttestationRecipient;
import dev.enclavetrail.core.EnclaveMeasurements;
import dev.enclavetrail.core.Measurement;
import dev.enclavetrail.core.ModuleId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on the {@link AttestationRecipient} of an attested AWS KMS request: who attested (a
 * Nitro enclave or a NitroTPM instance), the module id, and the measurements.
 *
 * <p>Measurements are compared by value, so an expected hex PCR (as {@link FakeMeasurements} and
 * nitro-cli write them) equals the same register logged in base64; failures print both in hex.
 *
 * <pre>{@code
 * assertThat(record.attestationRecipient().orElseThrow())
 *     .isFromEnclave()
 *     .hasMeasurements(FakeMeasurements.forName("payments-enclave"))
 *     .isNotDebugMode();
 * }</pre>
 */
public final class AttestationRecipientAssert
    extends AbstractAssert<AttestationRecipientAssert, AttestationRecipient> {

  private final String subject;

  AttestationRecipientAssert(@Nullable AttestationRecipient actual) {
    this(actual, "the recipient");
  }

  AttestationRecipientAssert(@Nullable AttestationRecipient actual, String subject) {
    super(actual, AttestationRecipientAssert.class);
    this.subject = subject;
  }

  /** Verifies that a Nitro enclave attested (the module id or the members say so). */
  public AttestationRecipientAssert isFromEnclave() {
    return hasType(AttestationRecipient.Type.ENCLAVE);
  }

  /** Verifies that a NitroTPM instance attested. */
  public AttestationRecipientAssert isFromNitroTpm() {
    return hasType(AttestationRecipient.Type.NITRO_TPM);
  }

  /** Verifies the module id, as text: {@code i-…-enc…} or {@code i-…-tpm…}. */
  public AttestationRecipientAssert hasModuleId(String expected) {
    Objects.requireNonNull(expected, "expected");
    isNotNull();
    String id = actual.moduleId().map(ModuleId::text).orElse(null);
    if (!expected.equals(id)) {
      failWithMessage(
          "%nExpecting the module id of %s to be%n  %s%nbut was%n  %s",
          subject, expected, id == null ? "absent" : id);
    }
    return myself;
  }

  /** Verifies the image digest (PCR0), by value. */
  public AttestationRecipientAssert hasImageDigest(Measurement expected) {
    isNotNull();
    return compare("image digest (PCR0)", expected, actual.imageDigest());
  }

  /** Verifies enclave PCR {@code index} (PCR0 is the image digest), by value. */
  public AttestationRecipientAssert hasEnclavePcr(int index, Measurement expected) {
    isNotNull();
    return compare("enclave PCR" + index, expected, actual.enclavePcr(index));
  }

  /** Verifies NitroTPM PCR {@code index}, by value. */
  public AttestationRecipientAssert hasNitroTpmPcr(int index, Measurement expected) {
    isNotNull();
    return compare("NitroTPM PCR" + index, expected, actual.nitroTpmPcr(index));
  }

  /**
   * Verifies that the enclave ran the image of {@code expected}: PCR0, PCR1 and PCR2, and PCR3,
   * PCR4 and PCR8 where {@code expected} has them.
   */
  public AttestationRecipientAssert hasMeasurements(EnclaveMeasurements expected) {
    isNotNull();
    for (int i : new int[] {0, 1, 2, 3, 4, 8}) {
      int index = i;
      expected.pcr(i).ifPresent(m -> hasEnclavePcr(index, m));
    }
    return myself;
  }

  /** Verifies each NitroTPM PCR of {@code expected}, by value; other logged PCRs are ignored. */
  public AttestationRecipientAssert hasNitroTpmPcrs(Map<Integer, Measurement> expected) {
    isNotNull();
    new TreeMap<>(expected).forEach(this::hasNitroTpmPcr);
    return myself;
  }

  /** Verifies that PCR0, PCR1 and PCR2 are all zeros: an enclave run in debug mode. */
  public AttestationRecipientAssert isDebugMode() {
    isNotNull();
    if (!actual.isDebugMode()) {
      failWithMessage(
          "%nExpecting %s to be of a debug-mode enclave (PCR0, PCR1, PCR2 all zeros), but PCR0 was%n"
              + "  %s",
          subject, show(actual.imageDigest()));
    }
    return myself;
  }

  /** Verifies that the enclave did not run in debug mode. */
  public AttestationRecipientAssert isNotDebugMode() {
    isNotNull();
    if (actual.isDebugMode()) {
      failWithMessage(
          "%nExpecting %s not to be of a debug-mode enclave, but PCR0, PCR1 and PCR2 are all zeros",
          subject);
    }
    return myself;
  }

  private AttestationRecipientAssert hasType(AttestationRecipient.Type expected) {
    isNotNull();
    if (actual.type() != expected) {
      failWithMessage(
          "%nExpecting %s to be from %s, but it was from %s (module id %s)",
          subject,
          kind(expected),
          kind(actual.type()),
          actual.moduleId().map(ModuleId::text).orElse("absent"));
    }
    return myself;
  }

  private AttestationRecipientAssert compare(
      String name, Measurement expected, Optional<Measurement> found) {
    Objects.requireNonNull(expected, "expected");
    if (found.isEmpty() || !found.get().sameValueAs(expected)) {
      failWithMessage(
          "%nExpecting the %s of %s to be%n  %s%nbut was%n  %s",
          name, subject, show(Optional.of(expected)), show(found));
    }
    return myself;
  }

  /** A measurement in lower-case hex, with its logged text when that differs; or {@code absent}. */
  private static String show(Optional<Measurement> m) {
    if (m.isEmpty()) {
      return "absent";
    }
    Measurement v = m.get();
    String hex = v.hex().orElse(v.text());
    return hex.equals(v.text()) ? hex : hex + " (logged as " + v.text() + ")";
  }

  private static String kind(AttestationRecipient.Type type) {
    return switch (type) {
      case ENCLAVE -> "a Nitro enclave";
      case NITRO_TPM -> "a NitroTPM instance";
      case UNKNOWN -> "an unknown issuer";
    };
  }
}
