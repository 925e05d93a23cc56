package dev.enclavetrail.policy;

import dev.enclavetrail.core.AttestedOperation;
import dev.enclavetrail.policy.ConditionOperator.Base;
import dev.enclavetrail.policy.ConditionOperator.Family;
import dev.enclavetrail.policy.ConditionOperator.SetQualifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Finds the mistakes that make a key policy of an enclave key weaker than it looks.
 *
 * <table>
 *   <caption>Rules</caption>
 *   <tr><th>code</th><th>severity</th><th>finds</th></tr>
 *   <tr><td>{@code attestation-missing-passes}</td><td>error</td><td>an {@code Allow} whose condition on an
 *       attestation key holds when the request carries no attestation ({@code …IfExists}, or a negated
 *       operator)</td></tr>
 *   <tr><td>{@code attestation-set-operator}</td><td>warning</td><td>{@code ForAnyValue:} or {@code
 *       ForAllValues:} on an attestation key, which is single-valued</td></tr>
 *   <tr><td>{@code attestation-value-format}</td><td>warning</td><td>an attestation value that is not 96
 *       hexadecimal characters, so it cannot match a SHA-384 register</td></tr>
 *   <tr><td>{@code attestation-upper-case}</td><td>error</td><td>upper-case hex under a case-sensitive operator:
 *       KMS supplies lower-case hex, so it never matches</td></tr>
 *   <tr><td>{@code attestation-debug-mode}</td><td>error</td><td>an all-zero measurement in an {@code Allow}: it
 *       admits enclaves started in debug mode, whose attestation proves nothing</td></tr>
 *   <tr><td>{@code attestation-bypass}</td><td>warning</td><td>an {@code Allow} of an attested operation without
 *       any attestation condition, beside statements that require one</td></tr>
 *   <tr><td>{@code attestation-deny-misses-unattested}</td><td>warning</td><td>a {@code Deny} on attestation keys
 *       that does not apply to requests without attestation</td></tr>
 * </table>
 *
 * <p>Instances are stateless and thread-safe.
 */
public final class PolicyLinter {

  private static final String ATTESTATION_PREFIX = "kms:recipientattestation:";

  /** One request per attested operation, to ask whether a statement's actions cover it. */
  private static final List<KmsRequest> ATTESTED_OPERATIONS =
      Arrays.stream(AttestedOperation.values())
          .map(op -> KmsRequest.builder().action(op.action()).principal("probe").build())
          .toList();

  private static final KmsRequest UNATTESTED =
      KmsRequest.builder()
          .action("kms:Decrypt")
          .principal("arn:aws:iam::000000000000:root")
          .build();

  private PolicyLinter() {}

  /** Returns the linter. */
  public static PolicyLinter create() {
    return new PolicyLinter();
  }

  /** Returns the findings for {@code policy}, in statement order. */
  public List<Finding> lint(PolicyDocument policy) {
    List<Finding> findings = new ArrayList<>();
    boolean anyRequiresAttestation = false;
    for (Statement s : policy.statements()) {
      if (s.effect() == Effect.ALLOW && requiresAttestation(s)) {
        anyRequiresAttestation = true;
      }
    }
    for (Statement s : policy.statements()) {
      boolean hasAttestationCondition = false;
      for (Condition c : s.conditions()) {
        if (!isAttestationKey(c.key())) {
          continue;
        }
        hasAttestationCondition = true;
        conditionFindings(s, c, findings);
      }
      if (s.effect() == Effect.DENY && hasAttestationCondition && !appliesWithoutAttestation(s)) {
        findings.add(
            finding(
                Finding.Severity.WARNING,
                "attestation-deny-misses-unattested",
                "this Deny does not apply to requests that carry no attestation document; use a negated operator"
                    + " without IfExists (such as StringNotEqualsIgnoreCase) to deny them too",
                s,
                s.location()));
      }
      if (s.effect() == Effect.ALLOW
          && anyRequiresAttestation
          && !hasAttestationCondition
          && allowsAttestedOperation(s)) {
        findings.add(
            finding(
                Finding.Severity.WARNING,
                "attestation-bypass",
                "this Allow grants an attested operation without any attestation condition, while other"
                    + " statements require attestation: callers can use the key without it",
                s,
                s.location()));
      }
    }
    return findings;
  }

  private static void conditionFindings(Statement s, Condition c, List<Finding> findings) {
    ConditionOperator op = c.operator();
    Base base = op.base();
    if (s.effect() == Effect.ALLOW && base != Base.NULL && holdsWhenAbsent(op)) {
      findings.add(
          finding(
              Finding.Severity.ERROR,
              "attestation-missing-passes",
              "`"
                  + op.text()
                  + "` on `"
                  + c.key()
                  + "` holds when the request carries no attestation"
                  + " document, so this Allow admits requests without attestation",
              s,
              c.location()));
    }
    if (base == Base.NULL && s.effect() == Effect.ALLOW && c.values().contains("true")) {
      findings.add(
          finding(
              Finding.Severity.ERROR,
              "attestation-missing-passes",
              "`Null` true on `" + c.key() + "` admits exactly the requests without attestation",
              s,
              c.location()));
    }
    if (op.qualifier() != SetQualifier.NONE) {
      findings.add(
          finding(
              Finding.Severity.WARNING,
              "attestation-set-operator",
              "`"
                  + op.qualifier().text()
                  + ":` on the single-valued key `"
                  + c.key()
                  + "`: set operators on single-valued keys can be more permissive than intended",
              s,
              c.location()));
    }
    if (base.family() != Family.STRING || base == Base.NULL) {
      return;
    }
    boolean caseSensitive =
        base != Base.STRING_EQUALS_IGNORE_CASE && base != Base.STRING_NOT_EQUALS_IGNORE_CASE;
    for (String v : c.values()) {
      boolean pattern = base == Base.STRING_LIKE || base == Base.STRING_NOT_LIKE;
      if (!isHex96(v) && !(pattern && v.contains("*"))) {
        findings.add(
            finding(
                Finding.Severity.WARNING,
                "attestation-value-format",
                "value `"
                    + Node.excerpt(v)
                    + "` of `"
                    + c.key()
                    + "` is not 96 hexadecimal characters,"
                    + " so it cannot match a SHA-384 measurement",
                s,
                c.location()));
      } else if (caseSensitive && !v.equals(v.toLowerCase(Locale.ROOT))) {
        findings.add(
            finding(
                Finding.Severity.ERROR,
                "attestation-upper-case",
                "value of `"
                    + c.key()
                    + "` has upper-case hex under the case-sensitive `"
                    + op.text()
                    + "`; KMS supplies lower-case hex, so it never matches (use StringEqualsIgnoreCase)",
                s,
                c.location()));
      }
      if (s.effect() == Effect.ALLOW
          && !base.isNegated()
          && isHex96(v)
          && v.chars().allMatch(ch -> ch == '0')) {
        findings.add(
            finding(
                Finding.Severity.ERROR,
                "attestation-debug-mode",
                "all-zero `"
                    + c.key()
                    + "` admits enclaves run in debug mode, whose attestation proves nothing",
                s,
                c.location()));
      }
    }
  }

  /** Whether a condition with this operator holds for a request that lacks the key. */
  private static boolean holdsWhenAbsent(ConditionOperator op) {
    if (op.ifExists()) {
      return true;
    }
    return switch (op.qualifier()) {
      case FOR_ALL_VALUES -> true;
      case FOR_ANY_VALUE -> false;
      case NONE -> op.base().isNegated();
    };
  }

  /** Whether the statement's attestation conditions all hold for a request without attestation. */
  private static boolean appliesWithoutAttestation(Statement s) {
    for (Condition c : s.conditions()) {
      if (isAttestationKey(c.key()) && c.evaluate(UNATTESTED) == Condition.NO_MATCH) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether some attestation condition of the statement fails for a request without attestation.
   */
  private static boolean requiresAttestation(Statement s) {
    return !appliesWithoutAttestation(s);
  }

  private static boolean allowsAttestedOperation(Statement s) {
    for (KmsRequest probe : ATTESTED_OPERATIONS) {
      if (s.actionMatches(probe)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAttestationKey(String key) {
    return key.toLowerCase(Locale.ROOT).startsWith(ATTESTATION_PREFIX);
  }

  private static boolean isHex96(String v) {
    if (v.length() != 96) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      if (Character.digit(v.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static Finding finding(
      Finding.Severity severity, String code, String message, Statement s, Location location) {
    return new Finding(severity, code, message, s.index(), s.sid(), location);
  }
}
