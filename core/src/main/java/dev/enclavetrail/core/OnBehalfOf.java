package dev.enclavetrail.core;

import dev.enclavetrail.core.json.JsonObject;
import java.util.Optional;

/** The {@code onBehalfOf} of an IAM Identity Center caller: its user id and identity store. */
public final class OnBehalfOf extends JsonBacked {

  private final Optional<String> userId;
  private final Optional<String> identityStoreArn;

  private OnBehalfOf(JsonObject json, String path) {
    super(json);
    Fields f = new Fields(json, path);
    this.userId = f.string("userId");
    this.identityStoreArn = f.string("identityStoreArn");
  }

  static OnBehalfOf read(JsonObject json, String path) {
    return new OnBehalfOf(json, path);
  }

  /** Returns {@code userId}. */
  public Optional<String> userId() {
    return userId;
  }

  /** Returns {@code identityStoreArn}, {@code arn:aws:identitystore::ACCOUNT:identitystore/d-…}. */
  public Optional<String> identityStoreArn() {
    return identityStoreArn;
  }
}
