package dev.enclavetrail.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.enclavetrail.core.AttestationRecipient;
import dev.enclavetrail.core.AttestedOperation;
import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.EnclaveMeasurements;
import dev.enclavetrail.core.Measurement;
import dev.enclavetrail.core.ModuleId;
import dev.enclavetrail.core.Resource;
import dev.enclavetrail.core.jackson.CloudTrailJackson;
import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class KmsRecordsTest {

  private static final CloudTrailJackson JSON = CloudTrailJackson.create();
  private static final String ROLE_ARN = "arn:aws:iam::111122223333:role/data-processing";

  static Stream<Arguments> builders() {
    return Stream.of(
        Arguments.of("decrypt", (Supplier<KmsRecords.Builder>) KmsRecords::decrypt),
        Arguments.of(
            "deriveSharedSecret", (Supplier<KmsRecords.Builder>) KmsRecords::deriveSharedSecret),
        Arguments.of("generateDataKey", (Supplier<KmsRecords.Builder>) KmsRecords::generateDataKey),
        Arguments.of(
            "generateDataKeyPair", (Supplier<KmsRecords.Builder>) KmsRecords::generateDataKeyPair),
        Arguments.of("generateRandom", (Supplier<KmsRecords.Builder>) KmsRecords::generateRandom),
        Arguments.of(
            "decrypt hex",
            (Supplier<KmsRecords.Builder>)
                () -> KmsRecords.decrypt().encoding(Measurement.Encoding.HEX)),
        Arguments.of(
            "generateDataKey nitroTpm",
            (Supplier<KmsRecords.Builder>)
                () -> KmsRecords.generateDataKey().nitroTpm(FakeMeasurements.nitroTpm("ami"))),
        Arguments.of(
            "generateRandom placeholders",
            (Supplier<KmsRecords.Builder>)
                () -> KmsRecords.generateRandom().encoding(Measurement.Encoding.TEXT)),
        Arguments.of(
            "decrypt withoutRecipient",
            (Supplier<KmsRecords.Builder>) () -> KmsRecords.decrypt().withoutRecipient()),
        Arguments.of("encrypt", (Supplier<KmsRecords.Builder>) KmsRecords::encrypt),
        Arguments.of(
            "decrypt denied",
            (Supplier<KmsRecords.Builder>)
                () ->
                    KmsRecords.decrypt()
                        .errorCode("AccessDeniedException")
                        .errorMessage("not authorized")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builders")
  void build_everyBuilder_readsBackThroughJacksonEqual(
      String name, Supplier<KmsRecords.Builder> builder) {
    CloudTrailRecord record = builder.get().build();

    String text = JSON.writeRecordAsString(record);
    CloudTrailRecord back = JSON.readRecord(text);

    assertThat(back).isEqualTo(record);
    assertThat(JSON.writeRecordAsString(back)).isEqualTo(text);
    assertThat(back.isKms()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builders")
  void build_sameSettingsTwice_equalRecords(String name, Supplier<KmsRecords.Builder> builder) {
    assertThat(builder.get().build()).isEqualTo(builder.get().build());
  }

  @ParameterizedTest
  @EnumSource(AttestedOperation.class)
  void attested_everyOperation_attestedRecordOfThatOperation(AttestedOperation op) {
    CloudTrailRecord r = KmsRecords.attested(op).build();

    assertThat(r.isAttestedKmsRequest()).isTrue();
    assertThat(r.attestedOperation()).contains(op);
    assertThat(r.eventName()).contains(op.eventName());
    assertThat(r.attestationRecipient().orElseThrow().type())
        .isEqualTo(AttestationRecipient.Type.ENCLAVE);
  }

  @Test
  void decrypt_defaults_memberOrderOfCurrentLogs() {
    CloudTrailRecord r = KmsRecords.decrypt().build();

    assertThat(r.json().names())
        .containsExactly(
            "eventVersion",
            "userIdentity",
            "eventTime",
            "eventSource",
            "eventName",
            "awsRegion",
            "sourceIPAddress",
            "userAgent",
            "requestParameters",
            "responseElements",
            "additionalEventData",
            "requestID",
            "eventID",
            "readOnly",
            "resources",
            "eventType",
            "managementEvent",
            "recipientAccountId",
            "eventCategory",
            "tlsDetails");
    assertThat(r.attestationRecipient().orElseThrow().json().names())
        .containsExactly(
            AttestationRecipient.MODULE_ID,
            AttestationRecipient.IMAGE_DIGEST,
            "attestationDocumentEnclavePCR1",
            "attestationDocumentEnclavePCR2",
            "attestationDocumentEnclavePCR3",
            "attestationDocumentEnclavePCR4",
            "attestationDocumentEnclavePCR8");
  }

  @Test
  void decrypt_defaults_parentInstanceRoleSessionAndDefaultKey() {
    CloudTrailRecord r = KmsRecords.decrypt().build();

    assertThat(r.userIdentity().orElseThrow().arn())
        .contains("arn:aws:sts::111122223333:assumed-role/data-processing/i-1234567890abcdef0");
    assertThat(r.userIdentity().orElseThrow().isAssumedRole()).isTrue();
    assertThat(r.eventTime()).contains(RecordBuilder.DEFAULT_EVENT_TIME);
    assertThat(r.awsRegion()).contains("us-west-2");
    assertThat(r.recipientAccountId()).contains("111122223333");
    assertThat(r.readOnly()).contains(true);
    assertThat(r.managementEvent()).contains(true);
    assertThat(r.eventCategory()).contains("Management");
    assertThat(r.responseElements()).isEmpty();
    assertThat(r.json().get("responseElements")).contains(JsonValue.nullValue());
    String keyArn = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    assertThat(r.kmsRequestParameters().orElseThrow().keyId()).contains(keyArn);
    assertThat(r.kmsRequestParameters().orElseThrow().encryptionAlgorithm())
        .contains("SYMMETRIC_DEFAULT");
    assertThat(r.resources())
        .singleElement()
        .satisfies(
            res -> {
              assertThat(res.arn()).contains(keyArn);
              assertThat(res.type()).contains(Resource.KMS_KEY_TYPE);
              assertThat(res.accountId()).contains("111122223333");
            });
    assertThat(r.tlsDetails().orElseThrow().clientProvidedHostHeader())
        .contains("kms.us-west-2.amazonaws.com");
    assertThat(r.eventId().orElseThrow())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(r.requestId()).isPresent().isNotEqualTo(r.eventId());
  }

  @Test
  void decrypt_defaults_recipientOfDefaultEnclaveWithRealPcr3AndPcr4() {
    AttestationRecipient recipient =
        KmsRecords.decrypt().build().attestationRecipient().orElseThrow();
    EnclaveMeasurements image = FakeMeasurements.forName(KmsRecords.DEFAULT_ENCLAVE_NAME);

    assertThat(recipient.moduleId().orElseThrow().parentInstanceId())
        .contains(KmsRecords.DEFAULT_INSTANCE_ID);
    assertThat(recipient.moduleId().orElseThrow().isEnclave()).isTrue();
    assertThat(recipient.imageDigest().orElseThrow().encoding())
        .isEqualTo(Measurement.Encoding.BASE64);
    assertThat(recipient.imageDigest().orElseThrow().sameValueAs(image.pcr0())).isTrue();
    assertThat(recipient.enclavePcr(1).orElseThrow().sameValueAs(image.pcr1())).isTrue();
    assertThat(recipient.enclavePcr(2).orElseThrow().sameValueAs(image.pcr2())).isTrue();
    assertThat(recipient.enclavePcr(3).orElseThrow().sameValueAs(FakeMeasurements.pcr3(ROLE_ARN)))
        .isTrue();
    assertThat(
            recipient
                .enclavePcr(4)
                .orElseThrow()
                .sameValueAs(FakeMeasurements.pcr4(KmsRecords.DEFAULT_INSTANCE_ID)))
        .isTrue();
    assertThat(recipient.enclavePcr(8).orElseThrow().sameValueAs(image.pcr8().orElseThrow()))
        .isTrue();
  }

  @Test
  void encoding_base64AndHex_decodeToSameHex() {
    EnclaveMeasurements image = FakeMeasurements.forName("payments-enclave");
    AttestationRecipient base64 =
        KmsRecords.decrypt().enclave(image).build().attestationRecipient().orElseThrow();
    AttestationRecipient hex =
        KmsRecords.decrypt()
            .enclave(image)
            .encoding(Measurement.Encoding.HEX)
            .build()
            .attestationRecipient()
            .orElseThrow();

    for (int i : new int[] {0, 1, 2, 3, 4, 8}) {
      Measurement b = base64.enclavePcr(i).orElseThrow();
      Measurement h = hex.enclavePcr(i).orElseThrow();
      assertThat(b.text()).as("PCR%d base64", i).matches("[A-Za-z0-9+/]{64}");
      assertThat(h.text()).as("PCR%d hex", i).matches("[0-9a-f]{96}");
      assertThat(b.hex()).as("PCR%d", i).isEqualTo(h.hex()).isPresent();
    }
    assertThat(hex.imageDigest().orElseThrow().text()).isEqualTo(image.pcr0().text());
  }

  @Test
  void encoding_text_awsDocumentationPlaceholders() {
    AttestationRecipient r =
        KmsRecords.generateRandom()
            .encoding(Measurement.Encoding.TEXT)
            .build()
            .attestationRecipient()
            .orElseThrow();

    assertThat(r.imageDigest().orElseThrow().text()).isEqualTo("<AttestationDocument.PCR0>");
    assertThat(r.enclavePcr(8).orElseThrow().isPlaceholder()).isTrue();
  }

  @Test
  void enclave_measurementsWithParent_keepsTheirPcr3AndPcr4() {
    EnclaveMeasurements image =
        FakeMeasurements.forName("x", "arn:aws:iam::111122223333:role/other", "i-0other");

    AttestationRecipient r =
        KmsRecords.decrypt().enclave(image).build().attestationRecipient().orElseThrow();

    assertThat(r.enclavePcr(3).orElseThrow().sameValueAs(image.pcr3().orElseThrow())).isTrue();
    assertThat(r.enclavePcr(4).orElseThrow().sameValueAs(image.pcr4().orElseThrow())).isTrue();
  }

  @Test
  void enclave_parentInstance_moduleIdIdentityAndPcr4Agree() {
    CloudTrailRecord r =
        KmsRecords.decrypt()
            .enclave(FakeMeasurements.forName("x"), "i-0abcdef1234567890")
            .roleName("payments-app")
            .build();
    AttestationRecipient recipient = r.attestationRecipient().orElseThrow();

    assertThat(recipient.moduleId()).contains(KmsRecords.enclaveModuleId("i-0abcdef1234567890"));
    assertThat(recipient.moduleId().orElseThrow().text())
        .matches("i-0abcdef1234567890-enc[0-9a-f]{16}");
    assertThat(r.userIdentity().orElseThrow().arn())
        .contains("arn:aws:sts::111122223333:assumed-role/payments-app/i-0abcdef1234567890");
    assertThat(recipient.enclavePcr(4).orElseThrow().hex())
        .isEqualTo(FakeMeasurements.pcr4("i-0abcdef1234567890").hex());
    assertThat(recipient.enclavePcr(3).orElseThrow().hex())
        .isEqualTo(FakeMeasurements.pcr3("arn:aws:iam::111122223333:role/payments-app").hex());
  }

  @Test
  void enclave_moduleId_keptAsGiven() {
    ModuleId id = ModuleId.parse("i-123456789abcde123-enc123456789abcde12");

    CloudTrailRecord r =
        KmsRecords.generateDataKey().enclave(FakeMeasurements.forName("x"), id).build();

    assertThat(r.attestationRecipient().orElseThrow().moduleId()).contains(id);
    assertThat(r.userIdentity().orElseThrow().arn().orElseThrow()).endsWith("/i-123456789abcde123");
  }

  @Test
  void enclave_debugMode_recipientIsDebugMode() {
    AttestationRecipient r =
        KmsRecords.decrypt()
            .enclave(FakeMeasurements.debugMode())
            .build()
            .attestationRecipient()
            .orElseThrow();

    assertThat(r.isDebugMode()).isTrue();
    assertThat(r.imageDigest().orElseThrow().text()).isEqualTo("A".repeat(64));
  }

  @Test
  void nitroTpm_pcrs_nitroTpmRecipientWithoutImageDigest() {
    Map<Integer, Measurement> pcrs = FakeMeasurements.nitroTpm("attestable-ami");

    AttestationRecipient r =
        KmsRecords.decrypt()
            .nitroTpm(pcrs, "i-0fedcba9876543210")
            .encoding(Measurement.Encoding.HEX)
            .build()
            .attestationRecipient()
            .orElseThrow();

    assertThat(r.type()).isEqualTo(AttestationRecipient.Type.NITRO_TPM);
    assertThat(r.moduleId().orElseThrow().text())
        .isEqualTo("i-0fedcba9876543210-tpm0000000000000000");
    assertThat(r.imageDigest()).isEmpty();
    assertThat(r.enclavePcrs()).isEmpty();
    assertThat(r.nitroTpmPcrs()).isEqualTo(pcrs);
    assertThat(r.json().names())
        .containsExactly(
            AttestationRecipient.MODULE_ID,
            "attestationDocumentNitroTPMPCR4",
            "attestationDocumentNitroTPMPCR7",
            "attestationDocumentNitroTPMPCR12");
  }

  @Test
  void nitroTpm_base64_sameValuesAsGivenHex() {
    Map<Integer, Measurement> pcrs = FakeMeasurements.nitroTpm("attestable-ami");

    AttestationRecipient r =
        KmsRecords.generateRandom().nitroTpm(pcrs).build().attestationRecipient().orElseThrow();

    assertThat(r.moduleId()).contains(KmsRecords.nitroTpmModuleId(KmsRecords.DEFAULT_INSTANCE_ID));
    pcrs.forEach(
        (i, m) -> {
          assertThat(r.nitroTpmPcr(i).orElseThrow().encoding())
              .isEqualTo(Measurement.Encoding.BASE64);
          assertThat(r.nitroTpmPcr(i).orElseThrow().sameValueAs(m)).as("PCR%d", i).isTrue();
        });
  }

  @Test
  void nitroTpm_indexAbove23_rejected() {
    Map<Integer, Measurement> pcrs = Map.of(24, FakeMeasurements.zero());

    assertThatThrownBy(() -> KmsRecords.decrypt().nitroTpm(pcrs))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NitroTPM PCR index must be 0 to 23, not 24");
  }

  @Test
  void withoutRecipient_decrypt_plainKmsCall() {
    CloudTrailRecord r = KmsRecords.decrypt().withoutRecipient().build();

    assertThat(r.isKms()).isTrue();
    assertThat(r.isAttestedKmsRequest()).isFalse();
    assertThat(r.additionalEventData()).isEmpty();
    assertThat(r.attestedOperation()).contains(AttestedOperation.DECRYPT);
  }

  @Test
  void encrypt_recipient_rejected() {
    assertThatThrownBy(() -> KmsRecords.encrypt().enclave(FakeMeasurements.forName("x")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Encrypt does not accept a recipient");
    assertThat(KmsRecords.encrypt().build().attestationRecipient()).isEmpty();
  }

  @Test
  void generateRandom_defaults_numberOfBytesAndNoResources() {
    CloudTrailRecord r = KmsRecords.generateRandom().build();

    assertThat(r.requestParameters())
        .contains(JsonObject.builder().put("numberOfBytes", 32).build());
    assertThat(r.json().getArray("resources").orElseThrow().isEmpty()).isTrue();
  }

  @Test
  void generateRandom_nullRequestParameters_asOlderAwsExample() {
    CloudTrailRecord r = KmsRecords.generateRandom().nullRequestParameters().build();

    assertThat(r.json().get("requestParameters")).contains(JsonValue.nullValue());
    assertThat(r.requestParameters()).isEmpty();
  }

  @Test
  void generateDataKey_numberOfBytes_replacesKeySpec() {
    CloudTrailRecord bySpec = KmsRecords.generateDataKey().build();
    CloudTrailRecord byBytes = KmsRecords.generateDataKey().numberOfBytes(64).build();

    assertThat(bySpec.kmsRequestParameters().orElseThrow().keySpec()).contains("AES_256");
    assertThat(byBytes.kmsRequestParameters().orElseThrow().numberOfBytes()).hasValue(64);
    assertThat(byBytes.kmsRequestParameters().orElseThrow().keySpec()).isEmpty();
  }

  @Test
  void generateDataKeyPair_keyPairSpecAndContext_asAwsExample() {
    CloudTrailRecord r =
        KmsRecords.generateDataKeyPair()
            .keyId("1234abcd-12ab-34cd-56ef-1234567890ab")
            .encryptionContext(Map.of("Project", "Alpha"))
            .build();

    assertThat(r.requestParameters().orElseThrow().names())
        .containsExactly("keyPairSpec", "encryptionContext", "keyId");
    assertThat(r.kmsRequestParameters().orElseThrow().keyPairSpec()).contains("RSA_3072");
    assertThat(r.kmsRequestParameters().orElseThrow().keyId())
        .contains("1234abcd-12ab-34cd-56ef-1234567890ab");
    assertThat(r.resources().get(0).arn().orElseThrow()).startsWith("arn:aws:kms:");
  }

  @Test
  void deriveSharedSecret_defaults_ecdh() {
    CloudTrailRecord r = KmsRecords.deriveSharedSecret().build();

    assertThat(r.kmsRequestParameters().orElseThrow().keyAgreementAlgorithm()).contains("ECDH");
  }

  @Test
  void encryptionContext_order_keptAsGiven() {
    LinkedHashMap<String, String> context = new LinkedHashMap<>();
    context.put("tenant", "acme");
    context.put("purpose", "backup");

    CloudTrailRecord r = KmsRecords.decrypt().encryptionContext(context).build();

    assertThat(r.kmsRequestParameters().orElseThrow().encryptionContext())
        .containsExactly(Map.entry("tenant", "acme"), Map.entry("purpose", "backup"));
  }

  @Test
  void keyArn_otherAccount_resourceAccountFromArn() {
    CloudTrailRecord r =
        KmsRecords.decrypt()
            .keyArn("arn:aws:kms:eu-west-1:444455556666:key/0987dcba-09fe-87dc-65ba-ab0987654321")
            .build();

    assertThat(r.resources().get(0).accountId()).contains("444455556666");
    assertThat(r.recipientAccountId()).contains("111122223333");
  }

  @Test
  void errorCode_set_writtenAfterUserAgent() {
    CloudTrailRecord r =
        KmsRecords.decrypt()
            .errorCode("AccessDeniedException")
            .errorMessage("User is not authorized to perform: kms:Decrypt")
            .build();

    List<String> names = r.json().names();
    assertThat(names.subList(names.indexOf("userAgent"), names.indexOf("userAgent") + 4))
        .containsExactly("userAgent", "errorCode", "errorMessage", "requestParameters");
    assertThat(r.errorCode()).contains("AccessDeniedException");
  }

  @Test
  void seed_different_differentIds() {
    CloudTrailRecord a = KmsRecords.decrypt().seed(1).build();
    CloudTrailRecord b = KmsRecords.decrypt().seed(2).build();

    assertThat(a.eventId()).isNotEqualTo(b.eventId());
    assertThat(a.requestId()).isNotEqualTo(b.requestId());
  }

  @Test
  void settings_accountRegionTime_appliedEverywhere() {
    Instant t = Instant.parse("2024-03-01T12:00:00.750Z");

    CloudTrailRecord r =
        KmsRecords.decrypt().account("444455556666").region("eu-west-1").eventTime(t).build();

    assertThat(r.eventTime()).contains(Instant.parse("2024-03-01T12:00:00Z"));
    assertThat(r.json().getString("eventTime")).contains("2024-03-01T12:00:00Z");
    assertThat(r.awsRegion()).contains("eu-west-1");
    assertThat(r.recipientAccountId()).contains("444455556666");
    assertThat(r.userIdentity().orElseThrow().accountId()).contains("444455556666");
    assertThat(r.resources().get(0).arn().orElseThrow())
        .startsWith("arn:aws:kms:eu-west-1:444455556666:key/");
  }

  @Test
  void identity_awsServiceInvoked_sourceIsServiceWithoutTls() {
    CloudTrailRecord r =
        KmsRecords.decrypt()
            .withoutRecipient()
            .identity(
                Identities.invokedBy(
                    Identities.iamUser("111122223333", "Alice"), "secretsmanager.amazonaws.com"))
            .build();

    assertThat(r.sourceIpAddress()).contains("secretsmanager.amazonaws.com");
    assertThat(r.userAgent()).contains("secretsmanager.amazonaws.com");
    assertThat(r.tlsDetails()).isEmpty();
  }

  @Test
  void member_existingAndNew_replacedInPlaceOrAppended() {
    CloudTrailRecord r =
        KmsRecords.decrypt()
            .member("eventVersion", JsonValue.of("1.05"))
            .member("annotation", JsonValue.of("fixture"))
            .build();

    assertThat(r.json().nameAt(0)).isEqualTo("eventVersion");
    assertThat(r.eventVersion().orElseThrow().text()).isEqualTo("1.05");
    assertThat(r.json().names()).last().isEqualTo("annotation");
    assertThat(r.annotation()).contains("fixture");
  }
}
