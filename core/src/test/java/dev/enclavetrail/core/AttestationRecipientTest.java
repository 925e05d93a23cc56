package dev.enclavetrail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.enclavetrail.core.jackson.CloudTrailJackson;
import dev.enclavetrail.core.json.JsonObject;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The recipient of attested requests, from the AWS examples (DOMAIN.md §1.2–§1.5, §7). */
class AttestationRecipientTest {

  private static final CloudTrailJackson JSON = CloudTrailJackson.create();

  private static CloudTrailRecord example(String name) {
    return JSON.readRecord(
        TestData.read(TestData.dir().resolve(Path.of("kms-doc-examples", name))));
  }

  @Test
  void decryptExample_enclaveRecipient_placeholdersKept() {
    CloudTrailRecord r = example("Decrypt.json");
    AttestationRecipient recipient = r.attestationRecipient().orElseThrow();
    assertThat(recipient.type()).isEqualTo(AttestationRecipient.Type.ENCLAVE);
    assertThat(recipient.moduleId().orElseThrow().text())
        .isEqualTo("i-123456789abcde123-enc123456789abcde12");
    assertThat(recipient.moduleId().orElseThrow().parentInstanceId())
        .contains("i-123456789abcde123");
    assertThat(recipient.imageDigest().orElseThrow().text())
        .isEqualTo("<AttestationDocument.PCR0>");
    assertThat(recipient.imageDigest().orElseThrow().isPlaceholder()).isTrue();
    assertThat(recipient.enclavePcrs().keySet()).containsExactly(1, 2, 3, 4, 8);
    assertThat(recipient.enclavePcr(0)).isEqualTo(recipient.imageDigest());
    assertThat(recipient.nitroTpmPcrs()).isEmpty();
    assertThat(recipient.isDebugMode()).isFalse();
    assertThat(r.attestedOperation()).contains(AttestedOperation.DECRYPT);
  }

  @Test
  void generateDataKeyExample_bareKeyIdAndNumberOfBytes_read() {
    CloudTrailRecord r = example("GenerateDataKey.json");
    KmsRequestParameters p = r.kmsRequestParameters().orElseThrow();
    assertThat(p.numberOfBytes()).isEqualTo(OptionalInt.of(32));
    assertThat(p.keyId()).hasValueSatisfying(k -> assertThat(k).doesNotStartWith("arn:"));
    assertThat(r.resources()).singleElement().satisfies(res -> assertThat(res.type()).isEmpty());
  }

  @Test
  void generateDataKeyPairExample_specAndContext_read() {
    KmsRequestParameters p =
        example("GenerateDataKeyPair.json").kmsRequestParameters().orElseThrow();
    assertThat(p.keyPairSpec()).contains("RSA_3072");
    assertThat(p.encryptionContext()).containsEntry("Project", "Alpha");
  }

  @Test
  void generateRandomExample_nullParametersEmptyResources() {
    CloudTrailRecord r = example("GenerateRandom.json");
    assertThat(r.requestParameters()).isEmpty();
    assertThat(r.kmsRequestParameters()).isEmpty();
    assertThat(r.resources()).isEmpty();
    assertThat(r.attestedOperation()).contains(AttestedOperation.GENERATE_RANDOM);
    assertThat(r.isAttestedKmsRequest()).isTrue();
  }

  @Test
  void nitroTpmRecipient_everyIndexKept() {
    JsonObject json =
        JsonObject.builder()
            .put("attestationDocumentModuleId", "i-123456789abcde123-tpm0000000000000000")
            .put("attestationDocumentNitroTPMPCR4", "<AttestationDocument.PCR4>")
            .put("attestationDocumentNitroTPMPCR7", "A".repeat(64))
            .put("attestationDocumentNitroTPMPCR16", "<AttestationDocument.PCR16>")
            .put("attestationDocumentNitroTPMPCR23", "f".repeat(96))
            .build();
    AttestationRecipient r = AttestationRecipient.of(json);
    assertThat(r.type()).isEqualTo(AttestationRecipient.Type.NITRO_TPM);
    assertThat(r.nitroTpmPcrs().keySet()).containsExactly(4, 7, 16, 23);
    assertThat(r.nitroTpmPcr(7).orElseThrow().isAllZero()).isTrue();
    assertThat(r.nitroTpmPcr(23).flatMap(Measurement::hex)).contains("f".repeat(96));
    assertThat(r.imageDigest()).isEmpty();
    assertThat(r.enclavePcrs()).isEmpty();
  }

  @Test
  void enclaveRecipient_customAndUnusualPcrs_keptByIndex() {
    JsonObject json =
        JsonObject.builder()
            .put("attestationDocumentEnclavePCR5", "A".repeat(64))
            .put("attestationDocumentEnclavePCR31", "A".repeat(64))
            .put("attestationDocumentEnclavePCR32", "A".repeat(64))
            .put("attestationDocumentEnclavePCR01", "A".repeat(64))
            .put("attestationDocumentEnclavePCRCount", "3")
            .build();
    AttestationRecipient r = AttestationRecipient.of(json);
    assertThat(r.enclavePcrs().keySet()).containsExactly(5, 31);
    assertThat(r.member("attestationDocumentEnclavePCR32")).isPresent();
    assertThat(r.type()).isEqualTo(AttestationRecipient.Type.ENCLAVE);
  }

  @Test
  void debugModeEnclave_zeroImagePcrs_flagged() {
    String zero = "A".repeat(64);
    JsonObject json =
        JsonObject.builder()
            .put("attestationDocumentModuleId", "i-0abc1234def567890-enc0123456789abcdef")
            .put("attestationDocumentEnclaveImageDigest", zero)
            .put("attestationDocumentEnclavePCR1", zero)
            .put("attestationDocumentEnclavePCR2", zero)
            .put(
                "attestationDocumentEnclavePCR4",
                "bG9yZW0gaXBzdW0gZG9sb3Igc2l0IGFtZXQgY29uc2VjdGV0dXIgYWRpcGlzY2lu")
            .build();
    assertThat(AttestationRecipient.of(json).isDebugMode()).isTrue();
  }

  @Test
  void recipientWithoutModuleId_typeFromMembers() {
    assertThat(AttestationRecipient.of(JsonObject.empty()).type())
        .isEqualTo(AttestationRecipient.Type.UNKNOWN);
    assertThat(
            AttestationRecipient.of(
                    JsonObject.builder()
                        .put("attestationDocumentModuleId", "module-7")
                        .put("x", 1)
                        .build())
                .type())
        .isEqualTo(AttestationRecipient.Type.UNKNOWN);
  }

  @Test
  void recipient_pcrNotString_namedInError() {
    JsonObject json = JsonObject.builder().put("attestationDocumentEnclavePCR1", 12).build();
    assertThatThrownBy(() -> AttestationRecipient.of(json))
        .isInstanceOf(CloudTrailFormatException.class)
        .hasMessage(
            "field `additionalEventData.recipient.attestationDocumentEnclavePCR1`: expected a string, found the number `12`");
  }

  @Test
  void recordWithoutRecipient_notAttested() {
    CloudTrailRecord r =
        JSON.readRecord(
            "{\"eventSource\":\"kms.amazonaws.com\",\"eventName\":\"Decrypt\",\"additionalEventData\":{\"x\":1}}");
    assertThat(r.attestationRecipient()).isEmpty();
    assertThat(r.isAttestedKmsRequest()).isFalse();
    assertThat(r.attestedOperation()).contains(AttestedOperation.DECRYPT);
  }
}
