package dev.enclavetrail.core;

import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonString;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code sessionIssuer} of a {@link SessionContext}: the principal ({@code Root}, {@code
 * IAMUser} or {@code Role}) whose credentials made the session. Real records sometimes carry it as
 * an empty object.
 */
public final class SessionIssuer extends JsonBacked {

  private final @Nullable JsonString type;
  private final @Nullable JsonString principalId;
  private final @Nullable JsonString arn;
  private final @Nullable JsonString accountId;
  private final @Nullable JsonString userName;

  private SessionIssuer(JsonObject json, String path) {
    super(json);
    Fields f = new Fields(json, path);
    this.type = f.jsonString("type");
    this.principalId = f.jsonString("principalId");
    this.arn = f.jsonString("arn");
    this.accountId = f.jsonString("accountId");
    this.userName = f.jsonString("userName");
  }

  static SessionIssuer read(JsonObject json, String path) {
    return new SessionIssuer(json, path);
  }

  /** Returns {@code type}: {@code Root}, {@code IAMUser} or {@code Role}. */
  public Optional<String> type() {
    return Fields.text(type);
  }

  /** Returns {@code principalId}. */
  public Optional<String> principalId() {
    return Fields.text(principalId);
  }

  /** Returns {@code arn}, for a role {@code arn:aws:iam::ACCOUNT:role/NAME}. */
  public Optional<String> arn() {
    return Fields.text(arn);
  }

  /** Returns {@code accountId}. */
  public Optional<String> accountId() {
    return Fields.text(accountId);
  }

  /** Returns {@code userName}, the friendly name of the issuer. */
  public Optional<String> userName() {
    return Fields.text(userName);
  }
}
