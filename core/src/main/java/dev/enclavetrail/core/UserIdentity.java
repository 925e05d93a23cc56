package dev.enclavetrail.core;

import dev.enclavetrail.core.json.JsonObject;
import java.util.Optional;

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

  private final Optional<String> type;
  private final Optional<String> principalId;
  private final Optional<String> arn;
  private final Optional<String> accountId;
  private final Optional<String> accessKeyId;
  private final Optional<String> userName;
  private final Optional<SessionContext> sessionContext;
  private final Optional<String> invokedBy;
  private final Optional<InvokedByDelegate> invokedByDelegate;
  private final Optional<OnBehalfOf> onBehalfOf;
  private final Optional<InScopeOf> inScopeOf;
  private final Optional<String> credentialId;
  private final Optional<String> identityProvider;

  private UserIdentity(JsonObject json, String path) {
    super(json);
    Fields f = new Fields(json, path);
    this.type = f.string("type");
    this.principalId = f.string("principalId");
    this.arn = f.string("arn");
    this.accountId = f.string("accountId");
    this.accessKeyId = f.string("accessKeyId");
    this.userName = f.string("userName");
    this.sessionContext = f.object("sessionContext", SessionContext::read);
    this.invokedBy = f.string("invokedBy");
    this.invokedByDelegate = f.object("invokedByDelegate", InvokedByDelegate::read);
    this.onBehalfOf = f.object("onBehalfOf", OnBehalfOf::read);
    this.inScopeOf = f.object("inScopeOf", InScopeOf::read);
    this.credentialId = f.string("credentialId");
    this.identityProvider = f.string("identityProvider");
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
    return type;
  }

  /** Returns {@code principalId}; for temporary credentials it ends with {@code :SESSION}. */
  public Optional<String> principalId() {
    return principalId;
  }

  /** Returns {@code arn}, the principal's ARN. */
  public Optional<String> arn() {
    return arn;
  }

  /** Returns {@code accountId}, the account that owns the principal. */
  public Optional<String> accountId() {
    return accountId;
  }

  /** Returns {@code accessKeyId}; may be the empty string. */
  public Optional<String> accessKeyId() {
    return accessKeyId;
  }

  /** Returns {@code userName}. */
  public Optional<String> userName() {
    return userName;
  }

  /** Returns {@code sessionContext}, present for temporary credentials. */
  public Optional<SessionContext> sessionContext() {
    return sessionContext;
  }

  /** Returns {@code invokedBy}, the AWS service that made the request on the principal's behalf. */
  public Optional<String> invokedBy() {
    return invokedBy;
  }

  /** Returns {@code invokedByDelegate}, a product provider using temporary delegated access. */
  public Optional<InvokedByDelegate> invokedByDelegate() {
    return invokedByDelegate;
  }

  /** Returns {@code onBehalfOf}, set for IAM Identity Center callers. */
  public Optional<OnBehalfOf> onBehalfOf() {
    return onBehalfOf;
  }

  /**
   * Returns {@code inScopeOf}, the resource for which credentials were issued (such as a Lambda
   * function).
   */
  public Optional<InScopeOf> inScopeOf() {
    return inScopeOf;
  }

  /** Returns {@code credentialId}, set for bearer-token callers. */
  public Optional<String> credentialId() {
    return credentialId;
  }

  /** Returns {@code identityProvider}: a SAML name qualifier or an OIDC issuer. */
  public Optional<String> identityProvider() {
    return identityProvider;
  }

  /** Returns true if {@link #type()} is {@code AssumedRole}. */
  public boolean isAssumedRole() {
    return type.filter(ASSUMED_ROLE::equals).isPresent();
  }
}
