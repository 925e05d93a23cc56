package dev.enclavetrail.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.jackson.CloudTrailJackson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Requests read from JSON and derived from CloudTrail records as KMS would have filled them. */
class KmsRequestTest {

  private static final CloudTrailJackson JSON = CloudTrailJackson.create();

  private static Path testdata() {
    String configured = System.getProperty("enclavetrail.testdata");
    return Path.of(configured != null ? configured : "../testdata");
  }

  @Test
  void readJson_contract_allMembers() {
    KmsRequest r =
        KmsRequest.readJson(
            "{\"action\":\"kms:Decrypt\",\"principal\":\"arn:aws:iam::111122223333:user/Alice\",\"principalType\":\"AWS\","
                + "\"resource\":\"arn:aws:kms:us-west-2:111122223333:key/k\",\"context\":{\"kms:EncryptionContextKeys\":[\"a\",\"b\"],"
                + "\"aws:SourceIp\":\"192.0.2.1\"}}");
    assertThat(r.action()).isEqualTo("kms:Decrypt");
    assertThat(r.resource()).contains("arn:aws:kms:us-west-2:111122223333:key/k");
    assertThat(r.contextValues("KMS:ENCRYPTIONCONTEXTKEYS")).contains(List.of("a", "b"));
    assertThat(r.context().keySet()).containsExactly("kms:EncryptionContextKeys", "aws:SourceIp");
  }

  @Test
  void readJson_malformed_locatedOneLineMessages() {
    assertThatThrownBy(() -> KmsRequest.readJson("{\"action\":\"kms:Decrypt\",\"principal\":1}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("`principal` must be a string at byte 36 (line 1, column 37)");
    assertThatThrownBy(() -> KmsRequest.readJson("{\"action\":\"kms:Decrypt\",\"actor\":\"x\"}"))
        .hasMessage("unknown request member `actor` at byte 24 (line 1, column 25)");
    assertThatThrownBy(() -> KmsRequest.readJson("{\"action\":\"kms:Decrypt\"}"))
        .hasMessage("a request needs `action` and `principal`");
    assertThatThrownBy(
            () ->
                KmsRequest.builder()
                    .action("kms:Decrypt")
                    .principal("p")
                    .context("aws:SourceIp", "1.1.1.1")
                    .context("AWS:SOURCEIP", "2.2.2.2"))
        .hasMessage("context key `AWS:SOURCEIP` given twice (keys are case-insensitive)");
  }

  @Test
  void fromRecord_docExample_placeholdersPassedAsText() throws IOException {
    CloudTrailRecord record =
        JSON.readRecord(Files.readAllBytes(testdata().resolve("kms-doc-examples/Decrypt.json")));
    KmsRequest r = KmsRequest.from(record);
    assertThat(r.action()).isEqualTo("kms:Decrypt");
    assertThat(r.principal()).isEqualTo("arn:aws:iam::111122223333:user/Alice");
    assertThat(r.resource())
        .contains("arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
    assertThat(r.contextValues("kms:RecipientAttestation:ImageSha384"))
        .contains(List.of("<AttestationDocument.PCR0>"));
    assertThat(r.contextValues("kms:RecipientAttestation:PCR8"))
        .contains(List.of("<AttestationDocument.PCR8>"));
    assertThat(r.contextValues("kms:EncryptionAlgorithm")).contains(List.of("SYMMETRIC_DEFAULT"));
    assertThat(r.contextValues("aws:username")).contains(List.of("Alice"));
    assertThat(r.contextValues("aws:PrincipalType")).contains(List.of("User"));
    assertThat(r.contextValues("aws:CurrentTime")).contains(List.of("2020-07-27T22:58:24Z"));
    assertThat(r.contextValues("aws:SourceIp")).contains(List.of("192.0.2.0"));
  }

  @Test
  void fromRecord_bareKeyIdAndGenerateRandom() throws IOException {
    KmsRequest gdk =
        KmsRequest.from(
            JSON.readRecord(
                Files.readAllBytes(testdata().resolve("kms-doc-examples/GenerateDataKey.json"))));
    assertThat(gdk.resource())
        .hasValueSatisfying(arn -> assertThat(arn).startsWith("arn:aws:kms:"));
    KmsRequest random =
        KmsRequest.from(
            JSON.readRecord(
                Files.readAllBytes(testdata().resolve("kms-doc-examples/GenerateRandom.json"))));
    assertThat(random.action()).isEqualTo("kms:GenerateRandom");
    assertThat(random.resource()).isEmpty();
  }

  @Test
  void fromRecord_base64Measurements_lowerCaseHexInContext() {
    byte[] image = HexFormat.of().parseHex("AB".repeat(48));
    String record =
        "{\"eventSource\":\"kms.amazonaws.com\",\"eventName\":\"Decrypt\",\"awsRegion\":\"us-east-1\","
            + "\"recipientAccountId\":\"111122223333\",\"userIdentity\":{\"type\":\"AssumedRole\","
            + "\"arn\":\"arn:aws:sts::111122223333:assumed-role/enclave-app/i-1\",\"accountId\":\"111122223333\","
            + "\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"arn\":\"arn:aws:iam::111122223333:role/enclave-app\"}}},"
            + "\"requestParameters\":{\"keyId\":\"1234abcd-12ab-34cd-56ef-1234567890ab\",\"encryptionContext\":{\"b\":\"2\",\"a\":\"1\"}},"
            + "\"additionalEventData\":{\"recipient\":{\"attestationDocumentModuleId\":\"i-1-enc2\","
            + "\"attestationDocumentEnclaveImageDigest\":\""
            + Base64.getEncoder().encodeToString(image)
            + "\",\"attestationDocumentEnclavePCR3\":\""
            + "CD".repeat(48)
            + "\"}}}";
    KmsRequest r = KmsRequest.from(JSON.readRecord(record));
    assertThat(r.contextValues("kms:RecipientAttestation:ImageSha384"))
        .contains(List.of("ab".repeat(48)));
    assertThat(r.contextValues("kms:RecipientAttestation:PCR0")).contains(List.of("ab".repeat(48)));
    assertThat(r.contextValues("kms:RecipientAttestation:PCR3")).contains(List.of("cd".repeat(48)));
    assertThat(r.contextValues("kms:RecipientAttestation:NitroTPMPCR3")).isEmpty();
    assertThat(r.resource())
        .contains("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
    assertThat(r.contextValues("kms:EncryptionContext:b")).contains(List.of("2"));
    assertThat(r.contextValues("kms:EncryptionContextKeys")).contains(List.of("b", "a"));
    assertThat(r.contextValues("aws:PrincipalArn"))
        .contains(List.of("arn:aws:iam::111122223333:role/enclave-app"));
    assertThat(r.contextValues("kms:CallerAccount")).contains(List.of("111122223333"));
  }

  @Test
  void fromRecord_nitroTpm_onlyNitroTpmKeys() {
    String record =
        "{\"eventSource\":\"kms.amazonaws.com\",\"eventName\":\"Decrypt\",\"userIdentity\":{\"arn\":\"arn:aws:iam::1:user/u\"},"
            + "\"additionalEventData\":{\"recipient\":{\"attestationDocumentModuleId\":\"i-123-tpm0000000000000000\","
            + "\"attestationDocumentNitroTPMPCR7\":\""
            + "A".repeat(64)
            + "\"}}}";
    KmsRequest r = KmsRequest.from(JSON.readRecord(record));
    assertThat(r.contextValues("kms:RecipientAttestation:NitroTPMPCR7"))
        .contains(List.of("0".repeat(96)));
    assertThat(r.contextValues("kms:RecipientAttestation:ImageSha384")).isEmpty();
  }

  @Test
  void fromRecord_notKms_rejected() {
    assertThatThrownBy(
            () -> KmsRequest.from(JSON.readRecord("{\"eventSource\":\"s3.amazonaws.com\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not an AWS KMS record: eventSource is `s3.amazonaws.com`");
  }
}
