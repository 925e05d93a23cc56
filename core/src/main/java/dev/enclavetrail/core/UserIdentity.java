package dev.enclavetrail.core;

import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonString;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code userIdentity} of a record: who made the request.
 *
 * <p>{@link #type()} is one of {@code Root}, {@code IAMUser}, {@code AssumedRole}, {@code Role},
 * {@code FederatedUser}, {@code Directory}, {@code AWSAccount}, {@code AWSService}, {@code
 * IdentityCenterUser}, {@code SAMLUser}, {@code WebIdentityUser} or {@code Unknown}; new types are
 * kept as text. Every other member is optional; {@code accessKeyId} may be the empty string.
 */
public final class UserIdentity extends JsonBacked {

  /**
   * {@code type} of a role session: {@code arn} is {@code
   * arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}.
   */
  public static final String ASSUMED_ROLE = "AssumedRole";

  /** {@code type} of an IAM user. */
  public static final String IAM_USER = "IAMUser";

  /** {@code type} of the account's root user. */
  public static final String ROOT = "Root";

  /** {@code type} of an AWS service principal acting by itself. */
  public static final String AWS_SERVICE = "AWSService";

  private final @Nullable JsonString type;
  private final @Nullable JsonString principalId;
  private final @Nullable JsonString arn;
  private final @Nullable JsonString accountId;
  private final @Nullable JsonString accessKeyId;
  private final @Nullable JsonString userName;
  private final @Nullable SessionContext sessionContext;
  private final @Nullable JsonString invokedBy;
  private final @Nullable InvokedByDelegate invokedByDelegate;
  private final @Nullable OnBehalfOf onBehalfOf;
  private final @Nullable InScopeOf inScopeOf;
  private final @Nullable JsonString credentialId;
  private final @Nullable JsonString identityProvider;

  private UserIdentity(JsonObject json, String path) {
    super(json);
    Fields f = new Fields(json, path);
    this.type = f.jsonString("type");
    this.principalId = f.jsonString("principalId");
    this.arn = f.jsonString("arn");
    this.accountId = f.jsonString("accountId");
    this.accessKeyId = f.jsonString("accessKeyId");
    this.userName = f.jsonString("userName");
    this.sessionContext = f.objectOrNull("sessionContext", SessionContext::read);
    this.invokedBy = f.jsonString("invokedBy");
    this.invokedByDelegate = f.objectOrNull("invokedByDelegate", InvokedByDelegate::read);
    this.onBehalfOf = f.objectOrNull("onBehalfOf", OnBehalfOf::read);
    this.inScopeOf = f.objectOrNull("inScopeOf", InScopeOf::read);
    this.credentialId = f.jsonString("credentialId");
    this.identityProvider = f.jsonString("identityProvider");
  }

  static UserIdentity read(JsonObject json, String path) {
    return new UserIdentity(json, path);
  }

  /**
   * Reads a {@code userIdentity} object.
   *
   * @throws CloudTrailFormatException if a known member has the wrong type
   */
  public static UserIdentity of(JsonObject json) {
    return new UserIdentity(json, "userIdentity");
  }

  /** Returns {@code type}, for example {@code AssumedRole}. */
  public Optional<String> type() {
    return Fields.text(type);
  }

  /** Returns {@code principalId}; for temporary credentials it ends with {@code :SESSION}. */
  public Optional<String> principalId() {
    return Fields.text(principalId);
  }

  /** Returns {@code arn}, the principal's ARN. */
  public Optional<String> arn() {
    return Fields.text(arn);
  }

  /** Returns {@code accountId}, the account that owns the principal. */
  public Optional<String> accountId() {
    return Fields.text(accountId);
  }

  /** Returns {@code accessKeyId}; may be the empty string. */
  public Optional<String> accessKeyId() {
    return Fields.text(accessKeyId);
  }

  /** Returns {@code userName}. */
  public Optional<String> userName() {
    return Fields.text(userName);
  }

  /** Returns {@code sessionContext}, present for temporary credentials. */
  public Optional<SessionContext> sessionContext() {
    return Optional.ofNullable(sessionContext);
  }

  /** Returns {@code invokedBy}, the AWS service that made the request on the principal's behalf. */
  public Optional<String> invokedBy() {
    return Fields.text(invokedBy);
  }

  /** Returns {@code invokedByDelegate}, a product provider using temporary delegated access. */
  public Optional<InvokedByDelegate> invokedByDelegate() {
    return Optional.ofNullable(invokedByDelegate);
  }

  /** Returns {@code onBehalfOf}, set for IAM Identity Center callers. */
  public Optional<OnBehalfOf> onBehalfOf() {
    return Optional.ofNullable(onBehalfOf);
  }

  /**
   * Returns {@code inScopeOf}, the resource for which credentials were issued (such as a Lambda
   * function).
   */
  public Optional<InScopeOf> inScopeOf() {
    return Optional.ofNullable(inScopeOf);
  }

  /** Returns {@code credentialId}, set for bearer-token callers. */
  public Optional<String> credentialId() {
    return Fields.text(credentialId);
  }

  /** Returns {@code identityProvider}: a SAML name qualifier or an OIDC issuer. */
  public Optional<String> identityProvider() {
    return Fields.text(identityProvider);
  }

  /** Returns true if {@link #type()} is {@code AssumedRole}. */
  public boolean isAssumedRole() {
    return type != null && ASSUMED_ROLE.equals(type.value());
  }
}
