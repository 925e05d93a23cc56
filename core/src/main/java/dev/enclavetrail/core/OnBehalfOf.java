package dev.enclavetrail.core;

import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonString;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The {@code onBehalfOf} of an IAM Identity Center caller: its user id and identity store. */
public final class OnBehalfOf extends JsonBacked {

  private final @Nullable JsonString userId;
  private final @Nullable JsonString identityStoreArn;

  private OnBehalfOf(JsonObject json, String path) {
    super(json);
    Fields f = new Fields(json, path);
    this.userId = f.jsonString("userId");
    this.identityStoreArn = f.jsonString("identityStoreArn");
  }

  static OnBehalfOf read(JsonObject json, String path) {
    return new OnBehalfOf(json, path);
  }

  /** Returns {@code userId}. */
  public Optional<String> userId() {
    return Fields.text(userId);
  }

  /** Returns {@code identityStoreArn}, {@code arn:aws:identitystore::ACCOUNT:identitystore/d-…}. */
  public Optional<String> identityStoreArn() {
    return Fields.text(identityStoreArn);
  }
}
