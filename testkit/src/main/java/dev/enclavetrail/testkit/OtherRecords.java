package dev.enclavetrail.testkit;

import dev.enclavetrail.core.json.JsonArray;
import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonValue;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Builders of CloudTrail records of services other than KMS, shaped like real logs: S3 data events,
 * STS, EC2, IAM, Systems Manager, Secrets Manager and console sign-in. They make a corpus look like
 * a real trail and let tests check that non-KMS records are told apart.
 *
 * <p>The caller defaults to the IAM user {@code Alice}; set another with {@link
 * RecordBuilder#identity} and {@link Identities}. Names, sizes and user agents are drawn from the
 * builder's seed, so records of the same seed are equal.
 *
 * <pre>{@code
 * CloudTrailRecord read = OtherRecords.s3GetObject()
 *     .identity(Identities.awsService("cloudtrail.amazonaws.com"))
 *     .seed(7)
 *     .build();
 * }</pre>
 */
public final class OtherRecords {

  /** User agents of SDKs and tools, one drawn per record. */
  private static final List<String> SDK_USER_AGENTS =
      List.of(
          "aws-cli/2.22.26 md/awscrt#0.23.4 ua/2.0 os/linux#6.1.119-129.201.amzn2023.x86_64"
              + " md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard"
              + " md/installer#exe md/distrib#amzn.2023 md/prompt#off",
          "Boto3/1.35.90 md/Botocore#1.35.90 ua/2.0 os/linux#5.10.230-223.885.amzn2.x86_64"
              + " md/arch#x86_64 lang/python#3.12.8 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12"
              + " cfg/retry-mode#legacy Botocore/1.35.90",
          "APN/1.0 HashiCorp/1.0 Terraform/1.10.3 (+https://www.terraform.io)"
              + " terraform-provider-aws/5.82.2 (+https://registry.terraform.io/providers/hashicorp/aws)"
              + " aws-sdk-go-v2/1.32.7 ua/2.1 os/linux lang/go#1.23.3 md/GOOS#linux md/GOARCH#amd64",
          "aws-sdk-java/2.29.52 ua/2.1 os/Linux#6.1.119-129.201.amzn2023.x86_64 lang/java#17.0.13"
              + " md/OpenJDK_64-Bit_Server_VM#17.0.13+11-LTS m/D,N");

  private static final String BROWSER_USER_AGENT =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/131.0.0.0 Safari/537.36";

  private static final DateTimeFormatter STS_EXPIRATION =
      DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);

  private OtherRecords() {}

  /** Returns a builder of an S3 {@code GetObject} data event ({@code eventCategory: Data}). */
  public static Builder s3GetObject() {
    return new Builder("GetObject", (b, p, r) -> s3Object(b, p, r, "GetObject", true));
  }

  /** Returns a builder of an S3 {@code PutObject} data event. */
  public static Builder s3PutObject() {
    return new Builder("PutObject", (b, p, r) -> s3Object(b, p, r, "PutObject", false));
  }

  /** Returns a builder of an STS {@code AssumeRole}, with the credentials it returned. */
  public static Builder stsAssumeRole() {
    return new Builder("AssumeRole", OtherRecords::assumeRole);
  }

  /** Returns a builder of an STS {@code GetCallerIdentity}. */
  public static Builder stsGetCallerIdentity() {
    return new Builder(
        "GetCallerIdentity",
        (b, p, r) -> {
          service(p, "sts", "GetCallerIdentity");
          p.tlsHost = "sts." + b.region + ".amazonaws.com";
          caller(p, r);
        });
  }

  /** Returns a builder of an EC2 {@code DescribeInstances} of one to eight instances. */
  public static Builder ec2DescribeInstances() {
    return new Builder(
        "DescribeInstances",
        (b, p, r) -> {
          service(p, "ec2", "DescribeInstances");
          List<JsonValue> items = new ArrayList<>();
          int n = 1 + r.nextInt(8);
          for (int i = 0; i < n; i++) {
            items.add(JsonObject.builder().put("instanceId", "i-0" + Ids.hex(r, 16)).build());
          }
          p.requestParameters =
              JsonObject.builder()
                  .put(
                      "instancesSet",
                      JsonObject.builder().put("items", JsonArray.of(items)).build())
                  .put("filterSet", JsonObject.empty())
                  .build();
          p.tlsHost = "ec2." + b.region + ".amazonaws.com";
          caller(p, r);
        });
  }

  /** Returns a builder of an IAM {@code GetUser} (logged in {@code us-east-1}). */
  public static Builder iamGetUser() {
    return new Builder(
        "GetUser",
        (b, p, r) -> {
          service(p, "iam", "GetUser");
          p.awsRegion = "us-east-1";
          p.requestParameters = JsonObject.builder().put("userName", "Alice").build();
          p.tlsHost = "iam.amazonaws.com";
          p.tlsVersion = "TLSv1.2";
          p.cipherSuite = "ECDHE-RSA-AES128-GCM-SHA256";
          caller(p, r);
        });
  }

  /** Returns a builder of a Systems Manager {@code GetParameter} with decryption. */
  public static Builder ssmGetParameter() {
    return new Builder(
        "GetParameter",
        (b, p, r) -> {
          service(p, "ssm", "GetParameter");
          String name = "/app/" + Ids.chars(r, "abcdefghijklmnopqrstuvwxyz", 6) + "/db-password";
          p.requestParameters =
              JsonObject.builder().put("name", name).put("withDecryption", true).build();
          p.resources =
              JsonArray.of(
                  JsonObject.builder()
                      .put("accountId", b.account)
                      .put("ARN", "arn:aws:ssm:" + b.region + ":" + b.account + ":parameter" + name)
                      .build());
          p.tlsHost = "ssm." + b.region + ".amazonaws.com";
          caller(p, r);
        });
  }

  /** Returns a builder of a Secrets Manager {@code GetSecretValue}. */
  public static Builder secretsManagerGetSecretValue() {
    return new Builder(
        "GetSecretValue",
        (b, p, r) -> {
          service(p, "secretsmanager", "GetSecretValue");
          p.requestParameters =
              JsonObject.builder()
                  .put(
                      "secretId",
                      "arn:aws:secretsmanager:"
                          + b.region
                          + ":"
                          + b.account
                          + ":secret:prod/app/"
                          + Ids.chars(r, "abcdefghijklmnopqrstuvwxyz", 8)
                          + "-"
                          + Ids.chars(r, Ids.ALPHANUMERIC, 6))
                  .build();
          p.tlsHost = "secretsmanager." + b.region + ".amazonaws.com";
          caller(p, r);
        });
  }

  /**
   * Returns a builder of a successful {@code ConsoleLogin} ({@code AwsConsoleSignIn}, no request
   * id).
   */
  public static Builder consoleLogin() {
    return new Builder(
        "ConsoleLogin",
        (b, p, r) -> {
          service(p, "signin", "ConsoleLogin");
          p.awsRegion = "us-east-1";
          p.eventType = "AwsConsoleSignIn";
          p.readOnly = false;
          p.hasRequestId = false;
          caller(p, r);
          p.userAgent = BROWSER_USER_AGENT;
          p.responseElements = JsonObject.builder().put("ConsoleLogin", "Success").build();
          p.additionalEventData =
              JsonObject.builder()
                  .put(
                      "LoginTo",
                      "https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true"
                          + "&state=hashArgsFromTB_us-east-1_"
                          + Ids.hex(r, 16))
                  .put("MobileVersion", "No")
                  .put("MFAUsed", "Yes")
                  .build();
          p.tlsHost = "signin.aws.amazon.com";
        });
  }

  private static void service(RecordParts p, String service, String eventName) {
    p.eventSource = service + ".amazonaws.com";
    p.eventName = eventName;
  }

  /** Sets a caller's source address (documentation range) and an SDK user agent. */
  private static void caller(RecordParts p, SplittableRandom r) {
    p.sourceIpAddress = "198.51.100." + (1 + r.nextInt(254));
    p.userAgent = SDK_USER_AGENTS.get(r.nextInt(SDK_USER_AGENTS.size()));
  }

  private static void s3Object(
      Builder b, RecordParts p, SplittableRandom r, String eventName, boolean read) {
    service(p, "s3", eventName);
    String bucket = "example-data-" + b.account + "-" + b.region;
    StringBuilder key = new StringBuilder("data");
    int depth = 1 + r.nextInt(4);
    for (int i = 0; i < depth; i++) {
      key.append('/')
          .append(Ids.chars(r, "abcdefghijklmnopqrstuvwxyz0123456789-", 3 + r.nextInt(20)));
    }
    key.append(".parquet");
    String host = bucket + ".s3." + b.region + ".amazonaws.com";
    p.eventVersion = "1.10";
    p.requestParameters =
        JsonObject.builder()
            .put("bucketName", bucket)
            .put("Host", host)
            .put("key", key.toString())
            .build();
    if (!read) {
      p.responseElements =
          JsonObject.builder().put("x-amz-server-side-encryption", "aws:kms").build();
    }
    long size = 1L + r.nextInt(50_000_000);
    p.additionalEventData =
        JsonObject.builder()
            .put("SignatureVersion", "SigV4")
            .put("CipherSuite", "TLS_AES_128_GCM_SHA256")
            .put("bytesTransferredIn", read ? 0 : size)
            .put("AuthenticationMethod", "AuthHeader")
            .put("x-amz-id-2", Ids.chars(r, Ids.ALPHANUMERIC + "+/", 76) + "=")
            .put("bytesTransferredOut", read ? size : 0)
            .build();
    p.requestId = Ids.chars(r, Ids.UPPER_ALPHANUMERIC, 16);
    p.readOnly = read;
    p.resources =
        JsonArray.of(
            JsonObject.builder()
                .put("type", "AWS::S3::Object")
                .put("ARN", "arn:aws:s3:::" + bucket + "/" + key)
                .build(),
            JsonObject.builder()
                .put("accountId", b.account)
                .put("type", "AWS::S3::Bucket")
                .put("ARN", "arn:aws:s3:::" + bucket)
                .build());
    p.managementEvent = false;
    p.eventCategory = "Data";
    p.tlsHost = host;
    caller(p, r);
  }

  private static void assumeRole(Builder b, RecordParts p, SplittableRandom r) {
    service(p, "sts", "AssumeRole");
    String roleName = "deploy-" + Ids.chars(r, "abcdefghijklmnopqrstuvwxyz", 5);
    String roleArn = "arn:aws:iam::" + b.account + ":role/" + roleName;
    String session = "session-" + Ids.hex(r, 12);
    String roleId = "AROA" + Ids.chars(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 17);
    p.requestParameters =
        JsonObject.builder()
            .put("roleArn", roleArn)
            .put("roleSessionName", session)
            .put("durationSeconds", 3600)
            .build();
    p.responseElements =
        JsonObject.builder()
            .put(
                "credentials",
                JsonObject.builder()
                    .put(
                        "accessKeyId",
                        "ASIA" + Ids.chars(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16))
                    .put(
                        "sessionToken", Ids.chars(r, Ids.ALPHANUMERIC + "+/", 600 + r.nextInt(400)))
                    .put("expiration", STS_EXPIRATION.format(b.eventTime.plus(Duration.ofHours(1))))
                    .build())
            .put(
                "assumedRoleUser",
                JsonObject.builder()
                    .put("assumedRoleId", roleId + ":" + session)
                    .put(
                        "arn",
                        "arn:aws:sts::" + b.account + ":assumed-role/" + roleName + "/" + session)
                    .build())
            .build();
    p.resources =
        JsonArray.of(
            JsonObject.builder()
                .put("accountId", b.account)
                .put("type", "AWS::IAM::Role")
                .put("ARN", roleArn)
                .build());
    p.tlsHost = "sts." + b.region + ".amazonaws.com";
    caller(p, r);
  }

  /** How a template fills in one event. */
  @FunctionalInterface
  interface Template {
    void describe(Builder builder, RecordParts parts, SplittableRandom random);
  }

  /** Builds one record of another service; see {@link OtherRecords}. */
  public static final class Builder extends RecordBuilder<Builder> {

    private final Template template;

    Builder(String eventName, Template template) {
      super(eventName);
      this.template = template;
    }

    @Override
    Builder self() {
      return this;
    }

    @Override
    void describe(RecordParts parts, SplittableRandom random) {
      template.describe(this, parts, random);
    }
  }
}
