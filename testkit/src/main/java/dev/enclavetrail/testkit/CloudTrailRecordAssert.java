package dev.enclavetrail.testkit;

import dev.enclavetrail.core.AttestedOperation;
import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.EnclaveMeasurements;
import dev.enclavetrail.core.Measurement;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on a {@link CloudTrailRecord}: the event, whether it is an attested AWS KMS request,
 * and what its attestation recipient carries. The recipient assertions are those of {@link
 * AttestationRecipientAssert}, checking first that the record is attested; {@link #recipient()}
 * moves on to them.
 *
 * <pre>{@code
 * EnclaveMeasurements m = FakeMeasurements.forName("payments-enclave");
 * assertThat(KmsRecords.decrypt().enclave(m).build())
 *     .hasOperation(AttestedOperation.DECRYPT)
 *     .isAttested()
 *     .isFromEnclave()
 *     .hasImageDigest(m.pcr0());
 * }</pre>
 */
public final class CloudTrailRecordAssert
    extends AbstractAssert<CloudTrailRecordAssert, CloudTrailRecord> {

  CloudTrailRecordAssert(@Nullable CloudTrailRecord actual) {
    super(actual, CloudTrailRecordAssert.class);
  }

  /**
   * Verifies that the record is an AWS KMS call ({@code eventSource} {@code kms.amazonaws.com}).
   */
  public CloudTrailRecordAssert isKms() {
    isNotNull();
    if (!actual.isKms()) {
      failWithMessage(
          "%nExpecting %s to be an AWS KMS call, but its eventSource was %s",
          describe(), actual.eventSource().orElse("absent"));
    }
    return myself;
  }

  /** Verifies {@code eventName}, such as {@code Decrypt}. */
  public CloudTrailRecordAssert hasEventName(String expected) {
    isNotNull();
    return hasMember("eventName", expected, actual.eventName());
  }

  /** Verifies that the record is an AWS KMS call of {@code expected}. */
  public CloudTrailRecordAssert hasOperation(AttestedOperation expected) {
    isKms();
    return hasEventName(expected.eventName());
  }

  /**
   * Verifies that the record is an AWS KMS call with an attestation recipient in {@code
   * additionalEventData}.
   */
  public CloudTrailRecordAssert isAttested() {
    isNotNull();
    if (!actual.isAttestedKmsRequest()) {
      failWithMessage(
          "%nExpecting %s to be an attested AWS KMS request, but it %s",
          describe(),
          actual.isKms()
              ? "has no additionalEventData.recipient"
              : "is not a KMS call (eventSource " + actual.eventSource().orElse("absent") + ")");
    }
    return myself;
  }

  /** Verifies that the record carries no attestation recipient. */
  public CloudTrailRecordAssert isNotAttested() {
    isNotNull();
    if (actual.isAttestedKmsRequest()) {
      failWithMessage(
          "%nExpecting %s not to be attested, but it has a recipient with module id %s",
          describe(),
          actual
              .attestationRecipient()
              .flatMap(r -> r.moduleId())
              .map(Object::toString)
              .orElse("absent"));
    }
    return myself;
  }

  /** Verifies {@code errorCode}: the request failed, such as with {@code AccessDeniedException}. */
  public CloudTrailRecordAssert hasErrorCode(String expected) {
    isNotNull();
    return hasMember("errorCode", expected, actual.errorCode());
  }

  /** Verifies that the record has no {@code errorCode}: the request succeeded. */
  public CloudTrailRecordAssert hasNoErrorCode() {
    isNotNull();
    Optional<String> code = actual.errorCode();
    if (code.isPresent()) {
      failWithMessage(
          "%nExpecting %s to have succeeded, but it has errorCode %s", describe(), code.get());
    }
    return myself;
  }

  /** Verifies that a Nitro enclave attested the request. */
  public CloudTrailRecordAssert isFromEnclave() {
    recipient().isFromEnclave();
    return myself;
  }

  /** Verifies that a NitroTPM instance attested the request. */
  public CloudTrailRecordAssert isFromNitroTpm() {
    recipient().isFromNitroTpm();
    return myself;
  }

  /** Verifies the recipient's module id. */
  public CloudTrailRecordAssert hasModuleId(String expected) {
    recipient().hasModuleId(expected);
    return myself;
  }

  /** Verifies the recipient's image digest (PCR0), by value. */
  public CloudTrailRecordAssert hasImageDigest(Measurement expected) {
    recipient().hasImageDigest(expected);
    return myself;
  }

  /** Verifies the recipient's enclave PCR {@code index}, by value. */
  public CloudTrailRecordAssert hasEnclavePcr(int index, Measurement expected) {
    recipient().hasEnclavePcr(index, expected);
    return myself;
  }

  /** Verifies the recipient's NitroTPM PCR {@code index}, by value. */
  public CloudTrailRecordAssert hasNitroTpmPcr(int index, Measurement expected) {
    recipient().hasNitroTpmPcr(index, expected);
    return myself;
  }

  /** Verifies that the recipient carries the measurements of {@code expected}. */
  public CloudTrailRecordAssert hasMeasurements(EnclaveMeasurements expected) {
    recipient().hasMeasurements(expected);
    return myself;
  }

  /** Verifies each NitroTPM PCR of {@code expected}, by value. */
  public CloudTrailRecordAssert hasNitroTpmPcrs(Map<Integer, Measurement> expected) {
    recipient().hasNitroTpmPcrs(expected);
    return myself;
  }

  /** Verifies that the attesting enclave ran in debug mode (PCR0, PCR1, PCR2 all zeros). */
  public CloudTrailRecordAssert isDebugMode() {
    recipient().isDebugMode();
    return myself;
  }

  /** Verifies that the attesting enclave did not run in debug mode. */
  public CloudTrailRecordAssert isNotDebugMode() {
    recipient().isNotDebugMode();
    return myself;
  }

  /**
   * Verifies that the record is attested and returns assertions on its recipient, with this
   * assertion's description.
   */
  public AttestationRecipientAssert recipient() {
    isAttested();
    AttestationRecipientAssert recipient =
        new AttestationRecipientAssert(
            actual.attestationRecipient().orElseThrow(), "the recipient of " + describe());
    return info.hasDescription() ? recipient.describedAs(info.description()) : recipient;
  }

  private CloudTrailRecordAssert hasMember(String name, String expected, Optional<String> value) {
    Objects.requireNonNull(expected, "expected");
    if (!value.filter(expected::equals).isPresent()) {
      failWithMessage(
          "%nExpecting %s to have %s%n  %s%nbut was%n  %s",
          describe(), name, expected, value.orElse("absent"));
    }
    return myself;
  }

  /** {@code Decrypt record <eventID>}: enough to find the record, never the whole of it. */
  private String describe() {
    return actual.eventName().orElse("the")
        + " record "
        + actual.eventId().orElse("without eventID");
  }
}
