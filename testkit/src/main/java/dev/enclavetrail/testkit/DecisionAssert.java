package dev.enclavetrail.testkit;

import dev.enclavetrail.policy.Decision;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on a {@link Decision} of the policy evaluator: its outcome, the statements that
 * decided it, and the conditions that did not match. Every failure prints the decision's
 * explanation, one line per statement considered.
 *
 * <pre>{@code
 * assertThat(authorizer.explain(KmsRequest.from(record)))
 *     .isAllowed()
 *     .byStatement("Enable enclave data processing");
 * assertThat(authorizer.explain(KmsRequest.from(otherImage)))
 *     .isImplicitlyDenied()
 *     .hasUnmatchedCondition("Enable enclave data processing", "kms:RecipientAttestation:ImageSha384");
 * }</pre>
 */
public final class DecisionAssert extends AbstractAssert<DecisionAssert, Decision> {

  DecisionAssert(@Nullable Decision actual) {
    super(actual, DecisionAssert.class);
  }

  /** Verifies that the request is {@code allowed}. */
  public DecisionAssert isAllowed() {
    return hasOutcome(Decision.Outcome.ALLOWED);
  }

  /**
   * Verifies that an applicable {@code Deny} statement denied the request: {@code explicitDeny}.
   */
  public DecisionAssert isExplicitlyDenied() {
    return hasOutcome(Decision.Outcome.EXPLICIT_DENY);
  }

  /** Verifies that nothing allowed the request and nothing denied it: {@code implicitDeny}. */
  public DecisionAssert isImplicitlyDenied() {
    return hasOutcome(Decision.Outcome.IMPLICIT_DENY);
  }

  /** Verifies that the request is denied, explicitly or implicitly. */
  public DecisionAssert isDenied() {
    isNotNull();
    if (actual.isAllowed()) {
      failWithMessage(
          "%nExpecting the request to be denied, but the decision was%n%s", explanation());
    }
    return myself;
  }

  /** Verifies the outcome. */
  public DecisionAssert hasOutcome(Decision.Outcome expected) {
    Objects.requireNonNull(expected, "expected");
    isNotNull();
    if (actual.outcome() != expected) {
      failWithMessage(
          "%nExpecting the decision to be %s, but it was%n%s", expected.text(), explanation());
    }
    return myself;
  }

  /**
   * Verifies that the statement with {@code Sid} {@code sid}, in any policy, is among the decisive
   * statements: one that allowed the request, or one that denied it.
   */
  public DecisionAssert byStatement(String sid) {
    Objects.requireNonNull(sid, "sid");
    isNotNull();
    List<Decision.StatementResult> decisive = actual.decisiveStatements();
    if (decisive.stream().noneMatch(s -> s.sid().filter(sid::equals).isPresent())) {
      failDecisive("statement `" + sid + "`");
    }
    return myself;
  }

  /**
   * Verifies that the key-policy statement at {@code index} (0-based) is among the decisive
   * statements.
   */
  public DecisionAssert byStatement(int index) {
    isNotNull();
    if (actual.decisiveStatements().stream()
        .noneMatch(s -> s.index() == index && s.policy().equals("key-policy"))) {
      failDecisive("key-policy statement " + index);
    }
    return myself;
  }

  /** Verifies that the one-line reason contains {@code text}. */
  public DecisionAssert hasReasonContaining(String text) {
    Objects.requireNonNull(text, "text");
    isNotNull();
    if (!actual.reason().contains(text)) {
      failWithMessage(
          "%nExpecting the reason of the decision to contain%n  %s%nbut the decision was%n%s",
          text, explanation());
    }
    return myself;
  }

  /**
   * Verifies that a statement with {@code Sid} {@code sid} was considered and that its condition on
   * {@code conditionKey} (matched case-insensitively, as AWS does) did not hold: what keeps an
   * attested statement from applying to an image it does not name.
   */
  public DecisionAssert hasUnmatchedCondition(String sid, String conditionKey) {
    Objects.requireNonNull(sid, "sid");
    String key = conditionKey.toLowerCase(Locale.ROOT);
    isNotNull();
    List<Decision.StatementResult> named =
        actual.statements().stream().filter(s -> s.sid().filter(sid::equals).isPresent()).toList();
    if (named.isEmpty()) {
      failWithMessage(
          "%nExpecting statement `%s` to have been considered, but the decision was%n%s",
          sid, explanation());
    }
    List<Decision.ConditionResult> conditions =
        named.stream()
            .flatMap(s -> s.conditions().stream())
            .filter(c -> c.key().toLowerCase(Locale.ROOT).equals(key))
            .toList();
    if (conditions.isEmpty()) {
      failWithMessage(
          "%nExpecting statement `%s` to have a condition on %s, but the decision was%n%s",
          sid, conditionKey, explanation());
    }
    if (conditions.stream().allMatch(Decision.ConditionResult::matched)) {
      failWithMessage(
          "%nExpecting the condition on %s of statement `%s` not to match, but it matched;"
              + " the decision was%n%s",
          conditionKey, sid, explanation());
    }
    return myself;
  }

  private void failDecisive(String expected) {
    failWithMessage(
        "%nExpecting the decision to be made by %s, but the decisive statements were %s;"
            + " the decision was%n%s",
        expected, DecisionText.labels(actual.decisiveStatements()), explanation());
  }

  private String explanation() {
    return DecisionText.explain(actual);
  }
}
