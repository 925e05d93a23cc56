package dev.enclavetrail.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.jackson.CloudTrailJackson;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OtherRecordsTest {

  private static final CloudTrailJackson JSON = CloudTrailJackson.create();

  static Stream<Arguments> builders() {
    return Stream.of(
        Arguments.of(
            "s3.amazonaws.com",
            "GetObject",
            (Supplier<OtherRecords.Builder>) OtherRecords::s3GetObject),
        Arguments.of(
            "s3.amazonaws.com",
            "PutObject",
            (Supplier<OtherRecords.Builder>) OtherRecords::s3PutObject),
        Arguments.of(
            "sts.amazonaws.com",
            "AssumeRole",
            (Supplier<OtherRecords.Builder>) OtherRecords::stsAssumeRole),
        Arguments.of(
            "sts.amazonaws.com",
            "GetCallerIdentity",
            (Supplier<OtherRecords.Builder>) OtherRecords::stsGetCallerIdentity),
        Arguments.of(
            "ec2.amazonaws.com",
            "DescribeInstances",
            (Supplier<OtherRecords.Builder>) OtherRecords::ec2DescribeInstances),
        Arguments.of(
            "iam.amazonaws.com",
            "GetUser",
            (Supplier<OtherRecords.Builder>) OtherRecords::iamGetUser),
        Arguments.of(
            "ssm.amazonaws.com",
            "GetParameter",
            (Supplier<OtherRecords.Builder>) OtherRecords::ssmGetParameter),
        Arguments.of(
            "secretsmanager.amazonaws.com",
            "GetSecretValue",
            (Supplier<OtherRecords.Builder>) OtherRecords::secretsManagerGetSecretValue),
        Arguments.of(
            "signin.amazonaws.com",
            "ConsoleLogin",
            (Supplier<OtherRecords.Builder>) OtherRecords::consoleLogin));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("builders")
  void build_everyBuilder_readsBackThroughJacksonEqual(
      String source, String name, Supplier<OtherRecords.Builder> builder) {
    CloudTrailRecord record = builder.get().build();

    String text = JSON.writeRecordAsString(record);

    assertThat(JSON.readRecord(text)).isEqualTo(record);
    assertThat(record.eventSource()).contains(source);
    assertThat(record.eventName()).contains(name);
    assertThat(record.isKms()).isFalse();
    assertThat(record.attestationRecipient()).isEmpty();
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("builders")
  void build_sameSeed_equalAndOtherSeed_otherEvent(
      String source, String name, Supplier<OtherRecords.Builder> builder) {
    CloudTrailRecord a = builder.get().seed(5).build();

    assertThat(builder.get().seed(5).build()).isEqualTo(a);
    assertThat(builder.get().seed(6).build().eventId()).isNotEqualTo(a.eventId());
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("builders")
  void identity_everyIdentityType_keptAsGiven(
      String source, String name, Supplier<OtherRecords.Builder> builder) {
    Stream.of(
            Identities.iamUser("111122223333", "Bob"),
            Identities.root("111122223333"),
            Identities.assumedRole("111122223333", "r", "s", RecordBuilder.DEFAULT_EVENT_TIME),
            Identities.awsService("config.amazonaws.com"),
            Identities.federatedUser(
                "111122223333", "Bob", "fed", RecordBuilder.DEFAULT_EVENT_TIME),
            Identities.identityCenterUser("111122223333", "u-1", "d-1234567890"),
            Identities.webIdentityUser("accounts.google.com", "app", "1234"))
        .forEach(
            who -> {
              CloudTrailRecord r = builder.get().identity(who).build();
              assertThat(r.userIdentity()).contains(who);
              assertThat(JSON.readRecord(JSON.writeRecordAsBytes(r))).isEqualTo(r);
            });
  }

  @Test
  void s3GetObject_dataEvent_shapedLikeRealLogs() {
    CloudTrailRecord r = OtherRecords.s3GetObject().build();

    assertThat(r.eventCategory()).contains("Data");
    assertThat(r.managementEvent()).contains(false);
    assertThat(r.readOnly()).contains(true);
    assertThat(r.requestId().orElseThrow()).matches("[A-Z0-9]{16}");
    assertThat(r.resources()).hasSize(2);
    assertThat(r.resources().get(0).type()).contains("AWS::S3::Object");
    assertThat(r.additionalEventData().orElseThrow().getNumber("bytesTransferredOut")).isPresent();
  }

  @Test
  void s3PutObject_write_notReadOnly() {
    CloudTrailRecord r = OtherRecords.s3PutObject().build();

    assertThat(r.readOnly()).contains(false);
    assertThat(r.responseElements()).isPresent();
  }

  @Test
  void iamGetUser_otherRegion_loggedInUsEast1() {
    assertThat(OtherRecords.iamGetUser().region("eu-west-1").build().awsRegion())
        .contains("us-east-1");
  }

  @Test
  void consoleLogin_defaults_signInEventWithoutRequestId() {
    CloudTrailRecord r = OtherRecords.consoleLogin().build();

    assertThat(r.eventType()).contains("AwsConsoleSignIn");
    assertThat(r.requestId()).isEmpty();
    assertThat(r.json().has("requestID")).isFalse();
  }

  @Test
  void stsAssumeRole_response_credentialsAndRoleResource() {
    CloudTrailRecord r = OtherRecords.stsAssumeRole().build();

    assertThat(r.responseElements().orElseThrow().getObject("credentials")).isPresent();
    assertThat(r.resources().get(0).type()).contains("AWS::IAM::Role");
  }

  @Test
  void identity_awsService_sourceIsServiceWithoutTls() {
    CloudTrailRecord r =
        OtherRecords.s3GetObject()
            .identity(Identities.awsService("cloudtrail.amazonaws.com"))
            .build();

    assertThat(r.sourceIpAddress()).contains("cloudtrail.amazonaws.com");
    assertThat(r.userAgent()).contains("cloudtrail.amazonaws.com");
    assertThat(r.tlsDetails()).isEmpty();
  }

  @Test
  void withoutTlsDetails_set_noTlsDetails() {
    assertThat(OtherRecords.stsGetCallerIdentity().build().tlsDetails()).isPresent();
    assertThat(OtherRecords.stsGetCallerIdentity().withoutTlsDetails().build().tlsDetails())
        .isEmpty();
  }
}
