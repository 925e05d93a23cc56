package dev.enclavetrail.core;

import dev.enclavetrail.core.json.JsonObject;
import java.util.Optional;

/**
 * The {@code inScopeOf} of a {@link UserIdentity}: the resource for which the credentials were
 * issued, such as a Lambda function, and who received them.
 */
public final class InScopeOf extends JsonBacked {

  private final Optional<String> sourceArn;
  private final Optional<String> sourceAccount;
  private final Optional<String> issuerType;
  private final Optional<String> credentialsIssuedTo;

  private InScopeOf(JsonObject json, String path) {
    super(json);
    Fields f = new Fields(json, path);
    this.sourceArn = f.string("sourceArn");
    this.sourceAccount = f.string("sourceAccount");
    this.issuerType = f.string("issuerType");
    this.credentialsIssuedTo = f.string("credentialsIssuedTo");
  }

  static InScopeOf read(JsonObject json, String path) {
    return new InScopeOf(json, path);
  }

  /** Returns {@code sourceArn}. */
  public Optional<String> sourceArn() {
    return sourceArn;
  }

  /** Returns {@code sourceAccount}. */
  public Optional<String> sourceAccount() {
    return sourceAccount;
  }

  /** Returns {@code issuerType}, for example {@code AWS::Lambda::Function}. */
  public Optional<String> issuerType() {
    return issuerType;
  }

  /** Returns {@code credentialsIssuedTo}. */
  public Optional<String> credentialsIssuedTo() {
    return credentialsIssuedTo;
  }
}
