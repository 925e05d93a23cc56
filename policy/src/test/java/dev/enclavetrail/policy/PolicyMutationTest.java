package dev.enclavetrail.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random edits of valid policies (seeded, reproducible): each mutant is either rejected when read,
 * with a {@link PolicyParseException}, or read and then evaluated without throwing, {@code decide}
 * agreeing with {@code explain}. Nothing else may happen.
 */
class PolicyMutationTest {

  private static final String[] FRAGMENTS = {
    "\"",
    ",",
    ":",
    "{",
    "}",
    "[",
    "]",
    "*",
    "?",
    "${",
    "}",
    "\\",
    "null",
    "true",
    "1e999",
    "-0",
    "IfExists",
    "ForAnyValue:",
    "ForAllValues:",
    "Not",
    "\"Deny\"",
    "\"Allow\"",
    "kms:*",
    "\u00e9",
    "\u0000",
  };

  @ParameterizedTest
  @ValueSource(longs = {1L, 2L, 3L, 20261204L})
  void mutatedPolicies_rejectedOrEvaluated_neverAnythingElse(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<PolicyCasesTest.Case> cases =
        PolicyCasesTest.cases().stream().filter(c -> !c.expect().equals("rejected")).toList();
    int rejected = 0;
    int evaluated = 0;
    for (int i = 0; i < 1500; i++) {
      PolicyCasesTest.Case c = cases.get(random.nextInt(cases.size()));
      String mutant = mutate(c.part("keyPolicy"), random);
      KmsRequest request = KmsRequest.readJson(c.part("request"));
      PolicyDocument policy;
      try {
        policy = PolicyDocument.readKeyPolicy(mutant);
      } catch (PolicyParseException e) {
        assertThat(e.getMessage()).doesNotContain("\n");
        rejected++;
        continue;
      } catch (RuntimeException e) {
        throw new AssertionError(
            "seed " + seed + ", mutant " + i + " of " + c.id() + " threw " + e + ": " + mutant, e);
      }
      try {
        Authorizer a = Authorizer.of(policy, List.of());
        Decision d = a.explain(request);
        if (a.decide(request) != d.outcome()) {
          fail(
              "seed %d, mutant %d of %s: decide and explain disagree: %s", seed, i, c.id(), mutant);
        }
        PolicyLinter.create().lint(policy);
        evaluated++;
      } catch (RuntimeException e) {
        throw new AssertionError(
            "seed " + seed + ", mutant " + i + " of " + c.id() + " failed to evaluate: " + mutant,
            e);
      }
    }
    assertThat(rejected).as("seed %d: some mutants rejected", seed).isPositive();
    assertThat(evaluated).as("seed %d: some mutants evaluated", seed).isPositive();
  }

  private static String mutate(String policy, SplittableRandom random) {
    StringBuilder s = new StringBuilder(policy);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && s.length() > 0; e++) {
      int at = random.nextInt(s.length());
      switch (random.nextInt(5)) {
        case 0 -> s.deleteCharAt(at);
        case 1 -> s.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        case 2 -> s.setCharAt(at, (char) (' ' + random.nextInt(95)));
        case 3 -> {
          char ch = s.charAt(at);
          s.setCharAt(
              at,
              Character.isUpperCase(ch) ? Character.toLowerCase(ch) : Character.toUpperCase(ch));
        }
        default -> {
          int end = Math.min(s.length(), at + 1 + random.nextInt(12));
          String cut = s.substring(at, end);
          s.delete(at, end);
          s.insert(random.nextInt(s.length() + 1), cut);
        }
      }
    }
    return s.toString();
  }
}
