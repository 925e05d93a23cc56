package dev.enclavetrail.testkit;

import dev.enclavetrail.core.UserIdentity;
import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonValue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Realistic {@code userIdentity} values of every common caller type, with members in the order
 * CloudTrail writes them; ids ({@code principalId}, {@code accessKeyId}) are derived from the
 * names, so the same arguments give the same identity in every run.
 *
 * <pre>{@code
 * CloudTrailRecord r = OtherRecords.s3GetObject()
 *     .identity(Identities.iamUser("111122223333", "Alice"))
 *     .build();
 * }</pre>
 */
public final class Identities {

  private Identities() {}

  /** Returns an {@code IAMUser} with long-term access keys. */
  public static UserIdentity iamUser(String account, String userName) {
    return UserIdentity.of(
        JsonObject.builder()
            .put("type", UserIdentity.IAM_USER)
            .put("principalId", userId(account, userName))
            .put("arn", "arn:aws:iam::" + account + ":user/" + userName)
            .put("accountId", account)
            .put("accessKeyId", "AKIA" + Ids.base32FromName("akia/" + account + userName, 16))
            .put("userName", userName)
            .build());
  }

  /** Returns the account's {@code Root} user. */
  public static UserIdentity root(String account) {
    return UserIdentity.of(
        JsonObject.builder()
            .put("type", UserIdentity.ROOT)
            .put("principalId", account)
            .put("arn", "arn:aws:iam::" + account + ":root")
            .put("accountId", account)
            .put("accessKeyId", "AKIA" + Ids.base32FromName("root/" + account, 16))
            .build());
  }

  /**
   * Returns an {@code AssumedRole} session of role {@code roleName}, issued at {@code
   * creationDate}: {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}.
   */
  public static UserIdentity assumedRole(
      String account, String roleName, String sessionName, Instant creationDate) {
    return UserIdentity.of(session(account, roleName, sessionName, creationDate).build());
  }

  /**
   * Returns the role session of EC2 instance {@code instanceId} (the session is named after the
   * instance, credentials delivered by IMDSv2): what an enclave's parent instance calls KMS as.
   */
  public static UserIdentity ec2Instance(
      String account, String roleName, String instanceId, Instant creationDate) {
    JsonObject.Builder identity = session(account, roleName, instanceId, creationDate);
    JsonObject context = identity.build().getObject("sessionContext").orElseThrow();
    identity.set("sessionContext", context.toBuilder().put("ec2RoleDelivery", "2.0").build());
    return UserIdentity.of(identity.build());
  }

  /**
   * Returns an {@code AWSService} identity: the service itself, such as {@code s3.amazonaws.com}.
   */
  public static UserIdentity awsService(String service) {
    return UserIdentity.of(
        JsonObject.builder()
            .put("type", UserIdentity.AWS_SERVICE)
            .put("invokedBy", Objects.requireNonNull(service, "service"))
            .build());
  }

  /**
   * Returns {@code identity} with {@code invokedBy} set: a request an AWS service made with the
   * caller's credentials (forward access sessions), such as Secrets Manager calling KMS.
   */
  public static UserIdentity invokedBy(UserIdentity identity, String service) {
    return UserIdentity.of(
        identity.json().toBuilder().set("invokedBy", JsonValue.of(service)).build());
  }

  /**
   * Returns a {@code FederatedUser} created by IAM user {@code issuerUserName} with {@code
   * GetFederationToken} at {@code creationDate}.
   */
  public static UserIdentity federatedUser(
      String account, String issuerUserName, String federatedName, Instant creationDate) {
    return UserIdentity.of(
        JsonObject.builder()
            .put("type", "FederatedUser")
            .put("principalId", account + ":" + federatedName)
            .put("arn", "arn:aws:sts::" + account + ":federated-user/" + federatedName)
            .put("accountId", account)
            .put("accessKeyId", temporaryKey(account, federatedName))
            .put(
                "sessionContext",
                JsonObject.builder()
                    .put("attributes", attributes(creationDate, false))
                    .put(
                        "sessionIssuer",
                        JsonObject.builder()
                            .put("type", UserIdentity.IAM_USER)
                            .put("principalId", userId(account, issuerUserName))
                            .put("arn", "arn:aws:iam::" + account + ":user/" + issuerUserName)
                            .put("accountId", account)
                            .put("userName", issuerUserName)
                            .build())
                    .build())
            .build());
  }

  /**
   * Returns an {@code IdentityCenterUser}: a bearer-token caller of IAM Identity Center with {@code
   * onBehalfOf} (user id, identity store {@code d-…}) and {@code credentialId}.
   */
  public static UserIdentity identityCenterUser(
      String account, String userId, String identityStoreId) {
    return UserIdentity.of(
        JsonObject.builder()
            .put("type", "IdentityCenterUser")
            .put("accountId", account)
            .put(
                "onBehalfOf",
                JsonObject.builder()
                    .put("userId", userId)
                    .put(
                        "identityStoreArn",
                        "arn:aws:identitystore::" + account + ":identitystore/" + identityStoreId)
                    .build())
            .put("credentialId", Ids.base32FromName("credential/" + userId, 28))
            .build());
  }

  /**
   * Returns a {@code WebIdentityUser}, the caller of {@code AssumeRoleWithWebIdentity} through an
   * OIDC provider such as {@code accounts.google.com}.
   */
  public static UserIdentity webIdentityUser(
      String provider, String applicationId, String subject) {
    return UserIdentity.of(
        JsonObject.builder()
            .put("type", "WebIdentityUser")
            .put("principalId", provider + ":" + applicationId + ":" + subject)
            .put("userName", subject)
            .put("identityProvider", provider)
            .build());
  }

  private static JsonObject.Builder session(
      String account, String roleName, String sessionName, Instant creationDate) {
    String roleId = "AROA" + Ids.base32FromName("role/" + account + "/" + roleName, 17);
    return JsonObject.builder()
        .put("type", UserIdentity.ASSUMED_ROLE)
        .put("principalId", roleId + ":" + sessionName)
        .put("arn", "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + sessionName)
        .put("accountId", account)
        .put("accessKeyId", temporaryKey(account, roleName + "/" + sessionName))
        .put(
            "sessionContext",
            JsonObject.builder()
                .put(
                    "sessionIssuer",
                    JsonObject.builder()
                        .put("type", "Role")
                        .put("principalId", roleId)
                        .put("arn", "arn:aws:iam::" + account + ":role/" + roleName)
                        .put("accountId", account)
                        .put("userName", roleName)
                        .build())
                .put("webIdFederationData", JsonObject.empty())
                .put("attributes", attributes(creationDate, false))
                .build());
  }

  private static JsonObject attributes(Instant creationDate, boolean mfa) {
    return JsonObject.builder()
        .put("creationDate", creationDate.truncatedTo(ChronoUnit.SECONDS).toString())
        .put("mfaAuthenticated", Boolean.toString(mfa))
        .build();
  }

  private static String userId(String account, String userName) {
    return "AIDA" + Ids.base32FromName("user/" + account + "/" + userName, 17);
  }

  private static String temporaryKey(String account, String name) {
    return "ASIA" + Ids.base32FromName("asia/" + account + "/" + name, 16);
  }
}
