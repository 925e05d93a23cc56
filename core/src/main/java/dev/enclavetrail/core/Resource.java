package dev.enclavetrail.core;

import dev.enclavetrail.core.json.JsonObject;
import java.util.Optional;

/**
 * One entry of a record's {@code resources} array: {@code ARN}, {@code accountId} and {@code type}
 * (such as {@code AWS::KMS::Key}), each of which may be missing.
 */
public final class Resource extends JsonBacked {

  /** The {@code type} of a KMS key. */
  public static final String KMS_KEY_TYPE = "AWS::KMS::Key";

  private final Optional<String> arn;
  private final Optional<String> accountId;
  private final Optional<String> type;

  private Resource(JsonObject json, String path) {
    super(json);
    Fields f = new Fields(json, path);
    this.arn = f.string("ARN");
    this.accountId = f.string("accountId");
    this.type = f.string("type");
  }

  static Resource read(JsonObject json, String path) {
    return new Resource(json, path);
  }

  /**
   * Reads a resource entry.
   *
   * @throws CloudTrailFormatException if a known member has the wrong type
   */
  public static Resource of(JsonObject json) {
    return new Resource(json, "resources[]");
  }

  /** Returns the {@code ARN} member (upper case on the wire). */
  public Optional<String> arn() {
    return arn;
  }

  /** Returns the {@code accountId} member. */
  public Optional<String> accountId() {
    return accountId;
  }

  /** Returns the {@code type} member, for example {@code AWS::KMS::Key}. */
  public Optional<String> type() {
    return type;
  }
}
