package dev.enclavetrail.core;

import dev.enclavetrail.core.json.JsonObject;
import java.util.Optional;

/**
 * The {@code sessionContext} of a {@link UserIdentity} that used temporary credentials: who issued
 * the session, web-identity federation data, attributes and the newer session members.
 */
public final class SessionContext extends JsonBacked {

  private final Optional<SessionIssuer> sessionIssuer;
  private final Optional<WebIdFederationData> webIdFederationData;
  private final Optional<SessionAttributes> attributes;
  private final Optional<String> sourceIdentity;
  private final Optional<String> ec2RoleDelivery;
  private final Optional<Boolean> assumedRoot;
  private final Optional<String> signInSessionArn;
  private final Optional<String> ec2IssuedInVpc;

  private SessionContext(JsonObject json, String path) {
    super(json);
    Fields f = new Fields(json, path);
    this.sessionIssuer = f.object("sessionIssuer", SessionIssuer::read);
    this.webIdFederationData = f.object("webIdFederationData", WebIdFederationData::read);
    this.attributes = f.object("attributes", SessionAttributes::read);
    this.sourceIdentity = f.string("sourceIdentity");
    this.ec2RoleDelivery = f.string("ec2RoleDelivery");
    this.assumedRoot = f.bool("assumedRoot");
    this.signInSessionArn = f.string("signInSessionArn");
    this.ec2IssuedInVpc = f.string("ec2IssuedInVPC");
  }

  static SessionContext read(JsonObject json, String path) {
    return new SessionContext(json, path);
  }

  /** Returns {@code sessionIssuer}; it may be an empty object in real records. */
  public Optional<SessionIssuer> sessionIssuer() {
    return sessionIssuer;
  }

  /** Returns {@code webIdFederationData}; empty when there is no identity-provider information. */
  public Optional<WebIdFederationData> webIdFederationData() {
    return webIdFederationData;
  }

  /** Returns {@code attributes}: creation date and whether MFA was used. */
  public Optional<SessionAttributes> attributes() {
    return attributes;
  }

  /** Returns {@code sourceIdentity}. */
  public Optional<String> sourceIdentity() {
    return sourceIdentity;
  }

  /** Returns {@code ec2RoleDelivery}: {@code 1.0} for IMDSv1, {@code 2.0} for IMDSv2. */
  public Optional<String> ec2RoleDelivery() {
    return ec2RoleDelivery;
  }

  /**
   * Returns {@code assumedRoot} (sent as the string {@code "true"}) for sessions made by
   * AssumeRoot.
   */
  public Optional<Boolean> assumedRoot() {
    return assumedRoot;
  }

  /** Returns {@code signInSessionArn}, {@code arn:aws:signin:REGION:ACCOUNT:session/UUID}. */
  public Optional<String> signInSessionArn() {
    return signInSessionArn;
  }

  /**
   * Returns {@code ec2IssuedInVPC} (CloudTrail Lake), the VPC in which EC2 role credentials were
   * issued.
   */
  public Optional<String> ec2IssuedInVpc() {
    return ec2IssuedInVpc;
  }
}
