package dev.enclavetrail.policy;

import dev.enclavetrail.core.json.JsonArray;
import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * What the policies say about one request, and why: the outcome, a one-line reason, the statements
 * that decided it, and for every statement considered whether its principal, action, resource and
 * each condition matched.
 *
 * <p>{@link #toJson()} gives the decision JSON of the {@code evaluate} command.
 */
public final class Decision {

  /** The three outcomes, in AWS's words. */
  public enum Outcome {
    /** An applicable statement allows, and none denies. */
    ALLOWED("allowed"),
    /** An applicable {@code Deny} statement in any policy. */
    EXPLICIT_DENY("explicitDeny"),
    /** Nothing allows the request (the default). */
    IMPLICIT_DENY("implicitDeny");

    private final String text;

    Outcome(String text) {
      this.text = text;
    }

    /**
     * Returns the name in decision JSON: {@code allowed}, {@code explicitDeny} or {@code
     * implicitDeny}.
     */
    public String text() {
      return text;
    }
  }

  /**
   * How one condition evaluated.
   *
   * @param operator the operator as written
   * @param key the context key as written
   * @param matched true if the condition holds
   * @param unknown true if it could not be decided (a policy variable or request value that cannot
   *     be used); such a condition never lets an {@code Allow} apply and always lets a {@code Deny}
   *     apply
   */
  public record ConditionResult(String operator, String key, boolean matched, boolean unknown) {}

  /**
   * How one statement evaluated.
   *
   * @param policy {@code key-policy} or {@code identity-policy-N} (0-based)
   * @param index 0-based position of the statement in its policy
   * @param sid the statement's {@code Sid}
   * @param effect the statement's effect
   * @param principalMatched whether the principal block matched the caller; empty for identity
   *     policies
   * @param actionMatched whether the action matched
   * @param resourceMatched whether the key matched the resources
   * @param conditions each condition, in order
   * @param matched whether the statement applies to the request
   */
  public record StatementResult(
      String policy,
      int index,
      Optional<String> sid,
      Effect effect,
      Optional<Boolean> principalMatched,
      boolean actionMatched,
      boolean resourceMatched,
      List<ConditionResult> conditions,
      boolean matched) {

    /** Copies the list of conditions. */
    public StatementResult {
      conditions = List.copyOf(conditions);
    }

    JsonObject reference() {
      JsonObject.Builder b = JsonObject.builder().put("policy", policy).put("index", index);
      sid.ifPresent(s -> b.put("sid", s));
      return b.build();
    }

    JsonObject toJson() {
      JsonObject.Builder b = JsonObject.builder().put("policy", policy).put("index", index);
      sid.ifPresent(s -> b.put("sid", s));
      b.put("effect", effect.text()).put("matched", matched);
      principalMatched.ifPresent(p -> b.put("principal", p));
      b.put("action", actionMatched).put("resource", resourceMatched);
      b.put(
          "conditions",
          JsonArray.of(
              conditions.stream()
                  .map(
                      c -> {
                        JsonObject.Builder cb =
                            JsonObject.builder()
                                .put("operator", c.operator())
                                .put("key", c.key())
                                .put("matched", c.matched());
                        if (c.unknown()) {
                          cb.put("unknown", true);
                        }
                        return (JsonValue) cb.build();
                      })
                  .toList()));
      return b.build();
    }
  }

  private final Outcome outcome;
  private final String reason;
  private final List<StatementResult> decisiveStatements;
  private final List<StatementResult> statements;

  Decision(
      Outcome outcome,
      String reason,
      List<StatementResult> decisiveStatements,
      List<StatementResult> statements) {
    this.outcome = outcome;
    this.reason = reason;
    this.decisiveStatements = List.copyOf(decisiveStatements);
    this.statements = List.copyOf(statements);
  }

  /** Returns the outcome. */
  public Outcome outcome() {
    return outcome;
  }

  /** Returns true if the request is allowed. */
  public boolean isAllowed() {
    return outcome == Outcome.ALLOWED;
  }

  /** Returns a one-line reason, such as {@code allowed by key-policy statement `Enclave`}. */
  public String reason() {
    return reason;
  }

  /**
   * Returns the statements that decided: the denying ones, or those that together allowed; empty
   * otherwise.
   */
  public List<StatementResult> decisiveStatements() {
    return decisiveStatements;
  }

  /** Returns every statement considered, key policy first. */
  public List<StatementResult> statements() {
    return statements;
  }

  /** Returns the decision JSON of the {@code evaluate} command, on one line. */
  public String toJson() {
    return json().toString();
  }

  /** Returns the decision JSON of the {@code evaluate} command as a JSON object. */
  public JsonObject json() {
    return JsonObject.builder()
        .put("decision", outcome.text())
        .put("reason", reason)
        .put(
            "decisiveStatements",
            JsonArray.of(decisiveStatements.stream().map(s -> (JsonValue) s.reference()).toList()))
        .put(
            "statements",
            JsonArray.of(statements.stream().map(s -> (JsonValue) s.toJson()).toList()))
        .build();
  }

  @Override
  public String toString() {
    return outcome.text() + ": " + reason;
  }
}
