package dev.enclavetrail.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.enclavetrail.core.AttestedOperation;
import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.EnclaveMeasurements;
import dev.enclavetrail.core.Measurement;
import dev.enclavetrail.core.jackson.CloudTrailJackson;
import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonValue;
import dev.enclavetrail.policy.Authorizer;
import dev.enclavetrail.policy.Decision;
import dev.enclavetrail.policy.Decision.Outcome;
import dev.enclavetrail.policy.KmsRequest;
import dev.enclavetrail.policy.PolicyDocument;
import dev.enclavetrail.policy.PolicyParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every option of {@link KeyPolicies} gives a policy that the strict reader accepts and whose
 * decisions for testkit records are those of AWS's rules.
 */
class KeyPoliciesTest {

  private static final CloudTrailJackson JSON = CloudTrailJackson.create();
  private static final String ADMIN = "arn:aws:iam::111122223333:role/KeyAdmin";
  private static final String ROLE = "arn:aws:iam::111122223333:role/data-processing";
  private static final String KEY_ARN =
      "arn:aws:kms:us-west-2:111122223333:key/" + KmsRecords.DEFAULT_KEY_ID;
  private static final EnclaveMeasurements IMAGE = FakeMeasurements.forName("payments-enclave");
  private static final EnclaveMeasurements OTHER = FakeMeasurements.forName("other-enclave");
  private static final SortedMap<Integer, Measurement> TPM = FakeMeasurements.nitroTpm("ami");

  /** The first example of the AWS KMS guide, for Decrypt only. */
  private static final PolicyDocument DECRYPT_FOR_IMAGE =
      KeyPolicies.builder().allowEnclave(IMAGE, AttestedOperation.DECRYPT).build();

  private static Decision decide(
      PolicyDocument policy, CloudTrailRecord record, PolicyDocument... identityPolicies) {
    return decide(policy, KmsRequest.from(record), identityPolicies);
  }

  private static Decision decide(
      PolicyDocument policy, KmsRequest request, PolicyDocument... identityPolicies) {
    return Authorizer.of(policy, List.of(identityPolicies)).explain(request);
  }

  private static Outcome outcome(
      PolicyDocument policy, CloudTrailRecord record, PolicyDocument... identityPolicies) {
    return decide(policy, record, identityPolicies).outcome();
  }

  private static Optional<String> decisiveSid(Decision d) {
    return d.decisiveStatements().stream()
        .map(s -> s.sid().orElse("#" + s.index()))
        .filter(sid -> !sid.equals(KeyPolicies.ACCOUNT_SID))
        .findFirst();
  }

  private static PolicyDocument identityPolicy(String action) {
    return PolicyDocument.readIdentityPolicy(
        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\""
            + action
            + "\",\"Resource\":\"*\"}}");
  }

  private static Measurement tpm(int index) {
    return Objects.requireNonNull(TPM.get(index));
  }

  private static String hex(Measurement m) {
    return m.hex().orElseThrow();
  }

  // ---- the JSON ---------------------------------------------------------------------------------

  @Test
  void toJson_adminAndEnclave_isTheAwsExampleShapeInLowerCaseHex() {
    String json =
        KeyPolicies.builder()
            .adminRole(ADMIN)
            .enclaveRole(ROLE)
            .allowEnclave(IMAGE, AttestedOperation.DECRYPT, AttestedOperation.GENERATE_DATA_KEY)
            .toJson();

    String expected =
        """
        {"Version": "2012-10-17",
         "Statement": [
          {"Sid": "Enable IAM User Permissions", "Effect": "Allow",
           "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"},
          {"Sid": "Allow access for Key Administrators", "Effect": "Allow",
           "Principal": {"AWS": "arn:aws:iam::111122223333:role/KeyAdmin"},
           "Action": ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*",
                      "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*",
                      "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion",
                      "kms:CancelKeyDeletion", "kms:RotateKeyOnDemand"],
           "Resource": "*"},
          {"Sid": "Enable enclave data processing", "Effect": "Allow",
           "Principal": {"AWS": "arn:aws:iam::111122223333:role/data-processing"},
           "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": "*",
           "Condition": {"StringEqualsIgnoreCase": {"kms:RecipientAttestation:ImageSha384": "%s"}}}
         ]}
        """
            .formatted(hex(IMAGE.pcr0()));
    assertThat(JSON.readValue(json)).isEqualTo(JSON.readValue(expected));
    assertThat(json)
        .doesNotContain(" \"", "\n")
        .contains("\"Sid\":\"Enable IAM User Permissions\"");
    assertThat(hex(IMAGE.pcr0())).isLowerCase().hasSize(96);
  }

  @Test
  void build_readsBackEqualToTheJson_andTwoBuildersAgree() {
    KeyPolicies.Builder builder =
        KeyPolicies.builder()
            .id("key-default-1")
            .adminRole(ADMIN)
            .allowEnclave(IMAGE, AttestedOperation.values())
            .allowNitroTpm(TPM, AttestedOperation.DECRYPT)
            .denyUnattested(AttestedOperation.DECRYPT)
            .denyDebugMode(AttestedOperation.DECRYPT)
            .denyOtherImages(List.of(IMAGE, OTHER), AttestedOperation.DECRYPT);

    PolicyDocument policy = builder.build();

    assertThat(policy.type()).isEqualTo(PolicyDocument.Type.KEY_POLICY);
    assertThat(policy.toJson()).isEqualTo(builder.toJson());
    assertThat(policy.id()).contains("key-default-1");
    assertThat(policy.version()).contains(KeyPolicies.VERSION);
    assertThat(policy.statements())
        .extracting(s -> s.sid().orElseThrow())
        .containsExactly(
            KeyPolicies.ACCOUNT_SID,
            KeyPolicies.ADMIN_SID,
            KeyPolicies.ENCLAVE_SID,
            KeyPolicies.NITRO_TPM_SID,
            KeyPolicies.DENY_UNATTESTED_SID,
            KeyPolicies.DENY_DEBUG_MODE_SID,
            KeyPolicies.DENY_OTHER_IMAGES_SID);
    assertThat(
            KeyPolicies.builder()
                .id("key-default-1")
                .adminRole(ADMIN)
                .allowEnclave(IMAGE, AttestedOperation.values())
                .allowNitroTpm(TPM, AttestedOperation.DECRYPT)
                .denyUnattested(AttestedOperation.DECRYPT)
                .denyDebugMode(AttestedOperation.DECRYPT)
                .denyOtherImages(List.of(IMAGE, OTHER), AttestedOperation.DECRYPT)
                .toJson())
        .isEqualTo(builder.toJson());
  }

  @Test
  void build_enclaveRoleSetAfterTheStatements_stillItsPrincipal() {
    PolicyDocument policy =
        KeyPolicies.builder()
            .allowEnclave(IMAGE, AttestedOperation.DECRYPT)
            .enclaveRole("arn:aws:iam::111122223333:role/payments")
            .build();

    JsonObject statement = (JsonObject) policy.json().getArray("Statement").orElseThrow().get(1);
    assertThat(statement.getObject("Principal").orElseThrow().getString("AWS"))
        .contains("arn:aws:iam::111122223333:role/payments");
    assertThat(outcome(policy, KmsRecords.decrypt().enclave(IMAGE).build()))
        .isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(outcome(policy, KmsRecords.decrypt().enclave(IMAGE).roleName("payments").build()))
        .isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void build_otherAccount_rootAndDefaultRoleOfThatAccount() {
    PolicyDocument policy =
        KeyPolicies.builder()
            .account("444455556666")
            .allowEnclave(IMAGE, AttestedOperation.DECRYPT)
            .build();

    assertThat(policy.toJson())
        .contains("\"arn:aws:iam::444455556666:root\"")
        .contains("\"arn:aws:iam::444455556666:role/data-processing\"")
        .doesNotContain("111122223333");
    CloudTrailRecord record = KmsRecords.decrypt().account("444455556666").enclave(IMAGE).build();
    assertThat(outcome(policy, record)).isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void account_notTwelveDigits_rejected() {
    assertThatThrownBy(() -> KeyPolicies.builder().account("1111-2222-3333"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an AWS account id is 12 digits, not `1111-2222-3333`");
  }

  @Test
  void allowAttested_noOperation_rejected() {
    assertThatThrownBy(() -> KeyPolicies.builder().allowEnclave(IMAGE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a statement needs at least one operation");
  }

  @Test
  void allowAttested_repeatedOperation_writtenOnce() {
    String json =
        KeyPolicies.builder()
            .allowEnclave(IMAGE, AttestedOperation.DECRYPT, AttestedOperation.DECRYPT)
            .toJson();

    assertThat(json).containsOnlyOnce("\"kms:Decrypt\"").contains("\"Action\":\"kms:Decrypt\"");
  }

  @Test
  void build_sameSidTwice_rejected() {
    KeyPolicies.Builder builder =
        KeyPolicies.builder()
            .allowEnclave(IMAGE, AttestedOperation.DECRYPT)
            .allowEnclave(OTHER, AttestedOperation.DECRYPT);

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("two statements have the Sid `Enable enclave data processing`");
  }

  @Test
  void statement_givenAsJson_addedAsItIsAndChecked() {
    JsonObject grant =
        JsonObject.builder()
            .put("Sid", "Allow attachment of persistent resources")
            .put("Effect", "Allow")
            .put("Principal", JsonObject.builder().put("AWS", ROLE).build())
            .put("Action", "kms:CreateGrant")
            .put("Resource", "*")
            .put(
                "Condition",
                JsonObject.builder()
                    .put(
                        "Bool",
                        JsonObject.builder().put("kms:GrantIsForAWSResource", "true").build())
                    .build())
            .build();

    PolicyDocument policy = KeyPolicies.builder().statement(grant).build();

    assertThat(policy.json().getArray("Statement").orElseThrow().get(1)).isEqualTo(grant);
    JsonObject broken = grant.toBuilder().set("Effect", JsonValue.of("Permit")).build();
    assertThatThrownBy(() -> KeyPolicies.builder().statement(broken).build())
        .isInstanceOf(PolicyParseException.class)
        .hasMessageContaining("`Effect` of statement `Allow attachment of persistent resources`");
  }

  // ---- decisions: enclaves ----------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(
      value = AttestedOperation.class,
      names = "GENERATE_RANDOM",
      mode = EnumSource.Mode.EXCLUDE)
  void allowEnclave_matchingImage_allowedByTheEnclaveStatement(AttestedOperation operation) {
    PolicyDocument policy =
        KeyPolicies.builder().adminRole(ADMIN).allowEnclave(IMAGE, operation).build();

    for (Measurement.Encoding encoding :
        List.of(Measurement.Encoding.BASE64, Measurement.Encoding.HEX)) {
      CloudTrailRecord record =
          KmsRecords.attested(operation).enclave(IMAGE).encoding(encoding).build();
      Decision d = decide(policy, record);
      assertThat(d.outcome()).as("%s %s", operation, encoding).isEqualTo(Outcome.ALLOWED);
      assertThat(decisiveSid(d)).contains(KeyPolicies.ENCLAVE_SID);
    }
  }

  @Test
  void allowEnclave_otherImage_implicitlyDeniedOnTheImageCondition() {
    Decision d = decide(DECRYPT_FOR_IMAGE, KmsRecords.decrypt().enclave(OTHER).build());

    assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    Decision.StatementResult enclave = d.statements().get(1);
    assertThat(enclave.sid()).contains(KeyPolicies.ENCLAVE_SID);
    assertThat(enclave.principalMatched()).contains(true);
    assertThat(enclave.conditions())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.key()).isEqualTo(AttestationCondition.IMAGE_SHA384);
              assertThat(c.operator()).isEqualTo("StringEqualsIgnoreCase");
              assertThat(c.matched()).isFalse();
            });
  }

  @Test
  void allowEnclave_operationNotListed_implicitlyDenied() {
    Decision d = decide(DECRYPT_FOR_IMAGE, KmsRecords.generateDataKey().enclave(IMAGE).build());

    assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void allowEnclave_withoutRecipientOrFromAnotherRole_implicitlyDenied() {
    assertThat(outcome(DECRYPT_FOR_IMAGE, KmsRecords.decrypt().withoutRecipient().build()))
        .isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(
            decide(
                DECRYPT_FOR_IMAGE, KmsRecords.decrypt().enclave(IMAGE).roleName("other").build()))
        .extracting(Decision::outcome)
        .isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void allowEnclave_debugModeEnclave_implicitlyDenied() {
    CloudTrailRecord debug =
        KmsRecords.decrypt()
            .enclave(FakeMeasurements.debugMode(ROLE, "i-1234567890abcdef0"))
            .build();

    assertThat(outcome(DECRYPT_FOR_IMAGE, debug)).isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void allowAttested_parentInstancePcrsOnly_letsADebugModeEnclaveIn_unlessDebugModeIsDenied() {
    // PCR3 and PCR4 name the parent instance, not the image: a debug-mode enclave has them too.
    EnclaveMeasurements onParent =
        FakeMeasurements.forName("payments-enclave", ROLE, KmsRecords.DEFAULT_INSTANCE_ID);
    AttestationCondition parent = AttestationCondition.enclavePcrs(onParent, 3, 4);
    CloudTrailRecord debug =
        KmsRecords.decrypt()
            .enclave(FakeMeasurements.debugMode(ROLE, KmsRecords.DEFAULT_INSTANCE_ID))
            .build();

    PolicyDocument lax =
        KeyPolicies.builder().allowAttested("Parent", parent, AttestedOperation.DECRYPT).build();
    PolicyDocument strict =
        KeyPolicies.builder()
            .allowAttested("Parent", parent, AttestedOperation.DECRYPT)
            .denyDebugMode(AttestedOperation.DECRYPT)
            .build();

    assertThat(outcome(lax, debug)).isEqualTo(Outcome.ALLOWED);
    Decision denied = decide(strict, debug);
    assertThat(denied.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(decisiveSid(denied)).contains(KeyPolicies.DENY_DEBUG_MODE_SID);
    assertThat(outcome(strict, KmsRecords.decrypt().enclave(onParent).build()))
        .isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void allowAttested_allMeasurements_onlyThatImageOnThatParentInstance() {
    EnclaveMeasurements onParent =
        FakeMeasurements.forName("payments-enclave", ROLE, "i-0abcdef1234567890");
    PolicyDocument policy =
        KeyPolicies.builder()
            .allowAttested(
                "Enclave",
                AttestationCondition.allMeasurements(onParent),
                AttestedOperation.DECRYPT)
            .build();

    Decision same =
        decide(policy, KmsRecords.decrypt().enclave(onParent, "i-0abcdef1234567890").build());
    Decision otherInstance =
        decide(policy, KmsRecords.decrypt().enclave(IMAGE, "i-0fedcba0987654321").build());

    assertThat(same.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(decisiveSid(same)).contains("Enclave");
    assertThat(otherInstance.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(otherInstance.statements().get(1).conditions())
        .filteredOn(c -> !c.matched())
        .extracting(Decision.ConditionResult::key)
        .containsExactly("kms:RecipientAttestation:PCR4");
  }

  @Test
  void allowAttested_twoImages_eitherAllowed() {
    PolicyDocument policy =
        KeyPolicies.builder()
            .allowAttested(
                "Rollout", AttestationCondition.image(IMAGE, OTHER), AttestedOperation.DECRYPT)
            .build();

    assertThat(policy.toJson())
        .contains("[\"" + hex(IMAGE.pcr0()) + "\",\"" + hex(OTHER.pcr0()) + "\"]");
    assertThat(outcome(policy, KmsRecords.decrypt().enclave(IMAGE).build()))
        .isEqualTo(Outcome.ALLOWED);
    assertThat(outcome(policy, KmsRecords.decrypt().enclave(OTHER).build()))
        .isEqualTo(Outcome.ALLOWED);
    assertThat(
            outcome(
                policy, KmsRecords.decrypt().enclave(FakeMeasurements.forName("third")).build()))
        .isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void allowAttested_imageAndSigningCertificate_bothRequired() {
    EnclaveMeasurements resigned =
        EnclaveMeasurements.builder()
            .from(IMAGE)
            .pcr8(FakeMeasurements.pcr("other-signer", 8))
            .build();
    PolicyDocument policy =
        KeyPolicies.builder()
            .allowAttested(
                "Signed",
                AttestationCondition.image(IMAGE).and(AttestationCondition.enclavePcrs(IMAGE, 8)),
                AttestedOperation.DECRYPT)
            .build();

    assertThat(outcome(policy, KmsRecords.decrypt().enclave(IMAGE).build()))
        .isEqualTo(Outcome.ALLOWED);
    assertThat(outcome(policy, KmsRecords.decrypt().enclave(resigned).build()))
        .isEqualTo(Outcome.IMPLICIT_DENY);
  }

  // ---- decisions: explicit denies ---------------------------------------------------------------

  @Test
  void denyUnattested_callWithoutRecipient_explicitlyDeniedEvenWhenIamAllows() {
    PolicyDocument policy =
        KeyPolicies.builder()
            .adminRole(ADMIN)
            .allowEnclave(IMAGE, AttestedOperation.DECRYPT)
            .denyUnattested(AttestedOperation.DECRYPT)
            .build();
    CloudTrailRecord admin = KmsRecords.decrypt().withoutRecipient().roleName("KeyAdmin").build();

    Decision d = decide(policy, admin, identityPolicy("kms:Decrypt"));

    assertThat(d.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(decisiveSid(d)).contains(KeyPolicies.DENY_UNATTESTED_SID);
    assertThat(outcome(policy, KmsRecords.decrypt().enclave(IMAGE).build()))
        .isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void denyUnattested_withoutTheDeny_iamCanGrantUseWithoutAttestation() {
    CloudTrailRecord plain = KmsRecords.decrypt().withoutRecipient().roleName("KeyAdmin").build();

    assertThat(outcome(DECRYPT_FOR_IMAGE, plain, identityPolicy("kms:Decrypt")))
        .isEqualTo(Outcome.ALLOWED);
    assertThat(
            outcome(
                KeyPolicies.builder()
                    .withoutAccountStatement()
                    .allowEnclave(IMAGE, AttestedOperation.DECRYPT)
                    .build(),
                plain,
                identityPolicy("kms:Decrypt")))
        .isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void denyUnattested_nitroTpmCaller_deniedToo_becauseItHasNoImageDigest() {
    PolicyDocument policy =
        KeyPolicies.builder()
            .allowNitroTpm(TPM, AttestedOperation.DECRYPT)
            .denyUnattested(AttestedOperation.DECRYPT)
            .build();

    Decision d = decide(policy, KmsRecords.decrypt().nitroTpm(TPM).build());

    assertThat(d.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
  }

  @Test
  void denyOtherImages_otherImageOrNoAttestation_explicitlyDenied_listedImagesAllowed() {
    PolicyDocument policy =
        KeyPolicies.builder()
            .allowAttested(
                "Enclave", AttestationCondition.image(IMAGE, OTHER), AttestedOperation.DECRYPT)
            .denyOtherImages(List.of(IMAGE), AttestedOperation.DECRYPT)
            .build();

    Decision other = decide(policy, KmsRecords.decrypt().enclave(OTHER).build());
    Decision plain =
        decide(policy, KmsRecords.decrypt().withoutRecipient().build(), identityPolicy("kms:*"));

    assertThat(other.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(decisiveSid(other)).contains(KeyPolicies.DENY_OTHER_IMAGES_SID);
    assertThat(plain.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(outcome(policy, KmsRecords.decrypt().enclave(IMAGE).build()))
        .isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void denyDebugMode_debugModeEnclave_explicitlyDeniedWhateverElseAllows() {
    PolicyDocument policy =
        KeyPolicies.builder()
            .denyDebugMode(AttestedOperation.DECRYPT, AttestedOperation.GENERATE_DATA_KEY)
            .build();
    CloudTrailRecord debug =
        KmsRecords.generateDataKey().enclave(FakeMeasurements.debugMode()).build();

    Decision d = decide(policy, debug, identityPolicy("kms:*"));

    assertThat(d.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(decisiveSid(d)).contains(KeyPolicies.DENY_DEBUG_MODE_SID);
    assertThat(
            outcome(
                policy,
                KmsRecords.generateDataKey().enclave(IMAGE).build(),
                identityPolicy("kms:*")))
        .isEqualTo(Outcome.ALLOWED);
  }

  // ---- decisions: NitroTPM, GenerateRandom, administrators --------------------------------------

  @Test
  void allowNitroTpm_matchingPcrs_allowed_otherPcrsOrEnclave_implicitlyDenied() {
    PolicyDocument policy =
        KeyPolicies.builder()
            .allowNitroTpm(TPM, AttestedOperation.DECRYPT, AttestedOperation.GENERATE_DATA_KEY_PAIR)
            .build();

    Decision same = decide(policy, KmsRecords.generateDataKeyPair().nitroTpm(TPM).build());

    assertThat(same.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(decisiveSid(same)).contains(KeyPolicies.NITRO_TPM_SID);
    assertThat(policy.toJson())
        .contains("\"kms:RecipientAttestation:NitroTPMPCR4\":\"" + hex(tpm(4)) + "\"")
        .contains("kms:RecipientAttestation:NitroTPMPCR7")
        .contains("kms:RecipientAttestation:NitroTPMPCR12");
    CloudTrailRecord otherAmi =
        KmsRecords.decrypt().nitroTpm(FakeMeasurements.nitroTpm("other-ami")).build();
    assertThat(outcome(policy, otherAmi)).isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(outcome(policy, KmsRecords.decrypt().enclave(IMAGE).build()))
        .isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void allowEnclave_generateRandom_decidedByIdentityPoliciesAlone() {
    PolicyDocument policy =
        KeyPolicies.builder().allowEnclave(IMAGE, AttestedOperation.GENERATE_RANDOM).build();
    CloudTrailRecord random = KmsRecords.generateRandom().enclave(IMAGE).build();

    Decision keyPolicyOnly = decide(policy, random);

    assertThat(keyPolicyOnly.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(keyPolicyOnly.reason()).contains("uses no key");
    assertThat(outcome(policy, random, identityPolicy("kms:GenerateRandom")))
        .isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void adminRole_managesButCannotUseTheKey() {
    PolicyDocument policy = KeyPolicies.builder().adminRole(ADMIN).adminRole(ROLE).build();
    KmsRequest.Builder admin =
        KmsRequest.builder()
            .principal("arn:aws:sts::111122223333:assumed-role/KeyAdmin/alice")
            .resource(KEY_ARN);

    Decision schedule = decide(policy, admin.action("kms:ScheduleKeyDeletion").build());
    Decision decrypt = decide(policy, admin.action("kms:Decrypt").build());

    assertThat(schedule.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(decisiveSid(schedule)).contains(KeyPolicies.ADMIN_SID);
    assertThat(decrypt.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(policy.json().getArray("Statement").orElseThrow().get(1).toString())
        .contains("\"Principal\":{\"AWS\":[\"" + ADMIN + "\",\"" + ROLE + "\"]}");
  }

  @Test
  void build_noStatementAdded_onlyTheAccountStatement() {
    PolicyDocument policy = KeyPolicies.builder().build();

    assertThat(policy.statements())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.sid()).contains(KeyPolicies.ACCOUNT_SID);
              assertThat(s.actions()).containsExactly("kms:*");
            });
    assertThat(policy.id()).isEmpty();
  }

  // ---- conditions -------------------------------------------------------------------------------

  @Test
  void image_sameImageTwice_oneValue() {
    assertThat(AttestationCondition.image(IMAGE, IMAGE).values())
        .containsExactly(Map.entry(AttestationCondition.IMAGE_SHA384, List.of(hex(IMAGE.pcr0()))));
    assertThatThrownBy(AttestationCondition::image)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an image condition needs at least one image");
  }

  @Test
  void image_base64Measurements_writtenAsLowerCaseHex() {
    EnclaveMeasurements base64 =
        EnclaveMeasurements.builder()
            .pcr0(Measurement.ofBase64(IMAGE.pcr0().bytes().orElseThrow()))
            .pcr1(IMAGE.pcr1())
            .pcr2(IMAGE.pcr2())
            .build();

    assertThat(AttestationCondition.image(base64).values().get(AttestationCondition.IMAGE_SHA384))
        .containsExactly(hex(IMAGE.pcr0()));
  }

  @Test
  void allMeasurements_signedImageWithoutParent_imageAndPcrs0128() {
    assertThat(AttestationCondition.allMeasurements(IMAGE).values().keySet())
        .containsExactly(
            "kms:RecipientAttestation:ImageSha384",
            "kms:RecipientAttestation:PCR0",
            "kms:RecipientAttestation:PCR1",
            "kms:RecipientAttestation:PCR2",
            "kms:RecipientAttestation:PCR8");
  }

  @Test
  void enclavePcrs_pcrTheMeasurementsLack_rejected() {
    assertThatThrownBy(() -> AttestationCondition.enclavePcrs(IMAGE, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the measurements have no PCR3");
    assertThatThrownBy(() -> AttestationCondition.enclavePcrs(IMAGE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a PCR condition needs at least one PCR index");
  }

  @Test
  void nitroTpm_badIndexOrPlaceholderOrNothing_rejected() {
    assertThatThrownBy(() -> AttestationCondition.nitroTpm(Map.of(24, tpm(4))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NitroTPM PCR index must be 0 to 23, not 24");
    assertThatThrownBy(
            () ->
                AttestationCondition.nitroTpm(
                    Map.of(4, Measurement.parse("<AttestationDocument.PCR4>"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "NitroTPM PCR4 `<AttestationDocument.PCR4>` is not 48 bytes in hex or base64, so no"
                + " key policy can compare it");
    assertThatThrownBy(() -> AttestationCondition.nitroTpm(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a NitroTPM condition needs at least one PCR");
  }

  @Test
  void nitroTpm_keysInOrderOfIndex() {
    assertThat(AttestationCondition.nitroTpm(Map.of(12, tpm(12), 4, tpm(4))).values())
        .containsExactly(
            Map.entry("kms:RecipientAttestation:NitroTPMPCR4", List.of(hex(tpm(4)))),
            Map.entry("kms:RecipientAttestation:NitroTPMPCR12", List.of(hex(tpm(12)))));
  }

  @Test
  void and_sameKeyTwice_rejected() {
    AttestationCondition image = AttestationCondition.image(IMAGE);

    assertThatThrownBy(() -> image.and(AttestationCondition.image(OTHER)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("condition key `kms:RecipientAttestation:ImageSha384` is required twice");
    assertThat(image.and(AttestationCondition.enclavePcrs(IMAGE, 1)).values()).hasSize(2);
    assertThat(image.values()).hasSize(1);
  }
}
