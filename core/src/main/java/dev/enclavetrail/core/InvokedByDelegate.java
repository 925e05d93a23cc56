package dev.enclavetrail.core;

import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonString;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code invokedByDelegate} of a {@link UserIdentity}: the product provider's account using
 * delegated access.
 */
public final class InvokedByDelegate extends JsonBacked {

  private final @Nullable JsonString accountId;

  private InvokedByDelegate(JsonObject json, String path) {
    super(json);
    this.accountId = new Fields(json, path).jsonString("accountId");
  }

  static InvokedByDelegate read(JsonObject json, String path) {
    return new InvokedByDelegate(json, path);
  }

  /** Returns {@code accountId}. */
  public Optional<String> accountId() {
    return Fields.text(accountId);
  }
}
