package dev.enclavetrail.core;

import dev.enclavetrail.core.json.JsonObject;
import java.util.Optional;

/**
 * The {@code sessionIssuer} of a {@link SessionContext}: the principal ({@code Root}, {@code
 * IAMUser} or {@code Role}) whose credentials made the session. Real records sometimes carry it as
 * an empty object.
 */
public final class SessionIssuer extends JsonBacked {

  private final Optional<String> type;
  private final Optional<String> principalId;
  private final Optional<String> arn;
  private final Optional<String> accountId;
  private final Optional<String> userName;

  private SessionIssuer(JsonObject json, String path) {
    super(json);
    Fields f = new Fields(json, path);
    this.type = f.string("type");
    this.principalId = f.string("principalId");
    this.arn = f.string("arn");
    this.accountId = f.string("accountId");
    this.userName = f.string("userName");
  }

  static SessionIssuer read(JsonObject json, String path) {
    return new SessionIssuer(json, path);
  }

  /** Returns {@code type}: {@code Root}, {@code IAMUser} or {@code Role}. */
  public Optional<String> type() {
    return type;
  }

  /** Returns {@code principalId}. */
  public Optional<String> principalId() {
    return principalId;
  }

  /** Returns {@code arn}, for a role {@code arn:aws:iam::ACCOUNT:role/NAME}. */
  public Optional<String> arn() {
    return arn;
  }

  /** Returns {@code accountId}. */
  public Optional<String> accountId() {
    return accountId;
  }

  /** Returns {@code userName}, the friendly name of the issuer. */
  public Optional<String> userName() {
    return userName;
  }
}
