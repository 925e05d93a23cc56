package dev.enclavetrail.core;

import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonString;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code sessionContext} of a {@link UserIdentity} that used temporary credentials: who issued
 * the session, web-identity federation data, attributes and the newer session members.
 */
public final class SessionContext extends JsonBacked {

  private final @Nullable SessionIssuer sessionIssuer;
  private final @Nullable WebIdFederationData webIdFederationData;
  private final @Nullable SessionAttributes attributes;
  private final @Nullable JsonString sourceIdentity;
  private final @Nullable JsonString ec2RoleDelivery;
  private final @Nullable Boolean assumedRoot;
  private final @Nullable JsonString signInSessionArn;
  private final @Nullable JsonString ec2IssuedInVpc;

  private SessionContext(JsonObject json, String path) {
    super(json);
    Fields f = new Fields(json, path);
    this.sessionIssuer = f.objectOrNull("sessionIssuer", SessionIssuer::read);
    this.webIdFederationData = f.objectOrNull("webIdFederationData", WebIdFederationData::read);
    this.attributes = f.objectOrNull("attributes", SessionAttributes::read);
    this.sourceIdentity = f.jsonString("sourceIdentity");
    this.ec2RoleDelivery = f.jsonString("ec2RoleDelivery");
    this.assumedRoot = f.boolOrNull("assumedRoot");
    this.signInSessionArn = f.jsonString("signInSessionArn");
    this.ec2IssuedInVpc = f.jsonString("ec2IssuedInVPC");
  }

  static SessionContext read(JsonObject json, String path) {
    return new SessionContext(json, path);
  }

  /** Returns {@code sessionIssuer}; it may be an empty object in real records. */
  public Optional<SessionIssuer> sessionIssuer() {
    return Optional.ofNullable(sessionIssuer);
  }

  /** Returns {@code webIdFederationData}; empty when there is no identity-provider information. */
  public Optional<WebIdFederationData> webIdFederationData() {
    return Optional.ofNullable(webIdFederationData);
  }

  /** Returns {@code attributes}: creation date and whether MFA was used. */
  public Optional<SessionAttributes> attributes() {
    return Optional.ofNullable(attributes);
  }

  /** Returns {@code sourceIdentity}. */
  public Optional<String> sourceIdentity() {
    return Fields.text(sourceIdentity);
  }

  /** Returns {@code ec2RoleDelivery}: {@code 1.0} for IMDSv1, {@code 2.0} for IMDSv2. */
  public Optional<String> ec2RoleDelivery() {
    return Fields.text(ec2RoleDelivery);
  }

  /**
   * Returns {@code assumedRoot} (sent as the string {@code "true"}) for sessions made by
   * AssumeRoot.
   */
  public Optional<Boolean> assumedRoot() {
    return Optional.ofNullable(assumedRoot);
  }

  /** Returns {@code signInSessionArn}, {@code arn:aws:signin:REGION:ACCOUNT:session/UUID}. */
  public Optional<String> signInSessionArn() {
    return Fields.text(signInSessionArn);
  }

  /**
   * Returns {@code ec2IssuedInVPC} (CloudTrail Lake), the VPC in which EC2 role credentials were
   * issued.
   */
  public Optional<String> ec2IssuedInVpc() {
    return Fields.text(ec2IssuedInVpc);
  }
}
