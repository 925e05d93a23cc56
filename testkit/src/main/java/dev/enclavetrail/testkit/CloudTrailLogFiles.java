package dev.enclavetrail.testkit;

import dev.enclavetrail.core.CloudTrailRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Writes CloudTrail log files as a trail delivers them to S3: {@code {"Records":[...]}},
 * gzip-compressed by default, named {@code <account>_CloudTrail_<region>_<yyyyMMddTHHmmZ>_<16
 * characters>.json.gz} under {@code AWSLogs/<account>/CloudTrail/<region>/<yyyy>/<MM>/<dd>/} of a
 * root directory; and single files of either format, {@code {"Records":[...]}} or NDJSON (one
 * compact record per line).
 *
 * <p>The 16-character unique strings come from a random with a fixed seed, so the same writes give
 * the same paths in every run. Records are streamed, never held. An instance is safe to share
 * between threads; the order of names then follows the order of calls.
 *
 * <pre>{@code
 * CloudTrailLogFiles logs = CloudTrailLogFiles.create(tempDir);
 * Path file = logs.write(List.of(KmsRecords.decrypt().build(), KmsRecords.generateRandom().build()));
 * // tempDir/AWSLogs/111122223333/CloudTrail/us-west-2/2025/01/06/
 * //     111122223333_CloudTrail_us-west-2_20250106T1020Z_<16 characters>.json.gz
 * Path lines = CloudTrailLogFiles.writeNdjson(tempDir.resolve("records.ndjson"), records);
 * }</pre>
 */
public final class CloudTrailLogFiles {

  /** The seed of the unique strings unless set. */
  public static final long DEFAULT_SEED = 20_250_106L;

  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final long FIVE_MINUTES = 300;

  private final Path root;
  private final boolean compressed;
  private final SplittableRandom random;

  private CloudTrailLogFiles(Builder b) {
    this.root = b.root;
    this.compressed = b.compressed;
    this.random = new SplittableRandom(b.seed);
  }

  /** Returns a writer of gzip-compressed files under {@code root}, with the default seed. */
  public static CloudTrailLogFiles create(Path root) {
    return builder(root).build();
  }

  /** Returns a builder of a writer of files under {@code root}. */
  public static Builder builder(Path root) {
    return new Builder(root);
  }

  /** Sets the root directory, compression and seed of a {@link CloudTrailLogFiles}. */
  public static final class Builder {
    private final Path root;
    private boolean compressed = true;
    private long seed = DEFAULT_SEED;

    private Builder(Path root) {
      this.root = Objects.requireNonNull(root, "root");
    }

    /**
     * Sets whether files are gzip-compressed ({@code .json.gz}, the default) or not ({@code
     * .json}).
     */
    public Builder compressed(boolean compressed) {
      this.compressed = compressed;
      return this;
    }

    /** Sets the seed of the 16-character unique strings of file names. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Returns the writer. */
    public CloudTrailLogFiles build() {
      return new CloudTrailLogFiles(this);
    }
  }

  /** Returns the root directory, under which {@code AWSLogs/} lies. */
  public Path root() {
    return root;
  }

  /** Returns true if files are gzip-compressed. */
  public boolean isCompressed() {
    return compressed;
  }

  /**
   * Writes {@code records} as one log file of the account ({@code recipientAccountId}) and region
   * ({@code awsRegion}) of the first record, delivered at the first multiple of five minutes after
   * the latest {@code eventTime}; returns its path. {@code records} is iterated twice.
   *
   * @throws IllegalArgumentException if there are no records, or the first lacks the account or
   *     region
   */
  public Path write(Iterable<CloudTrailRecord> records) {
    Iterator<CloudTrailRecord> it = records.iterator();
    if (!it.hasNext()) {
      throw new IllegalArgumentException("a CloudTrail log file has at least one record");
    }
    CloudTrailRecord first = it.next();
    String account =
        first
            .recipientAccountId()
            .orElseThrow(
                () -> new IllegalArgumentException("first record has no `recipientAccountId`"));
    String region =
        first
            .awsRegion()
            .orElseThrow(() -> new IllegalArgumentException("first record has no `awsRegion`"));
    Instant latest = Instant.EPOCH;
    for (CloudTrailRecord r : records) {
      Instant t = r.eventTime().orElse(Instant.EPOCH);
      if (t.isAfter(latest)) {
        latest = t;
      }
    }
    long seconds = latest.getEpochSecond();
    Instant delivery = Instant.ofEpochSecond((seconds / FIVE_MINUTES + 1) * FIVE_MINUTES);
    return write(account, region, delivery, records);
  }

  /**
   * Writes {@code records} as one log file of {@code account} and {@code region} delivered at
   * {@code deliveryTime}, and returns its path.
   */
  public Path write(
      String account, String region, Instant deliveryTime, Iterable<CloudTrailRecord> records) {
    Path file = nextFile(account, region, deliveryTime);
    LogFileWriter.writeAll(file, LogFileWriter.Format.LOG_FILE, compressed, records);
    return file;
  }

  /**
   * Returns the path of the next file of {@code account} and {@code region} at {@code
   * deliveryTime}.
   */
  Path nextFile(String account, String region, Instant deliveryTime) {
    String unique;
    synchronized (random) {
      unique = Ids.chars(random, Ids.ALPHANUMERIC, 16);
    }
    return root.resolve(keyPrefix(account, region, deliveryTime))
        .resolve(fileName(account, region, deliveryTime, unique, compressed));
  }

  /**
   * Writes {@code records} to {@code file} as {@code {"Records":[...]}}, gzip-compressed if the
   * name ends with {@code .gz}; creates missing directories and returns {@code file}.
   */
  public static Path writeLogFile(Path file, Iterable<CloudTrailRecord> records) {
    LogFileWriter.writeAll(file, LogFileWriter.Format.LOG_FILE, isGzipName(file), records);
    return file;
  }

  /**
   * Writes {@code records} to {@code file} as NDJSON, one compact record per line each ending with
   * {@code \n}, gzip-compressed if the name ends with {@code .gz}; returns {@code file}.
   */
  public static Path writeNdjson(Path file, Iterable<CloudTrailRecord> records) {
    LogFileWriter.writeAll(file, LogFileWriter.Format.NDJSON, isGzipName(file), records);
    return file;
  }

  /**
   * Returns the name CloudTrail gives a log file: {@code
   * <account>_CloudTrail_<region>_<yyyyMMddTHHmmZ>_<uniqueString>.json[.gz]}, the time being the
   * delivery time in UTC to the minute.
   */
  public static String fileName(
      String account,
      String region,
      Instant deliveryTime,
      String uniqueString,
      boolean compressed) {
    return account
        + "_CloudTrail_"
        + region
        + "_"
        + FILE_TIME.format(deliveryTime.truncatedTo(ChronoUnit.MINUTES))
        + "_"
        + uniqueString
        + (compressed ? ".json.gz" : ".json");
  }

  /**
   * Returns the S3 key prefix of the log files of {@code account} and {@code region} delivered on
   * the UTC day of {@code deliveryTime}: {@code
   * AWSLogs/<account>/CloudTrail/<region>/<yyyy>/<MM>/<dd>}.
   */
  public static String keyPrefix(String account, String region, Instant deliveryTime) {
    return "AWSLogs/" + account + "/CloudTrail/" + region + "/" + DAY.format(deliveryTime);
  }

  private static boolean isGzipName(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().endsWith(".gz");
  }
}
