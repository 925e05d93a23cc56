package dev.enclavetrail.core;

import java.util.Optional;

/** The five AWS KMS operations that accept a {@code Recipient} attestation document. */
public enum AttestedOperation {
  /** {@code Decrypt}. */
  DECRYPT("Decrypt"),
  /** {@code DeriveSharedSecret}. */
  DERIVE_SHARED_SECRET("DeriveSharedSecret"),
  /** {@code GenerateDataKey}. */
  GENERATE_DATA_KEY("GenerateDataKey"),
  /** {@code GenerateDataKeyPair}. */
  GENERATE_DATA_KEY_PAIR("GenerateDataKeyPair"),
  /** {@code GenerateRandom}: the only one that uses no KMS key. */
  GENERATE_RANDOM("GenerateRandom");

  private final String eventName;

  AttestedOperation(String eventName) {
    this.eventName = eventName;
  }

  /** Returns the CloudTrail {@code eventName}, which is also the API name. */
  public String eventName() {
    return eventName;
  }

  /** Returns the IAM action, {@code kms:<eventName>}. */
  public String action() {
    return "kms:" + eventName;
  }

  /** Returns the operation whose {@code eventName} is exactly {@code eventName}. */
  public static Optional<AttestedOperation> fromEventName(String eventName) {
    for (AttestedOperation op : values()) {
      if (op.eventName.equals(eventName)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }
}
