package dev.enclavetrail.core;

import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonString;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code inScopeOf} of a {@link UserIdentity}: the resource for which the credentials were
 * issued, such as a Lambda function, and who received them.
 */
public final class InScopeOf extends JsonBacked {

  private final @Nullable JsonString sourceArn;
  private final @Nullable JsonString sourceAccount;
  private final @Nullable JsonString issuerType;
  private final @Nullable JsonString credentialsIssuedTo;

  private InScopeOf(JsonObject json, String path) {
    super(json);
    Fields f = new Fields(json, path);
    this.sourceArn = f.jsonString("sourceArn");
    this.sourceAccount = f.jsonString("sourceAccount");
    this.issuerType = f.jsonString("issuerType");
    this.credentialsIssuedTo = f.jsonString("credentialsIssuedTo");
  }

  static InScopeOf read(JsonObject json, String path) {
    return new InScopeOf(json, path);
  }

  /** Returns {@code sourceArn}. */
  public Optional<String> sourceArn() {
    return Fields.text(sourceArn);
  }

  /** Returns {@code sourceAccount}. */
  public Optional<String> sourceAccount() {
    return Fields.text(sourceAccount);
  }

  /** Returns {@code issuerType}, for example {@code AWS::Lambda::Function}. */
  public Optional<String> issuerType() {
    return Fields.text(issuerType);
  }

  /** Returns {@code credentialsIssuedTo}. */
  public Optional<String> credentialsIssuedTo() {
    return Fields.text(credentialsIssuedTo);
  }
}
