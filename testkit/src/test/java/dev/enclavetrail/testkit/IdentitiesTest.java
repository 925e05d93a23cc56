package dev.enclavetrail.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enclavetrail.core.UserIdentity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdentitiesTest {

  private static final String ACCOUNT = "111122223333";
  private static final Instant CREATED = Instant.parse("2025-01-06T09:00:00Z");

  @Test
  void iamUser_name_userArnAndLongTermKey() {
    UserIdentity u = Identities.iamUser(ACCOUNT, "Alice");

    assertThat(u.type()).contains("IAMUser");
    assertThat(u.arn()).contains("arn:aws:iam::111122223333:user/Alice");
    assertThat(u.principalId().orElseThrow()).matches("AIDA[A-Z2-7]{17}");
    assertThat(u.accessKeyId().orElseThrow()).matches("AKIA[A-Z2-7]{16}");
    assertThat(u.userName()).contains("Alice");
    assertThat(u.json().names())
        .containsExactly("type", "principalId", "arn", "accountId", "accessKeyId", "userName");
  }

  @Test
  void iamUser_sameName_sameIds() {
    assertThat(Identities.iamUser(ACCOUNT, "Alice"))
        .isEqualTo(Identities.iamUser(ACCOUNT, "Alice"));
    assertThat(Identities.iamUser(ACCOUNT, "Bob").principalId())
        .isNotEqualTo(Identities.iamUser(ACCOUNT, "Alice").principalId());
  }

  @Test
  void root_account_rootArn() {
    UserIdentity u = Identities.root(ACCOUNT);

    assertThat(u.type()).contains("Root");
    assertThat(u.arn()).contains("arn:aws:iam::111122223333:root");
    assertThat(u.principalId()).contains(ACCOUNT);
  }

  @Test
  void assumedRole_session_stsArnAndRoleIssuer() {
    UserIdentity u = Identities.assumedRole(ACCOUNT, "deploy", "ci", CREATED);

    assertThat(u.isAssumedRole()).isTrue();
    assertThat(u.arn()).contains("arn:aws:sts::111122223333:assumed-role/deploy/ci");
    assertThat(u.principalId().orElseThrow()).matches("AROA[A-Z2-7]{17}:ci");
    assertThat(u.accessKeyId().orElseThrow()).startsWith("ASIA");
    assertThat(u.sessionContext().orElseThrow().sessionIssuer().orElseThrow().arn())
        .contains("arn:aws:iam::111122223333:role/deploy");
    assertThat(u.sessionContext().orElseThrow().attributes().orElseThrow().creationDate())
        .contains(CREATED);
    assertThat(u.sessionContext().orElseThrow().ec2RoleDelivery()).isEmpty();
  }

  @Test
  void ec2Instance_instance_sessionNamedAfterInstanceWithImdsV2() {
    UserIdentity u = Identities.ec2Instance(ACCOUNT, "data-processing", "i-0abc", CREATED);

    assertThat(u.arn()).contains("arn:aws:sts::111122223333:assumed-role/data-processing/i-0abc");
    assertThat(u.sessionContext().orElseThrow().ec2RoleDelivery()).contains("2.0");
  }

  @Test
  void awsService_service_invokedByOnly() {
    UserIdentity u = Identities.awsService("cloudtrail.amazonaws.com");

    assertThat(u.type()).contains("AWSService");
    assertThat(u.invokedBy()).contains("cloudtrail.amazonaws.com");
    assertThat(u.json().size()).isEqualTo(2);
  }

  @Test
  void invokedBy_iamUser_addsServiceLast() {
    UserIdentity u =
        Identities.invokedBy(Identities.iamUser(ACCOUNT, "Alice"), "secretsmanager.amazonaws.com");

    assertThat(u.invokedBy()).contains("secretsmanager.amazonaws.com");
    assertThat(u.json().names()).last().isEqualTo("invokedBy");
    assertThat(u.userName()).contains("Alice");
  }

  @Test
  void federatedUser_issuer_federatedArnAndIamUserIssuer() {
    UserIdentity u = Identities.federatedUser(ACCOUNT, "Bob", "alice-fed", CREATED);

    assertThat(u.type()).contains("FederatedUser");
    assertThat(u.arn()).contains("arn:aws:sts::111122223333:federated-user/alice-fed");
    assertThat(u.principalId()).contains("111122223333:alice-fed");
    assertThat(u.sessionContext().orElseThrow().sessionIssuer().orElseThrow().type())
        .contains("IAMUser");
  }

  @Test
  void identityCenterUser_user_onBehalfOfAndCredentialId() {
    UserIdentity u = Identities.identityCenterUser(ACCOUNT, "544894e8-80c1", "d-1234567890");

    assertThat(u.type()).contains("IdentityCenterUser");
    assertThat(u.onBehalfOf().orElseThrow().userId()).contains("544894e8-80c1");
    assertThat(u.onBehalfOf().orElseThrow().identityStoreArn())
        .contains("arn:aws:identitystore::111122223333:identitystore/d-1234567890");
    assertThat(u.credentialId()).isPresent();
    assertThat(u.arn()).isEmpty();
  }

  @Test
  void webIdentityUser_provider_identityProviderAndPrincipal() {
    UserIdentity u = Identities.webIdentityUser("accounts.google.com", "app-1", "1234");

    assertThat(u.type()).contains("WebIdentityUser");
    assertThat(u.identityProvider()).contains("accounts.google.com");
    assertThat(u.principalId()).contains("accounts.google.com:app-1:1234");
    assertThat(u.userName()).contains("1234");
  }
}
