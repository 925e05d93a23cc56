package dev.enclavetrail.parser;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The file (or stream) a record was read from: its name, its delivery shape, whether it was
 * gzip-compressed, and the account, region and delivery time that CloudTrail puts in its name.
 *
 * <p>The metadata comes from CloudTrail's file names, {@code
 * 111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz} (and the older form
 * without an underscore before the unique string, {@code …_20140620T1255ZHdkvFTXOA3Vnhbc.json.gz}),
 * digest names {@code …_CloudTrail-Digest_<region>_<trail>_<home region>_20150801T021000Z.json.gz}
 * and CloudWatch Logs stream names {@code 111122223333_CloudTrail_us-east-2}, also as the folder of
 * an export's objects ({@code …/111122223333_CloudTrail_us-east-2/000000.gz}); when the name has no
 * account or region, the S3 layout {@code AWSLogs/<account>/CloudTrail/<region>/…} of the path
 * gives them. Names are not parsed strictly: what does not match is simply absent. Immutable.
 */
public final class SourceFile {

  private static final Pattern NAME =
      Pattern.compile("^(\\d{12})_CloudTrail(?:-Digest)?_([a-z]{2}(?:-[a-z]+)+-\\d+)(?=_|\\.|$)");
  private static final Pattern EXPORT_OBJECT = Pattern.compile("\\d+(?:\\.gz)?");
  private static final Pattern TIME = Pattern.compile("_(\\d{8}T\\d{4}(?:\\d{2})?)Z");
  private static final Pattern LAYOUT =
      Pattern.compile(
          "(?:^|/)AWSLogs/(?:o-[a-z0-9]+/)?(\\d{12})/CloudTrail(?:-Digest)?/([a-z]{2}(?:-[a-z]+)+-\\d+)/");
  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmm", Locale.ROOT);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT);

  private final String name;
  private final @Nullable Path path;
  private final DeliveryShape shape;
  private final boolean compressed;

  /** What the name says, parsed on first use (a benign race: any thread computes the same). */
  private volatile @Nullable Meta meta;

  /** The account, region and delivery time of a name. */
  private static final class Meta {
    final @Nullable String account;
    final @Nullable String region;
    final @Nullable Instant deliveryTime;

    Meta(@Nullable String account, @Nullable String region, @Nullable Instant deliveryTime) {
      this.account = account;
      this.region = region;
      this.deliveryTime = deliveryTime;
    }
  }

  SourceFile(String name, @Nullable Path path, DeliveryShape shape, boolean compressed) {
    this.name = name;
    this.path = path;
    this.shape = shape;
    this.compressed = compressed;
  }

  private Meta meta() {
    Meta m = meta;
    if (m == null) {
      m = parse(name);
      meta = m;
    }
    return m;
  }

  private static Meta parse(String name) {
    String text = name.replace('\\', '/');
    String fileName = text.substring(text.lastIndexOf('/') + 1);
    Matcher m = NAME.matcher(fileName);
    if (m.find()) {
      Matcher t = TIME.matcher(fileName);
      return new Meta(m.group(1), m.group(2), t.find(m.end()) ? parseTime(t.group(1)) : null);
    }
    // A CloudWatch Logs export names its objects 000000.gz, ... in a folder per log stream.
    int folderEnd = text.lastIndexOf('/');
    if (EXPORT_OBJECT.matcher(fileName).matches() && folderEnd > 0) {
      String folder = text.substring(text.lastIndexOf('/', folderEnd - 1) + 1, folderEnd);
      Matcher f = NAME.matcher(folder);
      if (f.find()) {
        return new Meta(f.group(1), f.group(2), null);
      }
    }
    Matcher l = LAYOUT.matcher(text);
    if (l.find()) {
      return new Meta(l.group(1), l.group(2), null);
    }
    return new Meta(null, null, null);
  }

  private static @Nullable Instant parseTime(String text) {
    try {
      DateTimeFormatter f = text.length() == 13 ? MINUTES : SECONDS;
      return LocalDateTime.parse(text, f).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Returns the name: the path as given (or found in a directory), or the stream's name. */
  public String name() {
    return name;
  }

  /** Returns the path of the file, if the records came from a file rather than a stream. */
  public Optional<Path> path() {
    return Optional.ofNullable(path);
  }

  /** Returns the delivery shape detected from the content. */
  public DeliveryShape shape() {
    return shape;
  }

  /** Returns true if the content was gzip-compressed (detected by its magic bytes). */
  public boolean compressed() {
    return compressed;
  }

  /** Returns the AWS account id of the file's name (or S3 path), if it has one. */
  public Optional<String> account() {
    return Optional.ofNullable(meta().account);
  }

  /** Returns the region of the file's name (or S3 path), if it has one. */
  public Optional<String> region() {
    return Optional.ofNullable(meta().region);
  }

  /** Returns the delivery time of the file's name (UTC, to the minute), if it has one. */
  public Optional<Instant> deliveryTime() {
    return Optional.ofNullable(meta().deliveryTime);
  }

  @Override
  public String toString() {
    return "SourceFile[" + name + ", " + shape + (compressed ? ", gzip]" : "]");
  }
}
