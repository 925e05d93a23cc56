package dev.enclavetrail.policy;

import dev.enclavetrail.core.AttestationRecipient;
import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.KmsRequestParameters;
import dev.enclavetrail.core.Measurement;
import dev.enclavetrail.core.Resource;
import dev.enclavetrail.core.SessionContext;
import dev.enclavetrail.core.SessionIssuer;
import dev.enclavetrail.core.UserIdentity;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;

/**
 * Derives the request KMS evaluated from a CloudTrail record of a KMS call. Each mapping:
 *
 * <table>
 *   <caption>Request context from a CloudTrail record</caption>
 *   <tr><th>request</th><th>from the record</th></tr>
 *   <tr><td>action</td><td>{@code kms:} + {@code eventName}</td></tr>
 *   <tr><td>principal</td><td>{@code userIdentity.arn}; for {@code AWSService} callers without an ARN, the
 *       service in {@code userIdentity.invokedBy} as a {@code Service} principal</td></tr>
 *   <tr><td>resource</td><td>the {@code ARN} of the {@code resources} entry of type {@code AWS::KMS::Key} (or
 *       the first one naming a key); else {@code requestParameters.keyId} when it is a key ARN; else a bare key id
 *       with {@code awsRegion} and {@code recipientAccountId}; none for {@code GenerateRandom}</td></tr>
 *   <tr><td>{@code kms:RecipientAttestation:ImageSha384} and {@code …:PCR0}</td><td>{@code
 *       attestationDocumentEnclaveImageDigest}, as lower-case hex</td></tr>
 *   <tr><td>{@code kms:RecipientAttestation:PCR<n>}</td><td>{@code attestationDocumentEnclavePCR<n>}, lower-case
 *       hex</td></tr>
 *   <tr><td>{@code kms:RecipientAttestation:NitroTPMPCR<n>}</td><td>{@code attestationDocumentNitroTPMPCR<n>},
 *       lower-case hex</td></tr>
 *   <tr><td>{@code kms:EncryptionContext:<k>}, {@code kms:EncryptionContextKeys}</td><td>{@code
 *       requestParameters.encryptionContext}</td></tr>
 *   <tr><td>{@code kms:EncryptionAlgorithm}, {@code kms:KeyAgreementAlgorithm}, {@code kms:DataKeyPairSpec}</td>
 *       <td>{@code encryptionAlgorithm}, {@code keyAgreementAlgorithm}, {@code keyPairSpec}</td></tr>
 *   <tr><td>{@code kms:GrantTokens}</td><td>{@code grantTokens}</td></tr>
 *   <tr><td>{@code kms:CallerAccount}, {@code aws:PrincipalAccount}</td><td>{@code userIdentity.accountId}</td></tr>
 *   <tr><td>{@code kms:ViaService}</td><td>{@code <service>.<awsRegion>.amazonaws.com} from {@code
 *       userIdentity.invokedBy} when an AWS service called on the principal's behalf</td></tr>
 *   <tr><td>{@code aws:SourceIp}</td><td>{@code sourceIPAddress} when it is an IP address</td></tr>
 *   <tr><td>{@code aws:SourceVpce}</td><td>{@code vpcEndpointId} when it is a {@code vpce-} id</td></tr>
 *   <tr><td>{@code aws:PrincipalArn}</td><td>the role ARN ({@code sessionContext.sessionIssuer.arn}) for role
 *       sessions, else {@code userIdentity.arn}</td></tr>
 *   <tr><td>{@code aws:PrincipalType}</td><td>{@code userIdentity.type}: {@code IAMUser} → {@code User},
 *       {@code Root} → {@code Account}, others as they are</td></tr>
 *   <tr><td>{@code aws:userid}, {@code aws:username}</td><td>{@code principalId}; {@code userName} of IAM
 *       users</td></tr>
 *   <tr><td>{@code aws:CurrentTime}, {@code aws:EpochTime}</td><td>{@code eventTime}</td></tr>
 *   <tr><td>{@code aws:SourceIdentity}</td><td>{@code sessionContext.sourceIdentity}</td></tr>
 * </table>
 *
 * <p>A measurement the log carries as text that does not decode (a documentation placeholder) is
 * passed as that text, so it never equals a real hex value.
 */
final class RecordContext {

  private RecordContext() {}

  static KmsRequest request(CloudTrailRecord record) {
    if (!record.isKms()) {
      throw new IllegalArgumentException(
          "not an AWS KMS record: eventSource is `" + record.eventSource().orElse("") + "`");
    }
    String eventName =
        record
            .eventName()
            .orElseThrow(() -> new IllegalArgumentException("the record has no eventName"));
    KmsRequest.Builder b = KmsRequest.builder().action("kms:" + eventName);
    UserIdentity id =
        record
            .userIdentity()
            .orElseThrow(() -> new IllegalArgumentException("the record has no userIdentity"));
    principal(id, b);
    if (!eventName.equals("GenerateRandom")) {
      b.resource(keyArn(record));
    }
    record.attestationRecipient().ifPresent(r -> attestation(r, b));
    record.kmsRequestParameters().ifPresent(p -> parameters(p, b));
    id.accountId()
        .ifPresent(a -> b.context("kms:CallerAccount", a).context("aws:PrincipalAccount", a));
    viaService(id, record).ifPresent(v -> b.context("kms:ViaService", v));
    record
        .sourceIpAddress()
        .filter(ip -> Values.ip(ip) != null)
        .ifPresent(ip -> b.context("aws:SourceIp", ip));
    record
        .vpcEndpointId()
        .filter(v -> v.startsWith("vpce-"))
        .ifPresent(v -> b.context("aws:SourceVpce", v));
    principalArn(id).ifPresent(a -> b.context("aws:PrincipalArn", a));
    id.type().map(RecordContext::principalType).ifPresent(t -> b.context("aws:PrincipalType", t));
    id.principalId().ifPresent(p -> b.context("aws:userid", p));
    if (id.type().filter(UserIdentity.IAM_USER::equals).isPresent()) {
      id.userName().ifPresent(u -> b.context("aws:username", u));
    }
    id.sessionContext()
        .flatMap(SessionContext::sourceIdentity)
        .ifPresent(s -> b.context("aws:SourceIdentity", s));
    record
        .eventTime()
        .ifPresent(
            t -> {
              b.context("aws:CurrentTime", t.toString());
              b.context("aws:EpochTime", Long.toString(t.getEpochSecond()));
            });
    return b.build();
  }

  private static void principal(UserIdentity id, KmsRequest.Builder b) {
    Optional<String> arn = id.arn();
    if (arn.isPresent()) {
      b.principal(arn.get());
      return;
    }
    Optional<String> service = id.invokedBy().filter(s -> s.endsWith(".amazonaws.com"));
    if (service.isPresent() && id.type().filter(UserIdentity.AWS_SERVICE::equals).isPresent()) {
      b.principal(service.get()).principalType(PrincipalType.SERVICE);
      return;
    }
    throw new IllegalArgumentException("the record names no caller: userIdentity has no arn");
  }

  private static @Nullable String keyArn(CloudTrailRecord record) {
    for (Resource r : record.resources()) {
      if (r.type().filter(Resource.KMS_KEY_TYPE::equals).isPresent() && r.arn().isPresent()) {
        return r.arn().get();
      }
    }
    for (Resource r : record.resources()) {
      if (r.arn().filter(RecordContext::isKeyArn).isPresent()) {
        return r.arn().get();
      }
    }
    Optional<String> keyId = record.kmsRequestParameters().flatMap(KmsRequestParameters::keyId);
    if (keyId.isEmpty()) {
      return null;
    }
    String id = keyId.get();
    if (isKeyArn(id)) {
      return id;
    }
    if (id.startsWith("arn:") || id.startsWith("alias/")) {
      return null; // an alias: the key it named is not in the record
    }
    Optional<String> region = record.awsRegion();
    Optional<String> account = record.recipientAccountId();
    if (region.isEmpty() || account.isEmpty()) {
      return null;
    }
    return "arn:"
        + partition(region.get())
        + ":kms:"
        + region.get()
        + ":"
        + account.get()
        + ":key/"
        + id;
  }

  private static boolean isKeyArn(String arn) {
    return arn.startsWith("arn:")
        && "kms".equals(Arns.component(arn, 2))
        && String.valueOf(Arns.component(arn, 5)).startsWith("key/");
  }

  private static String partition(String region) {
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }

  private static void attestation(AttestationRecipient r, KmsRequest.Builder b) {
    AttestationRecipient.Type type = r.type();
    if (type == AttestationRecipient.Type.ENCLAVE) {
      r.imageDigest()
          .ifPresent(
              m -> {
                b.context(ContextKeys.IMAGE_SHA384, hex(m));
                if (!r.enclavePcrs().containsKey(0)) {
                  b.context(ContextKeys.ENCLAVE_PCR[0], hex(m));
                }
              });
      pcrs(r.enclavePcrs(), ContextKeys.ENCLAVE_PCR, b);
    } else if (type == AttestationRecipient.Type.NITRO_TPM) {
      pcrs(r.nitroTpmPcrs(), ContextKeys.NITRO_TPM_PCR, b);
    }
  }

  private static void pcrs(
      SortedMap<Integer, Measurement> pcrs, String[] keys, KmsRequest.Builder b) {
    for (Map.Entry<Integer, Measurement> e : pcrs.entrySet()) {
      b.context(keys[e.getKey()], hex(e.getValue()));
    }
  }

  private static String hex(Measurement m) {
    return m.hex().orElse(m.text());
  }

  private static void parameters(KmsRequestParameters p, KmsRequest.Builder b) {
    Map<String, String> context = p.encryptionContext();
    if (!context.isEmpty()) {
      context.forEach((k, v) -> b.context("kms:EncryptionContext:" + k, v));
      b.context("kms:EncryptionContextKeys", new ArrayList<>(context.keySet()));
    }
    p.encryptionAlgorithm().ifPresent(a -> b.context("kms:EncryptionAlgorithm", a));
    p.keyAgreementAlgorithm().ifPresent(a -> b.context("kms:KeyAgreementAlgorithm", a));
    p.keyPairSpec().ifPresent(s -> b.context("kms:DataKeyPairSpec", s));
    if (!p.grantTokens().isEmpty()) {
      b.context("kms:GrantTokens", p.grantTokens());
    }
  }

  private static Optional<String> viaService(UserIdentity id, CloudTrailRecord record) {
    Optional<String> invokedBy = id.invokedBy().filter(s -> s.endsWith(".amazonaws.com"));
    if (invokedBy.isEmpty() || record.awsRegion().isEmpty()) {
      return Optional.empty();
    }
    String service =
        invokedBy.get().substring(0, invokedBy.get().length() - ".amazonaws.com".length());
    return Optional.of(service + "." + record.awsRegion().get() + ".amazonaws.com");
  }

  private static Optional<String> principalArn(UserIdentity id) {
    if (id.isAssumedRole()) {
      Optional<String> role =
          id.sessionContext().flatMap(SessionContext::sessionIssuer).flatMap(SessionIssuer::arn);
      if (role.isPresent()) {
        return role;
      }
    }
    return id.arn();
  }

  private static String principalType(String identityType) {
    return switch (identityType) {
      case "IAMUser" -> "User";
      case "Root" -> "Account";
      default -> identityType;
    };
  }
}
