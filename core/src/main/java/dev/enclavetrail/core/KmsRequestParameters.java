package dev.enclavetrail.core;

import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonString;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A typed view of the {@code requestParameters} of an AWS KMS call, covering the members of the
 * attested operations (Decrypt, DeriveSharedSecret, GenerateDataKey, GenerateDataKeyPair,
 * GenerateRandom). The whole object, unknown members included, stays available as {@link #json()}.
 */
public final class KmsRequestParameters extends JsonBacked {

  private final Optional<String> keyId;
  private final Optional<String> encryptionAlgorithm;
  private final Map<String, String> encryptionContext;
  private final OptionalInt numberOfBytes;
  private final Optional<String> keySpec;
  private final Optional<String> keyPairSpec;
  private final Optional<String> keyAgreementAlgorithm;
  private final List<String> grantTokens;
  private final Optional<Boolean> dryRun;

  private KmsRequestParameters(JsonObject json, String path) {
    super(json);
    Fields f = new Fields(json, path);
    this.keyId = f.string("keyId");
    this.encryptionAlgorithm = f.string("encryptionAlgorithm");
    this.encryptionContext = encryptionContext(f);
    this.numberOfBytes =
        f.integer("numberOfBytes")
            .map(n -> OptionalInt.of(toInt(n, f)))
            .orElse(OptionalInt.empty());
    this.keySpec = f.string("keySpec");
    this.keyPairSpec = f.string("keyPairSpec");
    this.keyAgreementAlgorithm = f.string("keyAgreementAlgorithm");
    this.grantTokens = f.strings("grantTokens");
    this.dryRun = f.bool("dryRun");
  }

  private static int toInt(long n, Fields f) {
    if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
      String p = f.path("numberOfBytes");
      throw new CloudTrailFormatException("field `" + p + "`: " + n + " is out of range", p);
    }
    return (int) n;
  }

  private static Map<String, String> encryptionContext(Fields f) {
    Optional<JsonObject> context = f.object("encryptionContext");
    if (context.isEmpty()) {
      return Map.of();
    }
    Fields cf = new Fields(context.get(), f.path("encryptionContext"));
    LinkedHashMap<String, String> out = new LinkedHashMap<>();
    for (String name : context.get().names()) {
      if (context.get().getOrNull(name) instanceof JsonString) {
        out.put(name, cf.string(name).orElseThrow());
      } else {
        cf.string(name); // throws for anything but a string or null
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Reads a {@code requestParameters} object.
   *
   * @throws CloudTrailFormatException if a known member has the wrong type
   */
  public static KmsRequestParameters of(JsonObject requestParameters) {
    return new KmsRequestParameters(requestParameters, "requestParameters");
  }

  /** Returns {@code keyId}: a key id, key ARN, alias name or alias ARN, as the caller gave it. */
  public Optional<String> keyId() {
    return keyId;
  }

  /** Returns {@code encryptionAlgorithm}, for example {@code SYMMETRIC_DEFAULT}. */
  public Optional<String> encryptionAlgorithm() {
    return encryptionAlgorithm;
  }

  /** Returns {@code encryptionContext} in its logged order; empty when there is none. */
  public Map<String, String> encryptionContext() {
    return encryptionContext;
  }

  /** Returns {@code numberOfBytes} (GenerateDataKey, GenerateRandom). */
  public OptionalInt numberOfBytes() {
    return numberOfBytes;
  }

  /** Returns {@code keySpec} (GenerateDataKey), for example {@code AES_256}. */
  public Optional<String> keySpec() {
    return keySpec;
  }

  /** Returns {@code keyPairSpec} (GenerateDataKeyPair), for example {@code RSA_3072}. */
  public Optional<String> keyPairSpec() {
    return keyPairSpec;
  }

  /** Returns {@code keyAgreementAlgorithm} (DeriveSharedSecret), for example {@code ECDH}. */
  public Optional<String> keyAgreementAlgorithm() {
    return keyAgreementAlgorithm;
  }

  /** Returns {@code grantTokens}; empty when there are none. */
  public List<String> grantTokens() {
    return grantTokens;
  }

  /** Returns {@code dryRun}. */
  public Optional<Boolean> dryRun() {
    return dryRun;
  }
}
