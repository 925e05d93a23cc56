package dev.enclavetrail.testkit;

import dev.enclavetrail.core.AttestedOperation;
import dev.enclavetrail.core.EnclaveMeasurements;
import dev.enclavetrail.core.Measurement;
import dev.enclavetrail.core.json.JsonArray;
import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonValue;
import dev.enclavetrail.policy.Effect;
import dev.enclavetrail.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builders of AWS KMS key policies for attested requests, shaped like the examples of the AWS KMS
 * and Nitro Enclaves guides: the account statement that lets IAM policies grant access, a key
 * administrators statement, statements that allow an enclave's role to use the key only with an
 * attestation document of given measurements, and optional {@code Deny} statements.
 *
 * <p>The defaults line up with {@link KmsRecords}: account {@value RecordBuilder#DEFAULT_ACCOUNT}
 * and enclave role {@code arn:aws:iam::111122223333:role/}{@value KmsRecords#DEFAULT_ROLE_NAME}, so
 * a policy that allows an image allows the records built for that image. Measurements are written
 * in lower-case hex under {@code StringEqualsIgnoreCase}, as AWS's examples do. Statements come in
 * this order: the account statement, the key administrators, then the others in the order they were
 * added. {@link Builder#build()} reads the policy back with {@link PolicyDocument#readKeyPolicy},
 * so a builder never returns a policy the evaluator would reject; the same settings give the same
 * JSON in every run.
 *
 * <pre>{@code
 * EnclaveMeasurements m = FakeMeasurements.forName("payments-enclave");
 * PolicyDocument policy = KeyPolicies.builder()
 *     .adminRole("arn:aws:iam::111122223333:role/KeyAdmin")
 *     .enclaveRole("arn:aws:iam::111122223333:role/data-processing")
 *     .allowEnclave(m, AttestedOperation.DECRYPT, AttestedOperation.GENERATE_DATA_KEY)
 *     .denyUnattested(AttestedOperation.DECRYPT)
 *     .build();
 * Decision d = Authorizer.of(policy, List.of())
 *     .explain(KmsRequest.from(KmsRecords.decrypt().enclave(m).build()));
 * // allowed by key-policy statement `Enable enclave data processing`
 * }</pre>
 */
public final class KeyPolicies {

  /** The {@code Sid} of the statement that lets the account's IAM policies grant access. */
  public static final String ACCOUNT_SID = "Enable IAM User Permissions";

  /** The {@code Sid} of the key administrators statement. */
  public static final String ADMIN_SID = "Allow access for Key Administrators";

  /** The {@code Sid} of {@link Builder#allowEnclave}, as in AWS's example. */
  public static final String ENCLAVE_SID = "Enable enclave data processing";

  /** The {@code Sid} of {@link Builder#allowNitroTpm}, as in AWS's example. */
  public static final String NITRO_TPM_SID = "Enable NitroTPM data processing";

  /** The {@code Sid} of {@link Builder#denyUnattested}. */
  public static final String DENY_UNATTESTED_SID = "Deny use without an enclave attestation";

  /** The {@code Sid} of {@link Builder#denyOtherImages}. */
  public static final String DENY_OTHER_IMAGES_SID = "Deny other enclave images";

  /** The {@code Sid} of {@link Builder#denyDebugMode}. */
  public static final String DENY_DEBUG_MODE_SID = "Deny debug-mode enclaves";

  /** The policy {@code Version}. */
  public static final String VERSION = "2012-10-17";

  /**
   * What the key administrators may do: the actions of the AWS console's default key policy, which
   * manage the key but never use it.
   */
  static final List<String> ADMIN_ACTIONS =
      List.of(
          "kms:Create*",
          "kms:Describe*",
          "kms:Enable*",
          "kms:List*",
          "kms:Put*",
          "kms:Update*",
          "kms:Revoke*",
          "kms:Disable*",
          "kms:Get*",
          "kms:Delete*",
          "kms:TagResource",
          "kms:UntagResource",
          "kms:ScheduleKeyDeletion",
          "kms:CancelKeyDeletion",
          "kms:RotateKeyOnDemand");

  private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
  private static final String EVERYONE = "*";

  private KeyPolicies() {}

  /** Returns a builder of a key policy of account {@value RecordBuilder#DEFAULT_ACCOUNT}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Sets the account, principals and statements of a key policy; see {@link KeyPolicies}. */
  public static final class Builder {
    private String account = RecordBuilder.DEFAULT_ACCOUNT;
    private @Nullable String id;
    private boolean accountStatement = true;
    private final List<String> adminRoles = new ArrayList<>();
    private @Nullable String enclaveRole;

    /** The added statements, each written once the enclave role (the argument) is known. */
    private final List<Function<String, JsonObject>> statements = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the account of the key: the account principal {@code arn:aws:iam::ACCOUNT:root} and the
     * default enclave role.
     *
     * @throws IllegalArgumentException if {@code account} is not 12 digits
     */
    public Builder account(String account) {
      if (!ACCOUNT.matcher(account).matches()) {
        throw new IllegalArgumentException("an AWS account id is 12 digits, not `" + account + "`");
      }
      this.account = account;
      return this;
    }

    /** Sets the policy {@code Id}, such as {@code key-default-1}; none unless set. */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id");
      return this;
    }

    /**
     * Leaves out the statement {@value KeyPolicies#ACCOUNT_SID} that allows {@code kms:*} to the
     * account principal, so that no IAM policy can grant use of the key.
     */
    public Builder withoutAccountStatement() {
      this.accountStatement = false;
      return this;
    }

    /**
     * Adds a key administrator: a principal of the statement {@value KeyPolicies#ADMIN_SID}, which
     * may manage the key (the console's administrator actions) but not use it.
     */
    public Builder adminRole(String roleArn) {
      adminRoles.add(Objects.requireNonNull(roleArn, "roleArn"));
      return this;
    }

    /**
     * Sets the principal of the attested {@code Allow} statements: the IAM role of the enclave's
     * parent instance (or of the NitroTPM instance); {@code
     * arn:aws:iam::ACCOUNT:role/data-processing} unless set.
     */
    public Builder enclaveRole(String roleArn) {
      this.enclaveRole = Objects.requireNonNull(roleArn, "roleArn");
      return this;
    }

    /**
     * Allows {@code operations} to the enclave role when the image digest is that of {@code image}:
     * the statement {@value KeyPolicies#ENCLAVE_SID} of AWS's example, with a {@code
     * kms:RecipientAttestation:ImageSha384} condition.
     */
    public Builder allowEnclave(EnclaveMeasurements image, AttestedOperation... operations) {
      return allowAttested(ENCLAVE_SID, AttestationCondition.image(image), operations);
    }

    /**
     * Allows {@code operations} to the enclave role when the NitroTPM PCRs are {@code pcrs}: the
     * statement {@value KeyPolicies#NITRO_TPM_SID} with a {@code
     * kms:RecipientAttestation:NitroTPMPCR<n>} condition for each.
     */
    public Builder allowNitroTpm(Map<Integer, Measurement> pcrs, AttestedOperation... operations) {
      return allowAttested(NITRO_TPM_SID, AttestationCondition.nitroTpm(pcrs), operations);
    }

    /**
     * Allows {@code operations} to the enclave role when the attestation document satisfies {@code
     * condition}, in a statement named {@code sid}.
     *
     * @throws IllegalArgumentException if no operation is given
     */
    public Builder allowAttested(
        String sid, AttestationCondition condition, AttestedOperation... operations) {
      Objects.requireNonNull(sid, "sid");
      List<AttestedOperation> ops = operations(operations);
      JsonObject block = condition("StringEqualsIgnoreCase", condition);
      statements.add(
          role -> statement(sid, Effect.ALLOW, principal(List.of(role)), actions(ops), block));
      return this;
    }

    /**
     * Denies {@code operations} to everyone when the request carries no enclave attestation
     * document: a {@code Null} condition on {@code kms:RecipientAttestation:ImageSha384}. NitroTPM
     * requests carry no image digest, so this denies them too.
     */
    public Builder denyUnattested(AttestedOperation... operations) {
      JsonObject condition =
          JsonObject.builder()
              .put(
                  "Null",
                  JsonObject.builder().put(AttestationCondition.IMAGE_SHA384, "true").build())
              .build();
      return denyEveryone(DENY_UNATTESTED_SID, operations, condition);
    }

    /**
     * Denies {@code operations} to everyone unless the image digest is that of one of {@code
     * images}: {@code StringNotEqualsIgnoreCase} on {@code kms:RecipientAttestation:ImageSha384},
     * which also denies requests without an enclave attestation (the key is then absent).
     */
    public Builder denyOtherImages(
        List<EnclaveMeasurements> images, AttestedOperation... operations) {
      AttestationCondition allowed =
          AttestationCondition.image(images.toArray(new EnclaveMeasurements[0]));
      return denyEveryone(
          DENY_OTHER_IMAGES_SID, operations, condition("StringNotEqualsIgnoreCase", allowed));
    }

    /**
     * Denies {@code operations} to everyone when the image digest is all zeros: an enclave run with
     * {@code --debug-mode}, whose attestation proves nothing.
     */
    public Builder denyDebugMode(AttestedOperation... operations) {
      String zero = Measurement.zero(Measurement.Encoding.HEX).text();
      JsonObject condition =
          JsonObject.builder()
              .put(
                  "StringEqualsIgnoreCase",
                  JsonObject.builder().put(AttestationCondition.IMAGE_SHA384, zero).build())
              .build();
      return denyEveryone(DENY_DEBUG_MODE_SID, operations, condition);
    }

    private Builder denyEveryone(String sid, AttestedOperation[] operations, JsonObject condition) {
      List<AttestedOperation> ops = operations(operations);
      statements.add(
          role -> statement(sid, Effect.DENY, JsonValue.of(EVERYONE), actions(ops), condition));
      return this;
    }

    /**
     * Adds any statement as it is, for what the other methods do not write (the reader checks it
     * when the policy is built).
     */
    public Builder statement(JsonObject statement) {
      Objects.requireNonNull(statement, "statement");
      statements.add(role -> statement);
      return this;
    }

    /**
     * Returns the policy, read back by the strict key-policy reader.
     *
     * @throws IllegalStateException if two statements have the same {@code Sid}
     * @throws dev.enclavetrail.policy.PolicyParseException if a statement given to {@link
     *     #statement(JsonObject)} is not one the reader accepts
     */
    public PolicyDocument build() {
      return PolicyDocument.readKeyPolicy(toJson());
    }

    /**
     * Returns the policy as compact JSON, members in the order AWS writes them ({@code Sid}, {@code
     * Effect}, {@code Principal}, {@code Action}, {@code Resource}, {@code Condition}).
     *
     * @throws IllegalStateException if two statements have the same {@code Sid}
     */
    public String toJson() {
      List<JsonValue> out = new ArrayList<>();
      if (accountStatement) {
        out.add(
            statement(
                ACCOUNT_SID,
                Effect.ALLOW,
                principal(List.of("arn:aws:iam::" + account + ":root")),
                JsonValue.of("kms:*"),
                null));
      }
      if (!adminRoles.isEmpty()) {
        out.add(
            statement(
                ADMIN_SID,
                Effect.ALLOW,
                principal(adminRoles),
                JsonArray.ofStrings(ADMIN_ACTIONS),
                null));
      }
      String role =
          enclaveRole != null
              ? enclaveRole
              : "arn:aws:iam::" + account + ":role/" + KmsRecords.DEFAULT_ROLE_NAME;
      for (Function<String, JsonObject> s : statements) {
        out.add(s.apply(role));
      }
      checkSids(out);
      JsonObject.Builder policy = JsonObject.builder().put("Version", VERSION);
      if (id != null) {
        policy.put("Id", id);
      }
      return policy.put("Statement", JsonArray.of(out)).build().toString();
    }

    private static JsonObject statement(
        String sid,
        Effect effect,
        JsonValue principal,
        JsonValue action,
        @Nullable JsonObject condition) {
      JsonObject.Builder b =
          JsonObject.builder()
              .put("Sid", sid)
              .put("Effect", effect.text())
              .put("Principal", principal)
              .put("Action", action)
              .put("Resource", "*");
      if (condition != null) {
        b.put("Condition", condition);
      }
      return b.build();
    }

    private static JsonObject principal(List<String> arns) {
      return JsonObject.builder().put("AWS", oneOrMany(arns)).build();
    }

    private static JsonValue actions(List<AttestedOperation> operations) {
      return oneOrMany(operations.stream().map(AttestedOperation::action).toList());
    }

    /** A single value as a string, several as an array, as AWS writes them. */
    private static JsonValue oneOrMany(List<String> values) {
      return values.size() == 1 ? JsonValue.of(values.get(0)) : JsonArray.ofStrings(values);
    }

    private static JsonObject condition(String operator, AttestationCondition condition) {
      JsonObject.Builder keys = JsonObject.builder();
      condition.values().forEach((key, values) -> keys.put(key, oneOrMany(values)));
      return JsonObject.builder().put(operator, keys.build()).build();
    }

    private static List<AttestedOperation> operations(AttestedOperation... operations) {
      if (operations.length == 0) {
        throw new IllegalArgumentException("a statement needs at least one operation");
      }
      return List.copyOf(new LinkedHashSet<>(List.of(operations)));
    }

    private static void checkSids(List<JsonValue> statements) {
      Set<String> seen = new HashSet<>();
      for (JsonValue s : statements) {
        ((JsonObject) s)
            .getString("Sid")
            .filter(sid -> !seen.add(sid))
            .ifPresent(
                sid -> {
                  throw new IllegalStateException("two statements have the Sid `" + sid + "`");
                });
      }
    }
  }
}
