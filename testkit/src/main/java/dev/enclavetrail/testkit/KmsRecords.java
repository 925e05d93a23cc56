package dev.enclavetrail.testkit;

import dev.enclavetrail.core.AttestationRecipient;
import dev.enclavetrail.core.AttestedOperation;
import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.EnclaveMeasurements;
import dev.enclavetrail.core.Measurement;
import dev.enclavetrail.core.ModuleId;
import dev.enclavetrail.core.Resource;
import dev.enclavetrail.core.json.JsonArray;
import dev.enclavetrail.core.json.JsonObject;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Builders of CloudTrail records of AWS KMS calls: the five operations that accept an attestation
 * document ({@code Recipient}), from a Nitro enclave or a NitroTPM instance, and plain calls
 * without one.
 *
 * <p>A record has the defaults of a current log, shaped like the AWS examples: account {@value
 * RecordBuilder#DEFAULT_ACCOUNT}, region {@value RecordBuilder#DEFAULT_REGION}, the enclave's
 * parent instance {@value #DEFAULT_INSTANCE_ID} calling with its role {@value #DEFAULT_ROLE_NAME}
 * ({@code arn:aws:sts::111122223333:assumed-role/data-processing/i-1234567890abcdef0}), key {@value
 * #DEFAULT_KEY_ID}, {@code resources}, {@code tlsDetails}, and a recipient holding the measurements
 * of {@code FakeMeasurements.forName(}{@value #DEFAULT_ENCLAVE_NAME}{@code )} in base64, as real
 * logs write them. The members follow the order CloudTrail writes them.
 *
 * <pre>{@code
 * EnclaveMeasurements image = FakeMeasurements.forName("payments-enclave");
 * CloudTrailRecord decrypt = KmsRecords.decrypt()
 *     .enclave(image, "i-0abcdef1234567890")
 *     .encryptionContext(Map.of("tenant", "acme"))
 *     .build();
 * CloudTrailRecord denied = KmsRecords.generateDataKey()
 *     .nitroTpm(FakeMeasurements.nitroTpm("attestable-ami"))
 *     .encoding(Measurement.Encoding.HEX)
 *     .errorCode("AccessDeniedException")
 *     .build();
 * }</pre>
 */
public final class KmsRecords {

  /** The parent instance (or NitroTPM instance) of every record unless set: AWS's example id. */
  public static final String DEFAULT_INSTANCE_ID = "i-1234567890abcdef0";

  /** The IAM role of the parent instance unless set, as in AWS's key-policy examples. */
  public static final String DEFAULT_ROLE_NAME = "data-processing";

  /** The key id of every record unless set: AWS's example key. */
  public static final String DEFAULT_KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";

  /** The name of the fake enclave image whose measurements a record carries unless set. */
  public static final String DEFAULT_ENCLAVE_NAME = "data-processing-enclave";

  private static final String USER_AGENT =
      "aws-sdk-java/2.29.52 ua/2.1 os/Linux#6.1.119-129.201.amzn2023.x86_64 lang/java#17.0.13"
          + " md/OpenJDK_64-Bit_Server_VM#17.0.13+11-LTS m/D,N";

  private KmsRecords() {}

  /** Returns a builder of an attested {@code Decrypt}. */
  public static Builder decrypt() {
    return new Builder(AttestedOperation.DECRYPT);
  }

  /** Returns a builder of an attested {@code DeriveSharedSecret} (ECDH). */
  public static Builder deriveSharedSecret() {
    return new Builder(AttestedOperation.DERIVE_SHARED_SECRET);
  }

  /** Returns a builder of an attested {@code GenerateDataKey} ({@code AES_256}). */
  public static Builder generateDataKey() {
    return new Builder(AttestedOperation.GENERATE_DATA_KEY);
  }

  /** Returns a builder of an attested {@code GenerateDataKeyPair} ({@code RSA_3072}). */
  public static Builder generateDataKeyPair() {
    return new Builder(AttestedOperation.GENERATE_DATA_KEY_PAIR);
  }

  /**
   * Returns a builder of an attested {@code GenerateRandom}: 32 bytes, no key, {@code "resources":
   * []}.
   */
  public static Builder generateRandom() {
    return new Builder(AttestedOperation.GENERATE_RANDOM);
  }

  /** Returns a builder of an attested request for {@code operation}. */
  public static Builder attested(AttestedOperation operation) {
    return new Builder(Objects.requireNonNull(operation, "operation"));
  }

  /**
   * Returns a builder of a plain {@code Encrypt}, an operation that accepts no recipient: a KMS
   * record that is never attested.
   */
  public static Builder encrypt() {
    return new Builder(null);
  }

  /**
   * Returns the enclave id nitro-cli gives an enclave of {@code parentInstanceId}: {@code
   * <instance>-enc<16 hex digits>}, the digits derived from the instance id.
   */
  public static ModuleId enclaveModuleId(String parentInstanceId) {
    return ModuleId.parse(
        parentInstanceId + "-enc" + Ids.hexFromName("enc/" + parentInstanceId, 16));
  }

  /** Returns the module id of NitroTPM instance {@code instanceId}: {@code <instance>-tpm0…0}. */
  public static ModuleId nitroTpmModuleId(String instanceId) {
    return ModuleId.parse(instanceId + "-tpm" + "0".repeat(16));
  }

  /** Builds one AWS KMS record; see {@link KmsRecords} for the defaults. */
  public static final class Builder extends RecordBuilder<Builder> {

    private enum Attestation {
      ENCLAVE,
      NITRO_TPM,
      NONE
    }

    private final @Nullable AttestedOperation operation;
    private Attestation attestation;
    private @Nullable EnclaveMeasurements measurements;
    private SortedMap<Integer, Measurement> nitroTpmPcrs = Collections.emptySortedMap();
    private @Nullable ModuleId moduleId;
    private Measurement.Encoding encoding = Measurement.Encoding.BASE64;
    private String instanceId = DEFAULT_INSTANCE_ID;
    private String roleName = DEFAULT_ROLE_NAME;
    private @Nullable String keyArn;
    private @Nullable String keyId;
    private Map<String, String> encryptionContext = Map.of();
    private @Nullable Integer numberOfBytes;
    private @Nullable String keySpec;
    private @Nullable String keyPairSpec;

    Builder(@Nullable AttestedOperation operation) {
      super(operation == null ? "Encrypt" : operation.eventName());
      this.operation = operation;
      this.attestation = operation == null ? Attestation.NONE : Attestation.ENCLAVE;
      if (operation == AttestedOperation.GENERATE_RANDOM) {
        numberOfBytes = 32;
      }
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * Attests with an enclave running the image of {@code measurements} on the builder's parent
     * instance. PCR3 and PCR4 missing from {@code measurements} are computed from the role and the
     * parent instance, as the hypervisor does (PCR4 is zeros when the module id names no instance);
     * a missing PCR8 is logged as zeros (unsigned image).
     */
    public Builder enclave(EnclaveMeasurements measurements) {
      requireAttestable();
      this.measurements = Objects.requireNonNull(measurements, "measurements");
      this.attestation = Attestation.ENCLAVE;
      this.moduleId = null;
      return this;
    }

    /**
     * Attests with an enclave of parent instance {@code parentInstanceId}, which also becomes the
     * calling instance (the role session's name).
     */
    public Builder enclave(EnclaveMeasurements measurements, String parentInstanceId) {
      return enclave(measurements).instanceId(parentInstanceId);
    }

    /**
     * Attests with the enclave {@code moduleId}; its parent instance, if the id names one, becomes
     * the calling instance.
     */
    public Builder enclave(EnclaveMeasurements measurements, ModuleId moduleId) {
      enclave(measurements);
      moduleId.parentInstanceId().ifPresent(this::instanceId);
      this.moduleId = moduleId;
      return this;
    }

    /**
     * Attests with the builder's instance through NitroTPM, logging {@code pcrs} (index 0–23) as
     * {@code attestationDocumentNitroTPMPCR<n>}; see {@link FakeMeasurements#nitroTpm(String)}.
     */
    public Builder nitroTpm(Map<Integer, Measurement> pcrs) {
      requireAttestable();
      TreeMap<Integer, Measurement> copy = new TreeMap<>(pcrs);
      copy.keySet()
          .forEach(
              i -> {
                if (i < 0 || i > 23) {
                  throw new IllegalArgumentException(
                      "NitroTPM PCR index must be 0 to 23, not " + i);
                }
              });
      this.nitroTpmPcrs = Collections.unmodifiableSortedMap(copy);
      this.attestation = Attestation.NITRO_TPM;
      this.moduleId = null;
      return this;
    }

    /** Attests through NitroTPM of instance {@code instanceId}, which also becomes the caller. */
    public Builder nitroTpm(Map<Integer, Measurement> pcrs, String instanceId) {
      return nitroTpm(pcrs).instanceId(instanceId);
    }

    /** Attests through NitroTPM with module id {@code moduleId}. */
    public Builder nitroTpm(Map<Integer, Measurement> pcrs, ModuleId moduleId) {
      nitroTpm(pcrs);
      moduleId.parentInstanceId().ifPresent(this::instanceId);
      this.moduleId = moduleId;
      return this;
    }

    /** Leaves out {@code additionalEventData.recipient}: a plain call without attestation. */
    public Builder withoutRecipient() {
      this.attestation = Attestation.NONE;
      return this;
    }

    /**
     * Sets how measurements are written: {@code BASE64} (default, as real logs do), {@code HEX} (as
     * the 2020 AWS example does), or {@code TEXT} for the placeholders of the current AWS examples
     * ({@code <AttestationDocument.PCR0>}).
     */
    public Builder encoding(Measurement.Encoding encoding) {
      this.encoding = Objects.requireNonNull(encoding, "encoding");
      return this;
    }

    /** Sets the calling EC2 instance: the role session name, the enclave's parent, PCR4. */
    public Builder instanceId(String instanceId) {
      this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
      return this;
    }

    /** Sets the IAM role of the calling instance: the caller's role, PCR3. */
    public Builder roleName(String roleName) {
      this.roleName = Objects.requireNonNull(roleName, "roleName");
      return this;
    }

    /** Sets the key ARN in {@code resources} (and in {@code keyId} unless that is set). */
    public Builder keyArn(String keyArn) {
      this.keyArn = Objects.requireNonNull(keyArn, "keyArn");
      return this;
    }

    /** Sets {@code requestParameters.keyId} as the caller wrote it: key id, ARN or alias. */
    public Builder keyId(String keyId) {
      this.keyId = Objects.requireNonNull(keyId, "keyId");
      return this;
    }

    /** Sets {@code requestParameters.encryptionContext}, in the map's iteration order. */
    public Builder encryptionContext(Map<String, String> encryptionContext) {
      this.encryptionContext = Collections.unmodifiableMap(new LinkedHashMap<>(encryptionContext));
      return this;
    }

    /** Sets {@code numberOfBytes} (GenerateDataKey instead of {@code keySpec}, GenerateRandom). */
    public Builder numberOfBytes(int numberOfBytes) {
      this.numberOfBytes = numberOfBytes;
      return this;
    }

    /** Sets {@code keySpec} of GenerateDataKey (default {@code AES_256}). */
    public Builder keySpec(String keySpec) {
      this.keySpec = Objects.requireNonNull(keySpec, "keySpec");
      return this;
    }

    /** Sets {@code keyPairSpec} of GenerateDataKeyPair (default {@code RSA_3072}). */
    public Builder keyPairSpec(String keyPairSpec) {
      this.keyPairSpec = Objects.requireNonNull(keyPairSpec, "keyPairSpec");
      return this;
    }

    private void requireAttestable() {
      if (operation == null) {
        throw new IllegalStateException("Encrypt does not accept a recipient");
      }
    }

    @Override
    void describe(RecordParts p, SplittableRandom random) {
      String roleArn = "arn:aws:iam::" + account + ":role/" + roleName;
      String arn =
          keyArn != null
              ? keyArn
              : "arn:aws:kms:" + region + ":" + account + ":key/" + DEFAULT_KEY_ID;
      p.eventVersion = "1.11";
      p.eventSource = CloudTrailRecord.KMS_EVENT_SOURCE;
      p.eventName = operation == null ? "Encrypt" : operation.eventName();
      p.identity =
          Identities.ec2Instance(
              account,
              roleName,
              instanceId,
              eventTime.minus(Duration.ofMinutes(5 + random.nextInt(300))));
      p.sourceIpAddress = "203.0.113." + (1 + Math.floorMod(instanceId.hashCode(), 254));
      p.userAgent = USER_AGENT;
      p.requestParameters = requestParameters(keyId != null ? keyId : arn);
      if (attestation != Attestation.NONE) {
        p.additionalEventData = JsonObject.builder().put("recipient", recipient(roleArn)).build();
      }
      p.resources =
          operation == AttestedOperation.GENERATE_RANDOM
              ? JsonArray.empty()
              : JsonArray.of(
                  JsonObject.builder()
                      .put("accountId", accountOf(arn))
                      .put("type", Resource.KMS_KEY_TYPE)
                      .put("ARN", arn)
                      .build());
      p.tlsHost = "kms." + region + ".amazonaws.com";
      p.keyExchange = "X25519MLKEM768";
    }

    private JsonObject requestParameters(String key) {
      JsonObject.Builder b = JsonObject.builder();
      if (operation == null) {
        b.put("keyId", key).put("encryptionAlgorithm", "SYMMETRIC_DEFAULT");
        putContext(b);
        return b.build();
      }
      switch (operation) {
        case DECRYPT -> {
          b.put("encryptionAlgorithm", "SYMMETRIC_DEFAULT");
          putContext(b);
          b.put("keyId", key);
        }
        case DERIVE_SHARED_SECRET -> {
          b.put("keyId", key).put("keyAgreementAlgorithm", "ECDH");
          putContext(b);
        }
        case GENERATE_DATA_KEY -> {
          b.put("keyId", key);
          if (numberOfBytes != null && keySpec == null) {
            b.put("numberOfBytes", numberOfBytes);
          } else {
            b.put("keySpec", keySpec != null ? keySpec : "AES_256");
          }
          putContext(b);
        }
        case GENERATE_DATA_KEY_PAIR -> {
          b.put("keyPairSpec", keyPairSpec != null ? keyPairSpec : "RSA_3072");
          putContext(b);
          b.put("keyId", key);
        }
        case GENERATE_RANDOM -> {
          if (numberOfBytes != null) {
            b.put("numberOfBytes", numberOfBytes);
          }
          putContext(b);
        }
      }
      return b.build();
    }

    private void putContext(JsonObject.Builder b) {
      if (!encryptionContext.isEmpty()) {
        JsonObject.Builder context = JsonObject.builder();
        encryptionContext.forEach(context::put);
        b.put("encryptionContext", context.build());
      }
    }

    private JsonObject recipient(String roleArn) {
      JsonObject.Builder r = JsonObject.builder();
      if (attestation == Attestation.NITRO_TPM) {
        ModuleId id = moduleId != null ? moduleId : nitroTpmModuleId(instanceId);
        r.put(AttestationRecipient.MODULE_ID, id.text());
        nitroTpmPcrs.forEach(
            (i, m) -> r.put(AttestationRecipient.NITRO_TPM_PCR_PREFIX + i, encode(m, i)));
        return r.build();
      }
      ModuleId id = moduleId != null ? moduleId : enclaveModuleId(instanceId);
      EnclaveMeasurements m =
          measurements != null ? measurements : FakeMeasurements.forName(DEFAULT_ENCLAVE_NAME);
      Measurement pcr3 = m.pcr3().orElseGet(() -> FakeMeasurements.pcr3(roleArn));
      Measurement pcr4 =
          m.pcr4()
              .or(() -> id.parentInstanceId().map(FakeMeasurements::pcr4))
              .orElseGet(FakeMeasurements::zero);
      Measurement pcr8 = m.pcr8().orElseGet(FakeMeasurements::zero);
      return r.put(AttestationRecipient.MODULE_ID, id.text())
          .put(AttestationRecipient.IMAGE_DIGEST, encode(m.pcr0(), 0))
          .put(AttestationRecipient.ENCLAVE_PCR_PREFIX + 1, encode(m.pcr1(), 1))
          .put(AttestationRecipient.ENCLAVE_PCR_PREFIX + 2, encode(m.pcr2(), 2))
          .put(AttestationRecipient.ENCLAVE_PCR_PREFIX + 3, encode(pcr3, 3))
          .put(AttestationRecipient.ENCLAVE_PCR_PREFIX + 4, encode(pcr4, 4))
          .put(AttestationRecipient.ENCLAVE_PCR_PREFIX + 8, encode(pcr8, 8))
          .build();
    }

    private String encode(Measurement m, int index) {
      Optional<byte[]> bytes = m.bytes();
      return switch (encoding) {
        case BASE64 -> bytes.map(Measurement::ofBase64).orElse(m).text();
        case HEX -> bytes.map(Measurement::ofHex).orElse(m).text();
        case TEXT -> "<AttestationDocument.PCR" + index + ">";
      };
    }

    private String accountOf(String arn) {
      String[] parts = arn.split(":", 6);
      return parts.length == 6 && !parts[4].isEmpty() ? parts[4] : account;
    }
  }
}
