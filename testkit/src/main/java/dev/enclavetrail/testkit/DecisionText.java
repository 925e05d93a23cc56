package dev.enclavetrail.testkit;

import dev.enclavetrail.policy.Decision;
import java.util.ArrayList;
import java.util.List;

/**
 * The explanation of a {@link Decision} that assertion failures print: the outcome and reason, then
 * one line per statement considered, saying whether it applied and what matched.
 *
 * <pre>{@code
 * implicitDeny: no key-policy statement allows kms:Decrypt for arn:aws:sts::…
 *   key-policy statement `Enclave` (Allow) does not apply: principal matched, action matched,
 *       resource matched, StringEqualsIgnoreCase kms:RecipientAttestation:ImageSha384 not matched
 * }</pre>
 */
final class DecisionText {

  private DecisionText() {}

  /** Returns the outcome, the reason and a line per statement. */
  static String explain(Decision decision) {
    StringBuilder b =
        new StringBuilder(decision.outcome().text()).append(": ").append(decision.reason());
    for (Decision.StatementResult s : decision.statements()) {
      b.append("\n  ")
          .append(label(s))
          .append(" (")
          .append(s.effect().text())
          .append(s.matched() ? ") applies: " : ") does not apply: ")
          .append(String.join(", ", matches(s)));
    }
    return b.toString();
  }

  /** Returns {@code key-policy statement `Sid`}, or the index when the statement has no Sid. */
  static String label(Decision.StatementResult s) {
    return s.policy()
        + " statement "
        + s.sid().map(sid -> "`" + sid + "`").orElse(Integer.toString(s.index()));
  }

  /** Returns the labels of {@code statements}, comma-separated, or {@code none}. */
  static String labels(List<Decision.StatementResult> statements) {
    List<String> out = new ArrayList<>();
    statements.forEach(s -> out.add(label(s)));
    return out.isEmpty() ? "none" : String.join(", ", out);
  }

  private static List<String> matches(Decision.StatementResult s) {
    List<String> out = new ArrayList<>();
    s.principalMatched().ifPresent(p -> out.add("principal " + matched(p)));
    out.add("action " + matched(s.actionMatched()));
    out.add("resource " + matched(s.resourceMatched()));
    for (Decision.ConditionResult c : s.conditions()) {
      out.add(
          c.operator() + " " + c.key() + " " + (c.unknown() ? "unknown" : matched(c.matched())));
    }
    return out;
  }

  private static String matched(boolean matched) {
    return matched ? "matched" : "not matched";
  }
}
