package dev.enclavetrail.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.enclavetrail.core.jackson.CloudTrailJackson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading policies: what is accepted, what is rejected, and where the message points. */
class PolicyReaderTest {

  static final String ENCLAVE_POLICY =
      """
      {
        "Version": "2012-10-17",
        "Id": "enclave-key",
        "Statement": [
          {"Sid": "Enable IAM policies", "Effect": "Allow",
           "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"},
          {"Sid": "Enclave", "Effect": "Allow",
           "Principal": {"AWS": ["arn:aws:iam::111122223333:role/enclave-app"]},
           "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": "*",
           "Condition": {"StringEqualsIgnoreCase": {
             "kms:RecipientAttestation:ImageSha384": "aa",
             "kms:RecipientAttestation:PCR8": ["bb", "cc"]},
             "NumericLessThanEquals": {"kms:NumberOfBytes": 64}}}
        ]
      }
      """;

  private static PolicyParseException rejected(String json) {
    try {
      PolicyDocument.readKeyPolicy(json);
    } catch (PolicyParseException e) {
      return e;
    }
    throw new AssertionError("accepted: " + json);
  }

  @Test
  void enclavePolicy_read_everyElement() {
    PolicyDocument p = PolicyDocument.readKeyPolicy(ENCLAVE_POLICY);
    assertThat(p.version()).contains("2012-10-17");
    assertThat(p.id()).contains("enclave-key");
    assertThat(p.statements()).hasSize(2);
    Statement s = p.statements().get(1);
    assertThat(s.index()).isEqualTo(1);
    assertThat(s.sid()).contains("Enclave");
    assertThat(s.effect()).isEqualTo(Effect.ALLOW);
    assertThat(s.principals().orElseThrow().ids())
        .containsEntry(
            PrincipalType.AWS, java.util.List.of("arn:aws:iam::111122223333:role/enclave-app"));
    assertThat(s.actions()).containsExactly("kms:Decrypt", "kms:GenerateDataKey");
    assertThat(s.resources()).containsExactly("*");
    assertThat(s.conditions())
        .extracting(c -> c.operator().text() + " " + c.key() + " " + c.values())
        .containsExactly(
            "StringEqualsIgnoreCase kms:RecipientAttestation:ImageSha384 [aa]",
            "StringEqualsIgnoreCase kms:RecipientAttestation:PCR8 [bb, cc]",
            "NumericLessThanEquals kms:NumberOfBytes [64]");
  }

  @Test
  void readThenWritten_equalDocument() {
    PolicyDocument p = PolicyDocument.readKeyPolicy(ENCLAVE_POLICY);
    assertThat(p.toJson())
        .isEqualTo(CloudTrailJackson.create().readValue(ENCLAVE_POLICY).toString());
    assertThat(PolicyDocument.readKeyPolicy(p.toJson()).json()).isEqualTo(p.json());
  }

  @Test
  void singleStatementObject_andScalars_accepted() {
    PolicyDocument p =
        PolicyDocument.readIdentityPolicy(
            "{\"Statement\":{\"Effect\":\"Deny\",\"NotAction\":\"kms:Decrypt\",\"NotResource\":\"arn:aws:kms:*:*:key/*\","
                + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":false}}}}");
    Statement s = p.statements().get(0);
    assertThat(s.isNotAction()).isTrue();
    assertThat(s.isNotResource()).isTrue();
    assertThat(s.principals()).isEmpty();
    assertThat(s.conditions().get(0).values()).containsExactly("false");
    assertThat(p.version()).isEmpty();
  }

  @Test
  void unknownOperator_rejectedAtItsName() {
    String json =
        "{\"Statement\":[{\"Sid\":\"Enclave\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\","
            + "\"Resource\":\"*\",\"Condition\":{\"StringEqualz\":{\"k\":\"v\"}}}]}";
    PolicyParseException e = rejected(json);
    assertThat(e.reason())
        .isEqualTo("unknown condition operator `StringEqualz` in statement `Enclave`");
    assertThat(e.byteOffset()).isEqualTo(json.indexOf("\"StringEqualz\""));
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.getMessage())
        .isEqualTo(
            "unknown condition operator `StringEqualz` in statement `Enclave` at byte "
                + json.indexOf("\"StringEqualz\"")
                + " (line 1, column "
                + (json.indexOf("\"StringEqualz\"") + 1)
                + ")");
  }

  @Test
  void duplicateKey_rejectedAtSecondOccurrence() {
    String json = "{\"Statement\":[{\"Effect\":\"Allow\",\n\"Effect\":\"Deny\"}]}";
    PolicyParseException e = rejected(json);
    assertThat(e.reason()).isEqualTo("duplicate key `Effect`");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(1);
    assertThat(e.byteOffset()).isEqualTo(json.lastIndexOf("\"Effect\""));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"Statement\":[],\"Versions\":\"2012-10-17\"} | unknown policy element `Versions`",
        "{\"Version\":\"2012-10-18\",\"Statement\":[]} | `Version` must be `2012-10-17` or `2008-10-17`, found `2012-10-18`",
        "{\"Version\":\"2012-10-17\"} | a policy needs a `Statement`",
        "{\"Statement\":[]} | `Statement` must not be empty",
        "{\"Statement\":[{\"Effect\":\"allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}]} | `Effect` of statement 0 must be `Allow` or `Deny`, found the string `allow`",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"NotAction\":\"kms:Sign\",\"Resource\":\"*\"}]} | statement 0 has both `Action` and `NotAction`",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\"}]} | statement 0 has neither `Resource` nor `NotResource`",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}]} | statement 0 of a key policy needs `Principal` or `NotPrincipal`",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"Decrypt\",\"Resource\":\"*\"}]} | action `Decrypt` in statement 0 is not `service:Action` or `*`",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::*:role/x\"},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}]} | principal `arn:aws:iam::*:role/x` is not valid: principals take no wildcards in statement 0",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Aws\":\"*\"},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}]} | unknown principal type `Aws` in statement 0 (expected `AWS`, `Service`, `Federated` or `CanonicalUser`)",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\",\"Condition\":{\"ForSomeValues:StringEquals\":{\"k\":\"v\"}}}]} | unknown condition qualifier `ForSomeValues` in statement 0",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\",\"Condition\":{\"NullIfExists\":{\"k\":\"true\"}}}]} | condition operator `NullIfExists`: `Null` takes neither `IfExists` nor a set qualifier in statement 0",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\",\"Condition\":{\"NumericEquals\":{\"kms:NumberOfBytes\":\"many\"}}}]} | value `many` of `NumericEquals` for `kms:NumberOfBytes` is not a number in statement 0",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/33\"}}}]} | value `10.0.0.0/33` of `IpAddress` for `aws:SourceIp` is not an IPv4 or IPv6 address or CIDR block in statement 0",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\",\"Condition\":{\"DateLessThan\":{\"aws:CurrentTime\":\"tomorrow\"}}}]} | value `tomorrow` of `DateLessThan` for `aws:CurrentTime` is not an ISO 8601 date or epoch seconds in statement 0",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"yes\"}}}]} | value `yes` of `Bool` for `aws:SecureTransport` is not `true` or `false` in statement 0",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"k\":null}}}]} | a condition value in statement 0 must be a string, number or boolean, found `null`",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"k\":\"a\",\"K\":\"b\"}}}]} | context key `K` repeated (in another case) in statement 0",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"k\":\"${aws:username\"}}}]} | policy variable without its closing brace in `${aws:username` in statement 0",
        "[] | a policy must be a JSON object, found an array",
        "{\"Statement\":[]} {} | trailing content after the policy",
      })
  void malformedPolicy_rejectedWithReason(String json, String reason) {
    assertThat(rejected(json.strip()).reason()).isEqualTo(reason);
  }

  @Test
  void malformedJson_rejectedAtTheByte() {
    PolicyParseException e = rejected("{\"Statement\": [}");
    assertThat(e.byteOffset()).isEqualTo(15);
    assertThat(e.reason()).startsWith("unexpected close marker '}'");
  }

  @Test
  void identityPolicy_withPrincipal_rejected() {
    assertThatThrownBy(
            () ->
                PolicyDocument.readIdentityPolicy(
                    "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"}}"))
        .isInstanceOf(PolicyParseException.class)
        .hasMessageStartingWith(
            "statement 0: an identity policy takes no `Principal` or `NotPrincipal`");
  }

  @Test
  void deepNesting_rejectedWithoutStackOverflow() {
    String deep = "{\"Statement\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    assertThat(rejected(deep).reason()).contains("nesting depth");
  }
}
