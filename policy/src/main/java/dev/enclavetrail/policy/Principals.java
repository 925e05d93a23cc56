package dev.enclavetrail.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code Principal} or {@code NotPrincipal} block of a statement: {@code "*"}, or principal ids
 * by type ({@code AWS}, {@code Service}, {@code Federated}, {@code CanonicalUser}).
 *
 * <p>A role ARN matches the role's assumed-role sessions; an account principal ({@code
 * 111122223333} or {@code arn:aws:iam::111122223333:root}) matches every principal of the account
 * by delegating to the account's IAM policies. {@code NotPrincipal} exempts a caller only when it
 * names every identity the caller acts as: the caller, its role (for a session) and its account; an
 * {@code Allow} with {@code NotPrincipal} leaves out a caller any of whose identities it names.
 */
public final class Principals {

  private final boolean negated;
  private final Map<PrincipalType, List<String>> ids;
  private final CallerIdentity.Pattern[] patterns;

  Principals(
      boolean negated, Map<PrincipalType, List<String>> ids, CallerIdentity.Pattern[] patterns) {
    this.negated = negated;
    this.ids = Collections.unmodifiableMap(new LinkedHashMap<>(ids));
    this.patterns = patterns;
  }

  /** Returns true for {@code NotPrincipal}. */
  public boolean isNegated() {
    return negated;
  }

  /** Returns the principal ids by type; the bare {@code "*"} is given as {@code AWS: ["*"]}. */
  public Map<PrincipalType, List<String>> ids() {
    return ids;
  }

  /**
   * Returns how this block applies to {@code caller} in a statement of effect {@code deny}. For
   * {@code NotPrincipal} the answer fails closed both ways: a {@code Deny} spares the caller only
   * if every identity it acts as is named, an {@code Allow} leaves it out if any of them is named.
   */
  CallerIdentity.Match match(CallerIdentity caller, boolean deny) {
    if (negated) {
      boolean spared = deny ? namesAll(caller) : namesAny(caller);
      return spared ? CallerIdentity.Match.NONE : CallerIdentity.Match.DIRECT;
    }
    CallerIdentity.Match best = CallerIdentity.Match.NONE;
    for (CallerIdentity.Pattern p : patterns) {
      CallerIdentity.Match m = p.match(caller);
      if (m == CallerIdentity.Match.DIRECT) {
        return m;
      }
      if (m == CallerIdentity.Match.ACCOUNT) {
        best = m;
      }
    }
    return best;
  }

  private boolean namesAll(CallerIdentity caller) {
    if (!any(caller, 0)) {
      return false;
    }
    if (caller.roleName != null && !any(caller, 1)) {
      return false;
    }
    return caller.account == null || caller.root || any(caller, 2);
  }

  private boolean namesAny(CallerIdentity caller) {
    return any(caller, 0)
        || (caller.roleName != null && any(caller, 1))
        || (caller.account != null && any(caller, 2));
  }

  private boolean any(CallerIdentity caller, int what) {
    for (CallerIdentity.Pattern p : patterns) {
      boolean named =
          switch (what) {
            case 0 -> p.namesCaller(caller);
            case 1 -> p.namesRoleOf(caller);
            default -> p.namesAccountOf(caller);
          };
      if (named) {
        return true;
      }
    }
    return false;
  }
}
