package dev.enclavetrail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.enclavetrail.core.jackson.CloudTrailJackson;
import dev.enclavetrail.core.json.JsonNumber;
import dev.enclavetrail.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Every field of DOMAIN.md §4.1–§4.2, read from one record that carries them all. */
class CloudTrailRecordTest {

  private static final CloudTrailJackson JSON = CloudTrailJackson.create();
  private static final String KEY_ARN =
      "arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

  private final CloudTrailRecord record =
      JSON.readRecord(TestData.resource("/records/every-field.json"));

  @Test
  void topLevelFields_everyOne_typed() {
    assertThat(record.eventVersion()).contains(EventVersion.parse("1.11"));
    assertThat(record.eventTime()).contains(Instant.parse("2025-05-23T09:00:01Z"));
    assertThat(record.eventSource()).contains("kms.amazonaws.com");
    assertThat(record.eventName()).contains("Decrypt");
    assertThat(record.awsRegion()).contains("us-east-2");
    assertThat(record.sourceIpAddress()).contains("203.0.113.7");
    assertThat(record.userAgent()).contains("aws-sdk-java/2.31.0");
    assertThat(record.errorCode()).contains("AccessDenied");
    assertThat(record.errorMessage()).contains("User is not authorized to perform kms:Decrypt");
    assertThat(record.requestParameters()).isPresent();
    assertThat(record.responseElements()).isEmpty();
    assertThat(record.json().has("responseElements")).isTrue();
    assertThat(record.additionalEventData()).isPresent();
    assertThat(record.requestId()).contains("8d2b6f0c-6a0e-4a4c-9d3a-1f0e2d3c4b5a");
    assertThat(record.eventId()).contains("5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9");
    assertThat(record.eventType()).contains("AwsApiCall");
    assertThat(record.apiVersion()).contains("2014-11-01");
    assertThat(record.managementEvent()).contains(true);
    assertThat(record.readOnly()).contains(true);
    assertThat(record.recipientAccountId()).contains("111122223333");
    assertThat(record.serviceEventDetails().orElseThrow().getNumber("size"))
        .contains(JsonNumber.parse("12.5"));
    assertThat(record.sharedEventId()).contains("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    assertThat(record.vpcEndpointId()).contains("vpce-0123456789abcdef0");
    assertThat(record.vpcEndpointAccountId()).contains("111122223333");
    assertThat(record.eventCategory()).contains("Management");
    assertThat(record.sessionCredentialFromConsole()).contains(true);
    assertThat(record.eventContext().orElseThrow().names())
        .containsExactly("requestContext", "tagContext");
    assertThat(record.edgeDeviceDetails().orElseThrow().getString("deviceID"))
        .contains("op-01ac5d28a6a232904");
    assertThat(record.annotation()).contains("reviewed");
    assertThat(record.json().getObject("futureMember")).isPresent();
  }

  @Test
  void resources_withAndWithoutType_read() {
    assertThat(record.resources()).hasSize(2);
    Resource key = record.resources().get(0);
    assertThat(key.arn()).contains(KEY_ARN);
    assertThat(key.accountId()).contains("111122223333");
    assertThat(key.type()).contains(Resource.KMS_KEY_TYPE);
    assertThat(record.resources().get(1).type()).isEmpty();
    assertThat(record.resources().get(1).json().names()).containsExactly("ARN", "accountId");
  }

  @Test
  void tlsDetails_allFour_read() {
    TlsDetails tls = record.tlsDetails().orElseThrow();
    assertThat(tls.tlsVersion()).contains("TLSv1.3");
    assertThat(tls.cipherSuite()).contains("TLS_AES_128_GCM_SHA256");
    assertThat(tls.clientProvidedHostHeader()).contains("kms.us-east-2.amazonaws.com");
    assertThat(tls.keyExchange()).contains("X25519MLKEM768");
  }

  @Test
  void addendum_commaSeparatedUpdatedFields_split() {
    Addendum addendum = record.addendum().orElseThrow();
    assertThat(addendum.reason()).contains("UPDATED_DATA");
    assertThat(addendum.updatedFields()).containsExactly("sourceIPAddress", "userAgent");
    assertThat(addendum.originalRequestId()).contains("11111111-2222-3333-4444-555555555555");
    assertThat(addendum.originalEventId()).contains("66666666-7777-8888-9999-000000000000");
  }

  @Test
  void insightDetails_read() {
    InsightDetails insight = record.insightDetails().orElseThrow();
    assertThat(insight.state()).contains("Start");
    assertThat(insight.eventSource()).contains("kms.amazonaws.com");
    assertThat(insight.eventName()).contains("Decrypt");
    assertThat(insight.insightType()).contains("ApiCallRateInsight");
    assertThat(insight.errorCode()).isEmpty();
    assertThat(insight.insightContext().orElseThrow().names()).containsExactly("statistics");
  }

  @Test
  void userIdentity_everyMember_typed() {
    UserIdentity id = record.userIdentity().orElseThrow();
    assertThat(id.type()).contains(UserIdentity.ASSUMED_ROLE);
    assertThat(id.isAssumedRole()).isTrue();
    assertThat(id.principalId()).contains("AROAEXAMPLEID:i-0abc1234def567890");
    assertThat(id.arn())
        .contains("arn:aws:sts::111122223333:assumed-role/enclave-app/i-0abc1234def567890");
    assertThat(id.accountId()).contains("111122223333");
    assertThat(id.accessKeyId()).contains("ASIAEXAMPLEKEY");
    assertThat(id.userName()).contains("enclave-app");
    assertThat(id.invokedBy()).contains("ec2.amazonaws.com");
    assertThat(id.invokedByDelegate().orElseThrow().accountId()).contains("444455556666");
    assertThat(id.onBehalfOf().orElseThrow().userId())
        .contains("94482488-3041-7026-18f3-be45837cd0e4");
    assertThat(id.onBehalfOf().orElseThrow().identityStoreArn())
        .contains("arn:aws:identitystore::111122223333:identitystore/d-9067230a21");
    InScopeOf scope = id.inScopeOf().orElseThrow();
    assertThat(scope.sourceArn())
        .contains("arn:aws:lambda:us-east-2:111122223333:function:decryptor");
    assertThat(scope.sourceAccount()).contains("111122223333");
    assertThat(scope.issuerType()).contains("AWS::Lambda::Function");
    assertThat(scope.credentialsIssuedTo())
        .contains("arn:aws:iam::111122223333:role/decryptor-role");
    assertThat(id.credentialId()).contains("EXAMPLEcredentialId");
    assertThat(id.identityProvider()).contains("accounts.google.com");
  }

  @Test
  void sessionContext_everyMember_typed() {
    SessionContext session = record.userIdentity().orElseThrow().sessionContext().orElseThrow();
    SessionIssuer issuer = session.sessionIssuer().orElseThrow();
    assertThat(issuer.type()).contains("Role");
    assertThat(issuer.principalId()).contains("AROAEXAMPLEID");
    assertThat(issuer.arn()).contains("arn:aws:iam::111122223333:role/enclave-app");
    assertThat(issuer.accountId()).contains("111122223333");
    assertThat(issuer.userName()).contains("enclave-app");
    WebIdFederationData web = session.webIdFederationData().orElseThrow();
    assertThat(web.federatedProvider()).contains("cognito-identity.amazonaws.com");
    assertThat(web.attributes().orElseThrow().size()).isEqualTo(1);
    assertThat(session.attributes().orElseThrow().creationDate())
        .contains(Instant.parse("2025-05-23T08:59:50Z"));
    assertThat(session.attributes().orElseThrow().mfaAuthenticated()).contains(false);
    assertThat(session.sourceIdentity()).contains("alice");
    assertThat(session.ec2RoleDelivery()).contains("2.0");
    assertThat(session.assumedRoot()).contains(true);
    assertThat(session.signInSessionArn())
        .contains(
            "arn:aws:signin:us-east-2:111122223333:session/0f5a1c2e-1111-2222-3333-444455556666");
    assertThat(session.ec2IssuedInVpc()).contains("vpc-0123456789abcdef0");
  }

  @Test
  void kmsRequestParameters_typedAndRawKept() {
    KmsRequestParameters kms = record.kmsRequestParameters().orElseThrow();
    assertThat(kms.keyId()).contains(KEY_ARN);
    assertThat(kms.encryptionAlgorithm()).contains("SYMMETRIC_DEFAULT");
    assertThat(kms.encryptionContext())
        .containsExactly(Map.entry("Project", "Alpha"), Map.entry("Stage", "prod"));
    assertThat(kms.grantTokens()).containsExactly("AQpAM2RhZ");
    assertThat(kms.dryRun()).contains(false);
    assertThat(kms.numberOfBytes()).isEqualTo(OptionalInt.empty());
    assertThat(kms.json().getObject("recipient")).isPresent();
    assertThat(record.attestedOperation()).contains(AttestedOperation.DECRYPT);
  }

  @Test
  void attestationRecipient_mixedEncodingsAndCustomPcr_read() {
    AttestationRecipient r = record.attestationRecipient().orElseThrow();
    assertThat(record.isAttestedKmsRequest()).isTrue();
    assertThat(r.type()).isEqualTo(AttestationRecipient.Type.ENCLAVE);
    assertThat(r.moduleId().orElseThrow().parentInstanceId()).contains("i-0abc1234def567890");
    assertThat(r.imageDigest().orElseThrow().hex())
        .contains(
            "6c6f72656d20697073756d20646f6c6f722073697420616d657420636f6e73656374657475722061646970697363696e");
    assertThat(r.enclavePcrs().keySet()).containsExactly(1, 2, 16);
    assertThat(r.enclavePcr(1).orElseThrow().encoding()).isEqualTo(Measurement.Encoding.HEX);
    assertThat(r.enclavePcr(2).orElseThrow().encoding()).isEqualTo(Measurement.Encoding.BASE64);
    assertThat(r.enclavePcr(1).orElseThrow().sameValueAs(r.enclavePcr(2).orElseThrow())).isTrue();
    assertThat(r.enclavePcr(16).orElseThrow().isPlaceholder()).isTrue();
    assertThat(r.isDebugMode()).isFalse();
  }

  @Test
  void sparseRecord_optionalFieldsEmpty_listsEmpty() {
    CloudTrailRecord sparse =
        CloudTrailRecord.of(JsonObject.builder().put("eventName", "Decrypt").build());
    assertThat(sparse.userIdentity()).isEmpty();
    assertThat(sparse.resources()).isEmpty();
    assertThat(sparse.isKms()).isFalse();
    assertThat(sparse.attestedOperation()).isEmpty();
    assertThat(sparse.kmsRequestParameters()).isEmpty();
  }

  @Test
  void lenientValues_asAwsSendsThem_accepted() {
    CloudTrailRecord r =
        JSON.readRecord(
            "{\"eventVersion\":\"1.05\",\"readOnly\":\"false\",\"userIdentity\":{\"type\":\"Root\","
                + "\"accessKeyId\":\"\",\"sessionContext\":{\"sessionIssuer\":{},\"webIdFederationData\":{},"
                + "\"attributes\":{\"creationDate\":\"20131102T010628Z\",\"mfaAuthenticated\":\"TRUE\"}}},"
                + "\"requestParameters\":null,\"resources\":[{\"ARN\":\"arn:aws:kms:us-east-1:1:key/k\"}]}");
    assertThat(r.eventVersion().orElseThrow().minor()).isEqualTo(5);
    assertThat(r.readOnly()).contains(false);
    assertThat(r.userIdentity().orElseThrow().accessKeyId()).contains("");
    SessionContext session = r.userIdentity().orElseThrow().sessionContext().orElseThrow();
    assertThat(session.sessionIssuer().orElseThrow().arn()).isEmpty();
    assertThat(session.attributes().orElseThrow().creationDate())
        .contains(Instant.parse("2013-11-02T01:06:28Z"));
    assertThat(session.attributes().orElseThrow().mfaAuthenticated()).contains(true);
    assertThat(r.requestParameters()).isEmpty();
    assertThat(r.resources().get(0).type()).isEmpty();
  }

  @Test
  void wrongType_knownField_namedInMessage() {
    assertThatThrownBy(
            () -> JSON.readRecord("{\"eventTime\":\"2020-07-27T22:58:24Z\",\"readOnly\":7}"))
        .isInstanceOf(CloudTrailFormatException.class)
        .hasMessage(
            "field `readOnly`: expected a boolean, found the number `7` in the record starting at byte 0 (line 1, column 1)")
        .extracting(e -> ((CloudTrailFormatException) e).field())
        .isEqualTo(java.util.Optional.of("readOnly"));
  }

  @Test
  void wrongType_nestedField_dottedPath() {
    JsonObject json =
        (JsonObject)
            JSON.readValue(
                "{\"userIdentity\":{\"sessionContext\":{\"attributes\":{\"creationDate\":5}}}}");
    assertThatThrownBy(() -> CloudTrailRecord.of(json))
        .isInstanceOf(CloudTrailFormatException.class)
        .hasMessage(
            "field `userIdentity.sessionContext.attributes.creationDate`: expected a string, found the number `5`");
  }

  @Test
  void wrongType_resourceEntry_indexInPath() {
    assertThatThrownBy(() -> JSON.readRecord("{\"resources\":[{\"ARN\":\"a\"},\"b\"]}"))
        .hasMessageStartingWith("field `resources[1]`: expected an object, found the string `b`");
  }

  @Test
  void wrongType_encryptionContextValue_named() {
    assertThatThrownBy(
            () ->
                JSON.readRecord(
                    "{\"eventSource\":\"kms.amazonaws.com\",\"requestParameters\":{\"encryptionContext\":{\"a\":1}}}"))
        .hasMessageStartingWith(
            "field `requestParameters.encryptionContext.a`: expected a string, found the number `1`");
  }

  @Test
  void wrongType_inputWithNewline_messageStaysOneLine() {
    assertThatThrownBy(() -> JSON.readRecord("{\"readOnly\":\"a\\nb\"}"))
        .hasMessageStartingWith(
            "field `readOnly`: expected a boolean, found the string `a\\u000ab`");
  }

  @Test
  void badTime_rejectedWithField() {
    assertThatThrownBy(() -> JSON.readRecord("{\"eventTime\":\"yesterday\"}"))
        .hasMessageStartingWith("field `eventTime`: expected an ISO 8601 time, found `yesterday`");
  }

  @Test
  void records_equalByJson() {
    byte[] bytes = TestData.resource("/records/every-field.json");
    assertThat(JSON.readRecord(bytes)).isEqualTo(record).hasSameHashCodeAs(record);
    assertThat(record.resources()).isEqualTo(List.copyOf(record.resources()));
  }
}
