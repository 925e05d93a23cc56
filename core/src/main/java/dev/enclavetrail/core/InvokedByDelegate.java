package dev.enclavetrail.core;

import dev.enclavetrail.core.json.JsonObject;
import java.util.Optional;

/**
 * The {@code invokedByDelegate} of a {@link UserIdentity}: the product provider's account using
 * delegated access.
 */
public final class InvokedByDelegate extends JsonBacked {

  private final Optional<String> accountId;

  private InvokedByDelegate(JsonObject json, String path) {
    super(json);
    this.accountId = new Fields(json, path).string("accountId");
  }

  static InvokedByDelegate read(JsonObject json, String path) {
    return new InvokedByDelegate(json, path);
  }

  /** Returns {@code accountId}. */
  public Optional<String> accountId() {
    return accountId;
  }
}
