package dev.enclavetrail.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decides what a KMS key policy and the caller's IAM identity policies say about a request, as AWS
 * KMS does.
 *
 * <ol>
 *   <li>An applicable {@code Deny} in the key policy or in any identity policy wins: {@code
 *       explicitDeny}.
 *   <li>Otherwise the key policy must allow: either the caller directly (its ARN, its role for a
 *       role session, or everyone), or the caller's account principal, which delegates to IAM, so
 *       that an identity policy must allow the action on the key too. A caller from another account
 *       than the key's needs both the key policy and its own identity policy in any case.
 *   <li>{@code kms:GenerateRandom} uses no key: only identity policies decide it.
 *   <li>Otherwise {@code implicitDeny}.
 * </ol>
 *
 * <p>Fail closed: a condition that cannot be decided (a policy variable whose key is missing, a
 * request value an operator cannot read, an unknown key ARN against a statement that names one)
 * never lets an {@code Allow} apply and always lets a {@code Deny} apply. {@link
 * #decide(KmsRequest)} allocates nothing; {@link #explain(KmsRequest)} also says why. Instances are
 * immutable and thread-safe.
 *
 * <pre>{@code
 * Authorizer authorizer = Authorizer.of(keyPolicy, List.of(rolePolicy));
 * if (authorizer.decide(request) != Decision.Outcome.ALLOWED) {
 *   System.out.println(authorizer.explain(request).reason());
 * }
 * }</pre>
 */
public final class Authorizer {

  private static final String KEY_POLICY = "key-policy";
  private static final String GENERATE_RANDOM = "kms:generaterandom";

  private final PolicyDocument keyPolicy;
  private final Statement[] keyStatements;
  private final Statement[][] identityStatements;

  private Authorizer(PolicyDocument keyPolicy, List<PolicyDocument> identityPolicies) {
    this.keyPolicy = keyPolicy;
    this.keyStatements = keyPolicy.statements().toArray(new Statement[0]);
    this.identityStatements = new Statement[identityPolicies.size()][];
    for (int i = 0; i < identityPolicies.size(); i++) {
      identityStatements[i] = identityPolicies.get(i).statements().toArray(new Statement[0]);
    }
  }

  /**
   * Returns an authorizer for a key policy and the caller's identity policies.
   *
   * @throws IllegalArgumentException if {@code keyPolicy} was not read as a key policy or an
   *     identity policy not as an identity policy
   */
  public static Authorizer of(PolicyDocument keyPolicy, List<PolicyDocument> identityPolicies) {
    Objects.requireNonNull(keyPolicy, "keyPolicy");
    if (keyPolicy.type() != PolicyDocument.Type.KEY_POLICY) {
      throw new IllegalArgumentException("the key policy was read as an identity policy");
    }
    for (PolicyDocument p : identityPolicies) {
      if (p.type() != PolicyDocument.Type.IDENTITY_POLICY) {
        throw new IllegalArgumentException("an identity policy was read as a key policy");
      }
    }
    return new Authorizer(keyPolicy, List.copyOf(identityPolicies));
  }

  /** Returns the key policy. */
  public PolicyDocument keyPolicy() {
    return keyPolicy;
  }

  /** Returns the outcome for {@code request}; allocates nothing. */
  public Decision.Outcome decide(KmsRequest request) {
    return evaluate(request, null);
  }

  /**
   * Returns the outcome for {@code request} with the statements that decided it and every match.
   */
  public Decision explain(KmsRequest request) {
    Explanation e = new Explanation();
    Decision.Outcome outcome = evaluate(request, e);
    return new Decision(outcome, e.reason(outcome, request), e.decisive(outcome), e.all);
  }

  private Decision.Outcome evaluate(KmsRequest request, @Nullable Explanation e) {
    boolean noKey = request.actionLowerCase().equals(GENERATE_RANDOM);
    boolean deny = false;
    boolean keyDirect = false;
    boolean keyAccount = false;
    boolean identityAllow = false;
    if (!noKey) {
      for (Statement s : keyStatements) {
        CallerIdentity.Match m = applies(s, request, true, KEY_POLICY, e);
        if (m != CallerIdentity.Match.NONE) {
          if (s.effect() == Effect.DENY) {
            deny = true;
          } else if (m == CallerIdentity.Match.DIRECT) {
            keyDirect = true;
          } else {
            keyAccount = true;
          }
        }
      }
    }
    for (int p = 0; p < identityStatements.length; p++) {
      for (Statement s : identityStatements[p]) {
        if (applies(s, request, false, e == null ? "" : "identity-policy-" + p, e)
            != CallerIdentity.Match.NONE) {
          if (s.effect() == Effect.DENY) {
            deny = true;
          } else {
            identityAllow = true;
          }
        }
      }
    }
    if (deny) {
      return Decision.Outcome.EXPLICIT_DENY;
    }
    boolean allowed;
    boolean crossAccount = false;
    if (noKey) {
      allowed = identityAllow;
    } else {
      crossAccount = isCrossAccount(request);
      allowed = (keyDirect && (!crossAccount || identityAllow)) || (keyAccount && identityAllow);
    }
    if (e != null) {
      e.keyDirect = keyDirect;
      e.keyAccount = keyAccount;
      e.noKey = noKey;
      e.identityAllow = identityAllow;
      e.crossAccount = crossAccount;
    }
    return allowed ? Decision.Outcome.ALLOWED : Decision.Outcome.IMPLICIT_DENY;
  }

  /**
   * A caller of another account than the key's, or whose account or key is unknown: IAM must allow
   * too.
   */
  private static boolean isCrossAccount(KmsRequest request) {
    CallerIdentity caller = request.caller();
    if (caller.type != PrincipalType.AWS) {
      return false; // service principals have no identity policies
    }
    return caller.account == null || !caller.account.equals(request.resourceAccount());
  }

  /** How the statement applies to the request: NONE if it does not. */
  private static CallerIdentity.Match applies(
      Statement s, KmsRequest request, boolean keyPolicy, String policy, @Nullable Explanation e) {
    boolean deny = s.effect() == Effect.DENY;
    CallerIdentity.Match principal = s.principalMatch(request);
    boolean action = s.actionMatches(request);
    int resource = s.resourceMatches(request, keyPolicy);
    int conditions = Condition.MATCH;
    Condition[] cs = s.conditionArray();
    if (e == null) {
      if (principal == CallerIdentity.Match.NONE || !action || resource == Condition.NO_MATCH) {
        return CallerIdentity.Match.NONE;
      }
      for (int i = 0; i < cs.length && conditions != Condition.NO_MATCH; i++) {
        conditions = Condition.and(conditions, cs[i].evaluate(request));
      }
    } else {
      List<Decision.ConditionResult> results = new ArrayList<>(cs.length);
      for (Condition c : cs) {
        int m = c.evaluate(request);
        conditions = Condition.and(conditions, m);
        results.add(
            new Decision.ConditionResult(
                c.operator().text(), c.key(), m == Condition.MATCH, m == Condition.UNKNOWN));
      }
      e.all.add(
          new Decision.StatementResult(
              policy,
              s.index(),
              s.sid(),
              s.effect(),
              keyPolicy ? Optional.of(principal != CallerIdentity.Match.NONE) : Optional.empty(),
              action,
              resource == Condition.MATCH,
              results,
              principal != CallerIdentity.Match.NONE
                  && action
                  && holds(resource, deny)
                  && holds(conditions, deny)));
    }
    boolean applicable =
        principal != CallerIdentity.Match.NONE
            && action
            && holds(resource, deny)
            && holds(conditions, deny);
    CallerIdentity.Match match = applicable ? principal : CallerIdentity.Match.NONE;
    if (e != null) {
      e.matches.add(match);
    }
    return match;
  }

  /** Unknown counts as a match for a Deny and as no match for an Allow: fail closed. */
  private static boolean holds(int match, boolean deny) {
    return match == Condition.MATCH || (deny && match == Condition.UNKNOWN);
  }

  /** Collects what {@link #explain(KmsRequest)} reports. */
  private static final class Explanation {
    final List<Decision.StatementResult> all = new ArrayList<>();

    /** By statement of {@link #all}: how it applies to the request (NONE if it does not). */
    final List<CallerIdentity.Match> matches = new ArrayList<>();

    boolean keyDirect;
    boolean keyAccount;
    boolean noKey;
    boolean identityAllow;
    boolean crossAccount;

    /**
     * Every applicable Deny for an explicit deny. For an allow, the Allow statements of each way
     * that grants it: a key-policy statement naming the caller (with the caller's identity policies
     * when it is from another account), a key-policy statement naming the caller's account together
     * with the identity policies it delegates to, or, for a request without a key, the identity
     * policies alone. A statement that applies without granting anything, such as the account
     * statement when no identity policy allows, is not decisive.
     */
    List<Decision.StatementResult> decisive(Decision.Outcome outcome) {
      boolean direct = keyDirect && (!crossAccount || identityAllow);
      boolean delegated = keyAccount && identityAllow;
      List<Decision.StatementResult> out = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        Decision.StatementResult r = all.get(i);
        CallerIdentity.Match m = matches.get(i);
        if (m == CallerIdentity.Match.NONE) {
          continue;
        }
        boolean decisive;
        if (outcome == Decision.Outcome.EXPLICIT_DENY) {
          decisive = r.effect() == Effect.DENY;
        } else if (outcome != Decision.Outcome.ALLOWED || r.effect() != Effect.ALLOW) {
          decisive = false;
        } else if (noKey) {
          decisive = true; // only identity policies were evaluated
        } else if (r.policy().equals(KEY_POLICY)) {
          decisive = m == CallerIdentity.Match.DIRECT ? direct : delegated;
        } else {
          decisive = delegated || (direct && crossAccount);
        }
        if (decisive) {
          out.add(r);
        }
      }
      return out;
    }

    String reason(Decision.Outcome outcome, KmsRequest request) {
      List<Decision.StatementResult> decisive = decisive(outcome);
      switch (outcome) {
        case EXPLICIT_DENY -> {
          return "denied explicitly by " + names(decisive);
        }
        case ALLOWED -> {
          return "allowed by " + names(decisive);
        }
        default -> {
          String action = request.action();
          if (noKey) {
            return "no identity policy allows "
                + action
                + " (it uses no key, so the key policy does not apply)";
          }
          if (keyDirect) {
            return "the key policy allows the caller, but the caller is not in the key's account and no identity"
                + " policy of its own allows "
                + action;
          }
          if (keyAccount) {
            return "the key policy delegates to IAM for the caller's account, but no identity policy allows "
                + action
                + " on the key";
          }
          return "no key-policy statement allows " + action + " for " + request.principal();
        }
      }
    }

    private static String names(List<Decision.StatementResult> statements) {
      List<String> names = new ArrayList<>();
      for (Decision.StatementResult r : statements) {
        names.add(
            r.policy()
                + " "
                + r.sid().map(s -> "statement `" + s + "`").orElse("statement " + r.index()));
      }
      return String.join(" and ", names);
    }
  }
}
