package dev.enclavetrail.core;

import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonString;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a record's {@code resources} array: {@code ARN}, {@code accountId} and {@code type}
 * (such as {@code AWS::KMS::Key}), each of which may be missing.
 */
public final class Resource extends JsonBacked {

  /** The {@code type} of a KMS key. */
  public static final String KMS_KEY_TYPE = "AWS::KMS::Key";

  private final @Nullable JsonString arn;
  private final @Nullable JsonString accountId;
  private final @Nullable JsonString type;

  private Resource(JsonObject json, String path) {
    super(json);
    Fields f = new Fields(json, path);
    this.arn = f.jsonString("ARN");
    this.accountId = f.jsonString("accountId");
    this.type = f.jsonString("type");
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
    return Fields.text(arn);
  }

  /** Returns the {@code accountId} member. */
  public Optional<String> accountId() {
    return Fields.text(accountId);
  }

  /** Returns the {@code type} member, for example {@code AWS::KMS::Key}. */
  public Optional<String> type() {
    return Fields.text(type);
  }
}
