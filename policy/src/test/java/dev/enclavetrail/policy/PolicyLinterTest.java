package dev.enclavetrail.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each linter rule, with the statement and location it points at. */
class PolicyLinterTest {

  private static final String HEX = "ab".repeat(48);
  private static final String ROLE = "{\"AWS\":\"arn:aws:iam::111122223333:role/enclave-app\"}";

  private static List<Finding> lint(String... statements) {
    return PolicyLinter.create()
        .lint(
            PolicyDocument.readKeyPolicy(
                "{\"Version\":\"2012-10-17\",\"Statement\":["
                    + String.join(",", statements)
                    + "]}"));
  }

  private static String allow(String sid, String action, String condition) {
    return "{\"Sid\":\""
        + sid
        + "\",\"Effect\":\"Allow\",\"Principal\":"
        + ROLE
        + ",\"Action\":\""
        + action
        + "\",\"Resource\":\"*\""
        + (condition.isEmpty() ? "" : ",\"Condition\":" + condition)
        + "}";
  }

  private static String attested(String operator, String value) {
    return "{\"" + operator + "\":{\"kms:RecipientAttestation:ImageSha384\":\"" + value + "\"}}";
  }

  @Test
  void wellFormedEnclavePolicy_noFindings() {
    assertThat(
            lint(
                "{\"Sid\":\"Admin\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},"
                    + "\"NotAction\":[\"kms:Decrypt\",\"kms:GenerateDataKey*\",\"kms:GenerateRandom\","
                    + "\"kms:DeriveSharedSecret\"],\"Resource\":\"*\"}",
                allow("Enclave", "kms:Decrypt", attested("StringEqualsIgnoreCase", HEX)),
                "{\"Sid\":\"DenyOthers\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\","
                    + "\"Resource\":\"*\",\"Condition\":"
                    + attested("StringNotEqualsIgnoreCase", HEX)
                    + "}"))
        .isEmpty();
  }

  @Test
  void ifExistsInAllow_error() {
    List<Finding> f =
        lint(allow("Enclave", "kms:Decrypt", attested("StringEqualsIgnoreCaseIfExists", HEX)));
    assertThat(f).extracting(Finding::code).containsExactly("attestation-missing-passes");
    assertThat(f.get(0).severity()).isEqualTo(Finding.Severity.ERROR);
    assertThat(f.get(0).sid()).contains("Enclave");
    assertThat(f.get(0).location().line()).isEqualTo(1);
    assertThat(f.get(0).location().byteOffset()).isPositive();
  }

  @Test
  void negatedOperatorInAllow_error() {
    assertThat(lint(allow("Enclave", "kms:Decrypt", attested("StringNotEquals", HEX))))
        .extracting(Finding::code)
        .containsExactly("attestation-missing-passes");
  }

  @Test
  void setOperatorOnSingleValuedKey_warning() {
    assertThat(
            lint(
                allow(
                    "Enclave", "kms:Decrypt", attested("ForAnyValue:StringEqualsIgnoreCase", HEX))))
        .extracting(Finding::code)
        .containsExactly("attestation-set-operator");
    assertThat(
            lint(
                allow(
                    "Enclave",
                    "kms:Decrypt",
                    attested("ForAllValues:StringEqualsIgnoreCase", HEX))))
        .extracting(Finding::code)
        .containsExactly("attestation-missing-passes", "attestation-set-operator");
  }

  @Test
  void valueNot96Hex_warning() {
    assertThat(lint(allow("Enclave", "kms:Decrypt", attested("StringEqualsIgnoreCase", "0x1de4"))))
        .extracting(Finding::code)
        .containsExactly("attestation-value-format");
  }

  @Test
  void upperCaseUnderCaseSensitiveOperator_error() {
    assertThat(
            lint(
                allow(
                    "Enclave",
                    "kms:Decrypt",
                    attested("StringEquals", HEX.toUpperCase(java.util.Locale.ROOT)))))
        .extracting(Finding::code)
        .containsExactly("attestation-upper-case");
    assertThat(
            lint(
                allow(
                    "Enclave",
                    "kms:Decrypt",
                    attested("StringEqualsIgnoreCase", HEX.toUpperCase(java.util.Locale.ROOT)))))
        .isEmpty();
  }

  @Test
  void allZeroMeasurement_error() {
    assertThat(
            lint(
                allow(
                    "Enclave", "kms:Decrypt", attested("StringEqualsIgnoreCase", "0".repeat(96)))))
        .extracting(Finding::code)
        .containsExactly("attestation-debug-mode");
  }

  @Test
  void allowWithoutAttestationBesideOneThatRequiresIt_warning() {
    List<Finding> f =
        lint(
            "{\"Sid\":\"Enable IAM policies\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},"
                + "\"Action\":\"kms:*\",\"Resource\":\"*\"}",
            allow("Enclave", "kms:Decrypt", attested("StringEqualsIgnoreCase", HEX)));
    assertThat(f).extracting(Finding::code).containsExactly("attestation-bypass");
    assertThat(f.get(0).statementIndex()).isZero();
    assertThat(f.get(0).sid()).contains("Enable IAM policies");
  }

  @Test
  void denyThatMissesUnattestedRequests_warning() {
    List<Finding> f =
        lint(
            allow("Enclave", "kms:Decrypt", attested("StringEqualsIgnoreCase", HEX)),
            "{\"Sid\":\"DenyDebug\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\","
                + "\"Resource\":\"*\",\"Condition\":"
                + attested("StringEqualsIgnoreCase", "0".repeat(96))
                + "}");
    assertThat(f).extracting(Finding::code).containsExactly("attestation-deny-misses-unattested");
    assertThat(f.get(0).toString())
        .startsWith("warning attestation-deny-misses-unattested: this Deny");
  }
}
