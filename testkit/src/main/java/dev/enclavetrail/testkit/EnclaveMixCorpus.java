package dev.enclavetrail.testkit;

import dev.enclavetrail.core.AttestationRecipient;
import dev.enclavetrail.core.AttestedOperation;
import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.EnclaveMeasurements;
import dev.enclavetrail.core.Measurement;
import dev.enclavetrail.core.UserIdentity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Generator of the {@code enclave-mix} benchmark corpus: a deterministic synthetic trail of many
 * log files of 1,000–5,000 records each, a quarter of them (by default) attested KMS requests (all
 * five operations, measurements in base64 and in hex, enclaves and NitroTPM instances, debug-mode
 * enclaves too), the rest a realistic mix of KMS calls without recipient and of S3, STS, EC2, IAM,
 * Systems Manager, Secrets Manager and console sign-in events by every kind of caller.
 *
 * <p>The same settings give byte-identical files: everything is drawn from one {@link
 * SplittableRandom} seeded with {@link Builder#seed(long)}, and compression does not change the
 * records or the names (only the {@code .gz} suffix). Files are written one record at a time in the
 * S3 layout of {@link CloudTrailLogFiles}, so memory stays small whatever the size. {@link
 * #write(Path)} returns a {@link Summary} of what it wrote, against which benchmark correctness
 * tests check their answers.
 *
 * <p>The first twenty attested records cover every combination of operation, encoding and enclave
 * or NitroTPM, so that a corpus of a few hundred records already has them all. Attested enclave
 * records carry the images {@link #ENCLAVE_NAMES} ({@code FakeMeasurements.forName(name, role,
 * parent instance)}, so PCR0, PCR1, PCR2 and PCR8 depend only on the name) or a debug-mode enclave
 * (zero PCR0, PCR1, PCR2, PCR8); NitroTPM records carry {@code FakeMeasurements.nitroTpm(}{@value
 * #NITRO_TPM_IMAGE}{@code )}.
 *
 * <pre>{@code
 * EnclaveMixCorpus.Summary corpus = EnclaveMixCorpus.builder()
 *     .targetBytes(200L << 20)
 *     .compressed(true)
 *     .build()
 *     .write(dir);
 * long attested = corpus.attestedRecords();
 * }</pre>
 */
public final class EnclaveMixCorpus {

  /** The seed of the corpus unless set. */
  public static final long DEFAULT_SEED = 0x454E434C4156454DL;

  /** The uncompressed size aimed at unless set: 200 MiB. */
  public static final long DEFAULT_TARGET_BYTES = 200L << 20;

  /** The fake enclave images of the attested records (in order of decreasing frequency). */
  public static final List<String> ENCLAVE_NAMES =
      List.of("payments-enclave", "signing-enclave", "tokenizer-enclave");

  /** The fake NitroTPM image of the attested NitroTPM records. */
  public static final String NITRO_TPM_IMAGE = "attestable-ami";

  /** The account of every record. */
  public static final String ACCOUNT = RecordBuilder.DEFAULT_ACCOUNT;

  private static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1");
  private static final List<String> ROLES = List.of("data-processing", "payments-app");
  private static final Instant START = Instant.parse("2025-01-06T00:00:00Z");
  private static final int INSTANCES = 6;
  private static final int DEBUG_PERCENT = 4;
  private static final int NITRO_TPM_PERCENT = 15;
  private static final int HEX_PERCENT = 20;
  private static final int ERROR_PERCENT = 3;
  private static final int COMBINATIONS = 20; // 5 operations × 2 encodings × enclave/NitroTPM
  private static final List<AttestedOperation> OPERATIONS =
      List.of(
          AttestedOperation.DECRYPT,
          AttestedOperation.DERIVE_SHARED_SECRET,
          AttestedOperation.GENERATE_DATA_KEY,
          AttestedOperation.GENERATE_DATA_KEY_PAIR,
          AttestedOperation.GENERATE_RANDOM);

  private final long seed;
  private final long target;
  private final boolean byRecords;
  private final int minRecordsPerFile;
  private final int maxRecordsPerFile;
  private final double attestedShare;
  private final boolean compressed;

  private EnclaveMixCorpus(Builder b) {
    this.seed = b.seed;
    this.target = b.target;
    this.byRecords = b.byRecords;
    this.minRecordsPerFile = b.minRecordsPerFile;
    this.maxRecordsPerFile = b.maxRecordsPerFile;
    this.attestedShare = b.attestedShare;
    this.compressed = b.compressed;
  }

  /** Returns a builder with the defaults of the benchmark corpus. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sets the seed, size, file sizes, attested share and compression of an {@link EnclaveMixCorpus}.
   */
  public static final class Builder {
    private long seed = DEFAULT_SEED;
    private long target = DEFAULT_TARGET_BYTES;
    private boolean byRecords;
    private int minRecordsPerFile = 1_000;
    private int maxRecordsPerFile = 5_000;
    private double attestedShare = 0.25;
    private boolean compressed;

    private Builder() {}

    /** Sets the seed; the default is {@link #DEFAULT_SEED}. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Writes files until at least {@code bytes} of uncompressed JSON are written (the last file is
     * complete, so the total exceeds the target by less than one file); replaces a record count.
     */
    public Builder targetBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("target size must be positive, not " + bytes);
      }
      this.target = bytes;
      this.byRecords = false;
      return this;
    }

    /**
     * Writes exactly {@code records} records (the last file may hold fewer than the minimum);
     * replaces a byte target.
     */
    public Builder recordCount(long records) {
      if (records <= 0) {
        throw new IllegalArgumentException("record count must be positive, not " + records);
      }
      this.target = records;
      this.byRecords = true;
      return this;
    }

    /** Sets the range of records per file, both ends included; the default is 1,000 to 5,000. */
    public Builder recordsPerFile(int min, int max) {
      if (min < 1 || max < min) {
        throw new IllegalArgumentException(
            "records per file must satisfy 1 <= min <= max, not " + min + " and " + max);
      }
      this.minRecordsPerFile = min;
      this.maxRecordsPerFile = max;
      return this;
    }

    /** Sets the expected share of attested KMS records, 0 to 1; the default is 0.25. */
    public Builder attestedShare(double share) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("attested share must be 0 to 1, not " + share);
      }
      this.attestedShare = share;
      return this;
    }

    /** Sets whether files are gzip-compressed ({@code .json.gz}); the default is uncompressed. */
    public Builder compressed(boolean compressed) {
      this.compressed = compressed;
      return this;
    }

    /** Returns the generator. */
    public EnclaveMixCorpus build() {
      return new EnclaveMixCorpus(this);
    }
  }

  /**
   * What a generator wrote: the files in the order written and counts of records by kind.
   *
   * @param files the log files, in the order written
   * @param records all records
   * @param attestedRecords KMS records with an attestation recipient
   * @param nitroTpmRecords attested records from NitroTPM instances
   * @param debugModeRecords attested records from debug-mode enclaves (zero image digest)
   * @param kmsRecords all records of {@code kms.amazonaws.com}, attested or not
   * @param failedRecords records with an {@code errorCode}
   * @param uncompressedBytes bytes of JSON written, before compression
   * @param attestedByOperation attested records by operation (every operation is a key)
   * @param attestedByEncoding attested records by the encoding of their measurements
   * @param attestedByImageDigest attested enclave records by lower-case hex image digest (PCR0)
   */
  public record Summary(
      List<Path> files,
      long records,
      long attestedRecords,
      long nitroTpmRecords,
      long debugModeRecords,
      long kmsRecords,
      long failedRecords,
      long uncompressedBytes,
      Map<AttestedOperation, Long> attestedByOperation,
      Map<Measurement.Encoding, Long> attestedByEncoding,
      SortedMap<String, Long> attestedByImageDigest) {

    /** Creates a summary; the collections are copied. */
    public Summary {
      files = List.copyOf(files);
      attestedByOperation = Collections.unmodifiableMap(new EnumMap<>(attestedByOperation));
      attestedByEncoding = Collections.unmodifiableMap(new EnumMap<>(attestedByEncoding));
      attestedByImageDigest =
          Collections.unmodifiableSortedMap(new TreeMap<>(attestedByImageDigest));
    }
  }

  /**
   * Writes the corpus under {@code directory} in the S3 layout ({@code
   * AWSLogs/111122223333/CloudTrail/<region>/<yyyy>/<MM>/<dd>/…}) and returns its summary.
   *
   * @throws java.io.UncheckedIOException if a file cannot be written
   */
  public Summary write(Path directory) {
    Objects.requireNonNull(directory, "directory");
    return new Run(directory).run();
  }

  /** The state of one generation. */
  private final class Run {
    private final SplittableRandom random = new SplittableRandom(seed);
    private final CloudTrailLogFiles names;
    private final List<String> instances = new ArrayList<>();
    private final Map<String, EnclaveMeasurements> measurements = new HashMap<>();
    private final SortedMap<Integer, Measurement> nitroTpmPcrs =
        FakeMeasurements.nitroTpm(NITRO_TPM_IMAGE);
    private final List<Path> files = new ArrayList<>();
    private final EnumMap<AttestedOperation, Long> byOperation =
        new EnumMap<>(AttestedOperation.class);
    private final EnumMap<Measurement.Encoding, Long> byEncoding =
        new EnumMap<>(Measurement.Encoding.class);
    private final TreeMap<String, Long> byImage = new TreeMap<>();
    private long records;
    private long attested;
    private long nitroTpm;
    private long debugMode;
    private long kms;
    private long failed;
    private long bytes;

    Run(Path directory) {
      this.names =
          CloudTrailLogFiles.builder(directory)
              .compressed(compressed)
              .seed(random.nextLong())
              .build();
      for (int i = 0; i < INSTANCES; i++) {
        instances.add("i-0" + Ids.hex(random, 16));
      }
      for (AttestedOperation op : AttestedOperation.values()) {
        byOperation.put(op, 0L);
      }
    }

    Summary run() {
      Instant delivery = START;
      while (byRecords ? records < target : bytes < target) {
        int n = minRecordsPerFile + random.nextInt(maxRecordsPerFile - minRecordsPerFile + 1);
        if (byRecords) {
          n = (int) Math.min(n, target - records);
        }
        delivery = delivery.plusSeconds(60 + random.nextInt(240));
        String region = REGIONS.get(random.nextInt(REGIONS.size()));
        Path file = names.nextFile(ACCOUNT, region, delivery);
        try (LogFileWriter out =
            LogFileWriter.open(file, LogFileWriter.Format.LOG_FILE, compressed)) {
          for (int i = 0; i < n; i++) {
            Instant time = delivery.minusSeconds(30 + random.nextInt(900));
            out.write(count(next(region, time)));
          }
          out.finish();
          bytes += out.uncompressedBytes();
        }
        files.add(file);
      }
      return new Summary(
          files,
          records,
          attested,
          nitroTpm,
          debugMode,
          kms,
          failed,
          bytes,
          byOperation,
          byEncoding,
          byImage);
    }

    private CloudTrailRecord count(CloudTrailRecord r) {
      records++;
      if (r.isKms()) {
        kms++;
      }
      if (r.errorCode().isPresent()) {
        failed++;
      }
      if (r.isAttestedKmsRequest()) {
        attested++;
        r.attestedOperation().ifPresent(op -> byOperation.merge(op, 1L, Long::sum));
        AttestationRecipient recipient = r.attestationRecipient().orElseThrow();
        if (recipient.type() == AttestationRecipient.Type.NITRO_TPM) {
          nitroTpm++;
          recipient.nitroTpmPcrs().values().stream()
              .findFirst()
              .ifPresent(m -> byEncoding.merge(m.encoding(), 1L, Long::sum));
        } else {
          Measurement digest = recipient.imageDigest().orElseThrow();
          byEncoding.merge(digest.encoding(), 1L, Long::sum);
          byImage.merge(digest.hex().orElseThrow(), 1L, Long::sum);
          if (recipient.isDebugMode()) {
            debugMode++;
          }
        }
      }
      return r;
    }

    private CloudTrailRecord next(String region, Instant time) {
      long recordSeed = random.nextLong();
      if (random.nextDouble() < attestedShare) {
        return attested(region, time, recordSeed);
      }
      int pick = random.nextInt(100);
      RecordBuilder<?> b;
      if (pick < 18) {
        b = plainKms();
      } else {
        b = other(pick).identity(identity(time));
      }
      if (random.nextInt(100) < ERROR_PERCENT) {
        b.errorCode("AccessDenied")
            .errorMessage("User is not authorized to perform this operation");
      }
      return b.account(ACCOUNT).region(region).eventTime(time).seed(recordSeed).build();
    }

    private CloudTrailRecord attested(String region, Instant time, long recordSeed) {
      long k = attested;
      AttestedOperation op;
      boolean hex;
      boolean tpm;
      if (k < COMBINATIONS) {
        op = OPERATIONS.get((int) (k % OPERATIONS.size()));
        hex = (k / 5) % 2 == 1;
        tpm = k / 10 == 1;
      } else {
        op = operation(random.nextInt(100));
        hex = random.nextInt(100) < HEX_PERCENT;
        tpm = random.nextInt(100) < NITRO_TPM_PERCENT;
      }
      int instance = random.nextInt(INSTANCES);
      String instanceId = instances.get(instance);
      String role = ROLES.get(instance % ROLES.size());
      KmsRecords.Builder b =
          KmsRecords.attested(op)
              .account(ACCOUNT)
              .region(region)
              .eventTime(time)
              .seed(recordSeed)
              .roleName(role)
              .instanceId(instanceId)
              .keyArn(keyArn(region, op))
              .encoding(hex ? Measurement.Encoding.HEX : Measurement.Encoding.BASE64);
      if (tpm) {
        b.nitroTpm(nitroTpmPcrs);
      } else {
        boolean debug = random.nextInt(100) < DEBUG_PERCENT;
        String name = debug ? "" : ENCLAVE_NAMES.get(enclave(random.nextInt(100)));
        b.enclave(measurements(name, role, instanceId));
      }
      if ((op == AttestedOperation.DECRYPT || op == AttestedOperation.GENERATE_DATA_KEY)
          && random.nextInt(100) < 60) {
        b.encryptionContext(Map.of("tenant", "t-" + (100 + random.nextInt(900))));
      }
      if (random.nextInt(100) < 30) {
        b.vpcEndpointId("vpce-0" + Ids.hex(random, 16));
      }
      return b.build();
    }

    private EnclaveMeasurements measurements(String name, String role, String instanceId) {
      String roleArn = "arn:aws:iam::" + ACCOUNT + ":role/" + role;
      return measurements.computeIfAbsent(
          name + "|" + instanceId,
          key ->
              name.isEmpty()
                  ? FakeMeasurements.debugMode(roleArn, instanceId)
                  : FakeMeasurements.forName(name, roleArn, instanceId));
    }

    private KmsRecords.Builder plainKms() {
      int pick = random.nextInt(100);
      KmsRecords.Builder b =
          pick < 45
              ? KmsRecords.decrypt()
              : pick < 80 ? KmsRecords.generateDataKey() : KmsRecords.encrypt();
      b.withoutRecipient();
      int caller = random.nextInt(100);
      String service = caller < 50 ? "secretsmanager.amazonaws.com" : "s3.amazonaws.com";
      if (caller < 70) {
        b.identity(Identities.invokedBy(Identities.iamUser(ACCOUNT, userName()), service));
      } else {
        b.instanceId(instances.get(random.nextInt(INSTANCES))).roleName(ROLES.get(0));
      }
      if (random.nextBoolean()) {
        b.encryptionContext(
            Map.of(
                "aws:s3:arn", "arn:aws:s3:::example-data-" + ACCOUNT + "/" + Ids.hex(random, 12)));
      }
      return b;
    }

    private OtherRecords.Builder other(int pick) {
      if (pick < 40) {
        return OtherRecords.s3GetObject();
      } else if (pick < 47) {
        return OtherRecords.s3PutObject();
      } else if (pick < 55) {
        return OtherRecords.stsAssumeRole();
      } else if (pick < 61) {
        return OtherRecords.stsGetCallerIdentity();
      } else if (pick < 73) {
        return OtherRecords.ec2DescribeInstances();
      } else if (pick < 79) {
        return OtherRecords.iamGetUser();
      } else if (pick < 88) {
        return OtherRecords.ssmGetParameter();
      } else if (pick < 98) {
        return OtherRecords.secretsManagerGetSecretValue();
      }
      return OtherRecords.consoleLogin();
    }

    private UserIdentity identity(Instant time) {
      int pick = random.nextInt(100);
      Instant created = time.minusSeconds(60 + random.nextInt(3_600));
      if (pick < 40) {
        return Identities.iamUser(ACCOUNT, userName());
      } else if (pick < 70) {
        return Identities.assumedRole(
            ACCOUNT, "app-" + Ids.hex(random, 4), "session-" + Ids.hex(random, 8), created);
      } else if (pick < 78) {
        return Identities.awsService(
            random.nextBoolean() ? "cloudtrail.amazonaws.com" : "config.amazonaws.com");
      } else if (pick < 81) {
        return Identities.root(ACCOUNT);
      } else if (pick < 86) {
        return Identities.federatedUser(ACCOUNT, userName(), "fed-" + Ids.hex(random, 6), created);
      } else if (pick < 93) {
        return Identities.identityCenterUser(
            ACCOUNT, Ids.uuid(random), "d-90670" + Ids.hex(random, 5));
      }
      return Identities.webIdentityUser(
          "accounts.google.com",
          "app-" + Ids.hex(random, 8),
          Long.toString(100_000_000L + random.nextInt(900_000_000)));
    }

    private String userName() {
      return List.of("Alice", "Bob", "Carol", "Dave", "Erin", "Frank").get(random.nextInt(6));
    }

    private String keyArn(String region, AttestedOperation op) {
      String key =
          op == AttestedOperation.DERIVE_SHARED_SECRET
              ? "0987dcba-09fe-87dc-65ba-ab0987654321"
              : op == AttestedOperation.GENERATE_DATA_KEY_PAIR
                  ? "abcd1234-a123-456a-a12b-a123b4cd56ef"
                  : KmsRecords.DEFAULT_KEY_ID;
      return "arn:aws:kms:" + region + ":" + ACCOUNT + ":key/" + key;
    }
  }

  private static AttestedOperation operation(int pick) {
    if (pick < 40) {
      return AttestedOperation.DECRYPT;
    } else if (pick < 65) {
      return AttestedOperation.GENERATE_DATA_KEY;
    } else if (pick < 80) {
      return AttestedOperation.GENERATE_RANDOM;
    } else if (pick < 90) {
      return AttestedOperation.GENERATE_DATA_KEY_PAIR;
    }
    return AttestedOperation.DERIVE_SHARED_SECRET;
  }

  private static int enclave(int pick) {
    return pick < 60 ? 0 : pick < 85 ? 1 : 2;
  }
}
