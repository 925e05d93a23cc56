package dev.enclavetrail.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The KMS rules, fail-closed evaluation and the explanation of a decision. */
class AuthorizerTest {

  private static final String KEY =
      "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  private static final String SESSION =
      "arn:aws:sts::111122223333:assumed-role/enclave-app/i-0abc1234def567890";
  private static final String IMAGE = "ab".repeat(48);

  private static KmsRequest.Builder decrypt(String principal) {
    return KmsRequest.builder().action("kms:Decrypt").principal(principal).resource(KEY);
  }

  private static Authorizer authorizer(String keyPolicy, String... identityPolicies) {
    return Authorizer.of(
        PolicyDocument.readKeyPolicy(keyPolicy),
        List.of(identityPolicies).stream().map(PolicyDocument::readIdentityPolicy).toList());
  }

  private static String keyPolicy(String principal, String condition) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Enclave\",\"Effect\":\"Allow\",\"Principal\":"
        + principal
        + ",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\""
        + (condition.isEmpty() ? "" : ",\"Condition\":" + condition)
        + "}]}";
  }

  @Test
  void roleArnPrincipal_matchesItsSessions_evenWithAPath() {
    Authorizer a =
        authorizer(keyPolicy("{\"AWS\":\"arn:aws:iam::111122223333:role/team/enclave-app\"}", ""));
    assertThat(a.decide(decrypt(SESSION).build())).isEqualTo(Decision.Outcome.ALLOWED);
    assertThat(a.decide(decrypt("arn:aws:sts::111122223333:assumed-role/other-app/x").build()))
        .isEqualTo(Decision.Outcome.IMPLICIT_DENY);
    assertThat(a.decide(decrypt("arn:aws:sts::444455556666:assumed-role/enclave-app/x").build()))
        .isEqualTo(Decision.Outcome.IMPLICIT_DENY);
  }

  @Test
  void accountPrincipal_rootCallerAllowedDirectly_othersNeedIam() {
    Authorizer a = authorizer(keyPolicy("{\"AWS\":\"111122223333\"}", ""));
    assertThat(a.decide(decrypt("arn:aws:iam::111122223333:root").build()))
        .isEqualTo(Decision.Outcome.ALLOWED);
    assertThat(a.decide(decrypt(SESSION).build())).isEqualTo(Decision.Outcome.IMPLICIT_DENY);
    assertThat(a.explain(decrypt(SESSION).build()).reason())
        .isEqualTo(
            "the key policy delegates to IAM for the caller's account, but no identity policy allows kms:Decrypt on the key");
  }

  @Test
  void crossAccount_needsKeyPolicyAndOwnIdentityPolicy() {
    String external = "arn:aws:sts::444455556666:assumed-role/partner/s1";
    String identity =
        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\",\"Resource\":\""
            + KEY
            + "\"}}";
    String direct = keyPolicy("{\"AWS\":\"arn:aws:iam::444455556666:role/partner\"}", "");
    assertThat(authorizer(direct).decide(decrypt(external).build()))
        .isEqualTo(Decision.Outcome.IMPLICIT_DENY);
    assertThat(authorizer(direct, identity).decide(decrypt(external).build()))
        .isEqualTo(Decision.Outcome.ALLOWED);
    String account = keyPolicy("{\"AWS\":\"arn:aws:iam::444455556666:root\"}", "");
    assertThat(authorizer(account, identity).decide(decrypt(external).build()))
        .isEqualTo(Decision.Outcome.ALLOWED);
    assertThat(authorizer(account).decide(decrypt(external).build()))
        .isEqualTo(Decision.Outcome.IMPLICIT_DENY);
  }

  @Test
  void decisiveStatements_onlyThoseOfAWayThatGrants() {
    String accountAndEnclave =
        "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Sid\":\"Account\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},"
            + "\"Action\":\"kms:*\",\"Resource\":\"*\"},"
            + "{\"Sid\":\"Enclave\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:role/enclave-app\"},"
            + "\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}]}";
    String identity =
        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"Iam\",\"Effect\":\"Allow\","
            + "\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}}";
    KmsRequest request = decrypt(SESSION).build();

    // The account statement applies but grants nothing without an identity policy that allows.
    Decision keyOnly = authorizer(accountAndEnclave).explain(request);
    assertThat(keyOnly.outcome()).isEqualTo(Decision.Outcome.ALLOWED);
    assertThat(keyOnly.decisiveStatements())
        .extracting(r -> r.sid().orElseThrow())
        .containsExactly("Enclave");
    assertThat(keyOnly.reason()).isEqualTo("allowed by key-policy statement `Enclave`");

    // With one, both ways grant: the role's statement, and the account's with the identity policy.
    assertThat(authorizer(accountAndEnclave, identity).explain(request).decisiveStatements())
        .extracting(r -> r.sid().orElseThrow())
        .containsExactly("Account", "Enclave", "Iam");

    // An identity policy grants nothing when the key policy names the caller but not its account.
    assertThat(
            authorizer(
                    keyPolicy("{\"AWS\":\"arn:aws:iam::111122223333:role/enclave-app\"}", ""),
                    identity)
                .explain(request)
                .decisiveStatements())
        .extracting(r -> r.sid().orElseThrow())
        .containsExactly("Enclave");

    // Another account's caller needs its own identity policy beside the key policy's statement.
    String external = "arn:aws:sts::444455556666:assumed-role/partner/s1";
    assertThat(
            authorizer(
                    keyPolicy("{\"AWS\":\"arn:aws:iam::444455556666:role/partner\"}", ""), identity)
                .explain(decrypt(external).build())
                .decisiveStatements())
        .extracting(r -> r.sid().orElseThrow())
        .containsExactly("Enclave", "Iam");
  }

  @Test
  void identityDeny_winsOverKeyPolicyAllow() {
    String deny =
        "{\"Statement\":{\"Sid\":\"NoDecrypt\",\"Effect\":\"Deny\",\"Action\":\"kms:*\",\"Resource\":\"*\"}}";
    Decision d = authorizer(keyPolicy("\"*\"", ""), deny).explain(decrypt(SESSION).build());
    assertThat(d.outcome()).isEqualTo(Decision.Outcome.EXPLICIT_DENY);
    assertThat(d.reason())
        .isEqualTo("denied explicitly by identity-policy-0 statement `NoDecrypt`");
  }

  @Test
  void generateRandom_decidedByIdentityPoliciesOnly() {
    String keyAllowsAll =
        "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"}}";
    KmsRequest random =
        KmsRequest.builder().action("kms:GenerateRandom").principal(SESSION).build();
    assertThat(authorizer(keyAllowsAll).decide(random)).isEqualTo(Decision.Outcome.IMPLICIT_DENY);
    String identity =
        "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"kms:GenerateRandom\",\"Resource\":\"*\"}}";
    assertThat(authorizer(keyAllowsAll, identity).decide(random))
        .isEqualTo(Decision.Outcome.ALLOWED);
  }

  @Test
  void unresolvableVariable_failsClosedInBothEffects() {
    String allow =
        keyPolicy(
            "\"*\"", "{\"StringNotEquals\":{\"kms:EncryptionContext:owner\":\"${aws:username}\"}}");
    KmsRequest withoutUserName =
        decrypt(SESSION).context("kms:EncryptionContext:owner", "bob").build();
    Decision d = authorizer(allow).explain(withoutUserName);
    assertThat(d.outcome()).isEqualTo(Decision.Outcome.IMPLICIT_DENY);
    assertThat(d.statements().get(0).conditions().get(0).unknown()).isTrue();

    String both =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\","
            + "\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\","
            + "\"Condition\":{\"StringEquals\":{\"kms:EncryptionContext:owner\":\"${aws:username}\"}}}]}";
    assertThat(authorizer(both).decide(withoutUserName)).isEqualTo(Decision.Outcome.EXPLICIT_DENY);
  }

  @Test
  void unknownKeyArn_failsClosedForStatementsNamingKeys() {
    String named =
        "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\""
            + KEY
            + "\"}}";
    KmsRequest noKey = KmsRequest.builder().action("kms:Decrypt").principal(SESSION).build();
    assertThat(authorizer(named).decide(noKey)).isEqualTo(Decision.Outcome.IMPLICIT_DENY);
  }

  @Test
  void notPrincipal_exemptsOnlyWhenCallerRoleAndAccountAreNamed() {
    String deny =
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"},"
            + "{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[%s]},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
    String onlyRole = String.format(deny, "\"arn:aws:iam::111122223333:role/enclave-app\"");
    assertThat(authorizer(onlyRole).decide(decrypt(SESSION).build()))
        .isEqualTo(Decision.Outcome.EXPLICIT_DENY);
    String all =
        String.format(
            deny,
            "\""
                + SESSION
                + "\",\"arn:aws:iam::111122223333:role/enclave-app\",\"arn:aws:iam::111122223333:root\"");
    assertThat(authorizer(all).decide(decrypt(SESSION).build()))
        .isEqualTo(Decision.Outcome.ALLOWED);
    assertThat(authorizer(all).decide(decrypt("arn:aws:iam::111122223333:user/mallory").build()))
        .isEqualTo(Decision.Outcome.EXPLICIT_DENY);
  }

  @Test
  void servicePrincipal_matchedByServiceOnly() {
    Authorizer a = authorizer(keyPolicy("{\"Service\":\"cloudtrail.amazonaws.com\"}", ""));
    KmsRequest fromService =
        decrypt("cloudtrail.amazonaws.com").principalType(PrincipalType.SERVICE).build();
    assertThat(a.decide(fromService)).isEqualTo(Decision.Outcome.ALLOWED);
    assertThat(a.decide(decrypt(SESSION).build())).isEqualTo(Decision.Outcome.IMPLICIT_DENY);
  }

  @Test
  void explanation_jsonFollowsTheContract() {
    Authorizer a =
        authorizer(
            keyPolicy(
                "{\"AWS\":\"arn:aws:iam::111122223333:role/enclave-app\"}",
                "{\"StringEqualsIgnoreCase\":{\"kms:RecipientAttestation:ImageSha384\":\""
                    + IMAGE
                    + "\"}}"));
    Decision d =
        a.explain(decrypt(SESSION).context("kms:RecipientAttestation:ImageSha384", IMAGE).build());
    assertThat(d.toJson())
        .isEqualTo(
            "{\"decision\":\"allowed\",\"reason\":\"allowed by key-policy statement `Enclave`\","
                + "\"decisiveStatements\":[{\"policy\":\"key-policy\",\"index\":0,\"sid\":\"Enclave\"}],"
                + "\"statements\":[{\"policy\":\"key-policy\",\"index\":0,\"sid\":\"Enclave\",\"effect\":\"Allow\","
                + "\"matched\":true,\"principal\":true,\"action\":true,\"resource\":true,\"conditions\":["
                + "{\"operator\":\"StringEqualsIgnoreCase\",\"key\":\"kms:RecipientAttestation:ImageSha384\","
                + "\"matched\":true}]}]}");
    Decision none = a.explain(decrypt(SESSION).build());
    assertThat(none.outcome()).isEqualTo(Decision.Outcome.IMPLICIT_DENY);
    assertThat(none.decisiveStatements()).isEmpty();
    assertThat(none.reason())
        .isEqualTo("no key-policy statement allows kms:Decrypt for " + SESSION);
  }

  @Test
  void conditionKeys_caseInsensitive_valuesCaseSensitiveUnderStringEquals() {
    Authorizer a =
        authorizer(
            keyPolicy(
                "\"*\"",
                "{\"StringEquals\":{\"KMS:recipientattestation:imagesha384\":\"" + IMAGE + "\"}}"));
    assertThat(
            a.decide(
                decrypt(SESSION).context("kms:RecipientAttestation:ImageSha384", IMAGE).build()))
        .isEqualTo(Decision.Outcome.ALLOWED);
    assertThat(
            a.decide(
                decrypt(SESSION)
                    .context(
                        "kms:RecipientAttestation:ImageSha384",
                        IMAGE.toUpperCase(java.util.Locale.ROOT))
                    .build()))
        .isEqualTo(Decision.Outcome.IMPLICIT_DENY);
  }
}
