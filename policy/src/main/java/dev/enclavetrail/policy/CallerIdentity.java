package dev.enclavetrail.policy;

import org.jspecify.annotations.Nullable;

/**
 * What the evaluator knows of a caller from its principal: the account, and for a role session the
 * role it belongs to. Computed once per request.
 *
 * <p>An assumed-role session ARN ({@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}) carries
 * the role's name but not its path, so a role principal {@code arn:aws:iam::ACCOUNT:role/path/ROLE}
 * matches the session by partition, account and name.
 */
final class CallerIdentity {

  final String principal;
  final PrincipalType type;
  final @Nullable String partition;
  final @Nullable String account;

  /** Name of the role of an assumed-role session, else null. */
  final @Nullable String roleName;

  /** True for the account's root user ({@code arn:aws:iam::ACCOUNT:root}). */
  final boolean root;

  private CallerIdentity(
      String principal,
      PrincipalType type,
      @Nullable String partition,
      @Nullable String account,
      @Nullable String roleName,
      boolean root) {
    this.principal = principal;
    this.type = type;
    this.partition = partition;
    this.account = account;
    this.roleName = roleName;
    this.root = root;
  }

  static CallerIdentity of(String principal, PrincipalType type) {
    if (type != PrincipalType.AWS || !principal.startsWith("arn:")) {
      return new CallerIdentity(principal, type, null, null, null, false);
    }
    String partition = Arns.component(principal, 1);
    String service = Arns.component(principal, 2);
    String account = Arns.component(principal, 4);
    String resource = Arns.component(principal, 5);
    if (account == null || account.isEmpty() || resource == null) {
      return new CallerIdentity(principal, type, partition, null, null, false);
    }
    String roleName = null;
    if ("sts".equals(service) && resource.startsWith("assumed-role/")) {
      int slash = resource.indexOf('/', "assumed-role/".length());
      if (slash > 0) {
        roleName = resource.substring("assumed-role/".length(), slash);
      }
    }
    boolean root = "iam".equals(service) && resource.equals("root");
    return new CallerIdentity(principal, type, partition, account, roleName, root);
  }

  /** How a principal of a policy matched the caller. */
  enum Match {
    /** Not at all. */
    NONE,
    /** By the caller's account principal: it delegates to the account's IAM policies. */
    ACCOUNT,
    /** The caller itself (or its role, or everyone). */
    DIRECT
  }

  /** A principal value of a policy, compiled. */
  static final class Pattern {
    private enum Kind {
      EVERYONE,
      ACCOUNT,
      ROLE,
      EXACT,
      NEVER
    }

    private final PrincipalType type;
    private final Kind kind;
    private final String text;
    private final @Nullable String partition;
    private final @Nullable String account;
    private final @Nullable String name;

    private Pattern(
        PrincipalType type,
        Kind kind,
        String text,
        @Nullable String partition,
        @Nullable String account,
        @Nullable String name) {
      this.type = type;
      this.kind = kind;
      this.text = text;
      this.partition = partition;
      this.account = account;
      this.name = name;
    }

    /**
     * Compiles a principal value of {@code type}.
     *
     * @throws IllegalArgumentException if the value is not a principal IAM accepts
     */
    static Pattern compile(PrincipalType type, String value) {
      if (value.equals("*")) {
        if (type != PrincipalType.AWS) {
          throw new IllegalArgumentException(
              "`*` is a principal only as `\"*\"` or `{\"AWS\": \"*\"}`, not under `"
                  + type.text()
                  + "`");
        }
        return new Pattern(type, Kind.EVERYONE, value, null, null, null);
      }
      if (value.isEmpty() || value.indexOf('*') >= 0 || value.indexOf('?') >= 0) {
        throw new IllegalArgumentException(
            "principal `" + Node.excerpt(value) + "` is not valid: principals take no wildcards");
      }
      if (type != PrincipalType.AWS) {
        return new Pattern(type, Kind.EXACT, value, null, null, null);
      }
      if (value.length() == 12 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return new Pattern(type, Kind.ACCOUNT, value, null, value, null);
      }
      if (value.startsWith("arn:")) {
        String partition = Arns.component(value, 1);
        String service = Arns.component(value, 2);
        String account = Arns.component(value, 4);
        String resource = Arns.component(value, 5);
        if (partition == null || account == null || resource == null || account.isEmpty()) {
          throw new IllegalArgumentException(
              "principal `" + Node.excerpt(value) + "` is not a valid ARN");
        }
        if ("iam".equals(service) && resource.equals("root")) {
          return new Pattern(type, Kind.ACCOUNT, value, partition, account, null);
        }
        if ("iam".equals(service) && resource.startsWith("role/")) {
          String roleName = resource.substring(resource.lastIndexOf('/') + 1);
          return new Pattern(type, Kind.ROLE, value, partition, account, roleName);
        }
        return new Pattern(type, Kind.EXACT, value, partition, account, null);
      }
      if (value.matches("A[A-Z0-9]{3}[A-Z0-9]{16,}")) {
        // A unique principal id, left when the role or user it named was deleted: matches no
        // caller.
        return new Pattern(type, Kind.NEVER, value, null, null, null);
      }
      throw new IllegalArgumentException(
          "principal `"
              + Node.excerpt(value)
              + "` is neither `*`, an account id, an ARN nor a unique id");
    }

    Match match(CallerIdentity caller) {
      if (kind == Kind.EVERYONE) {
        return Match.DIRECT;
      }
      if (caller.type != type) {
        return Match.NONE;
      }
      switch (kind) {
        case ACCOUNT -> {
          if (account != null
              && account.equals(caller.account)
              && (partition == null || partition.equals(caller.partition))) {
            return caller.root ? Match.DIRECT : Match.ACCOUNT;
          }
          return Match.NONE;
        }
        case ROLE -> {
          if (text.equals(caller.principal)) {
            return Match.DIRECT;
          }
          boolean session =
              name != null
                  && name.equals(caller.roleName)
                  && account != null
                  && account.equals(caller.account)
                  && partition != null
                  && partition.equals(caller.partition);
          return session ? Match.DIRECT : Match.NONE;
        }
        case EXACT -> {
          return text.equals(caller.principal) ? Match.DIRECT : Match.NONE;
        }
        default -> {
          return Match.NONE;
        }
      }
    }

    /** For {@code NotPrincipal}: true if this value names the caller's account. */
    boolean namesAccountOf(CallerIdentity caller) {
      return kind == Kind.EVERYONE
          || (kind == Kind.ACCOUNT
              && caller.type == type
              && account != null
              && account.equals(caller.account)
              && (partition == null || partition.equals(caller.partition)));
    }

    /** For {@code NotPrincipal}: true if this value names the role of the caller's session. */
    boolean namesRoleOf(CallerIdentity caller) {
      return kind == Kind.EVERYONE || (kind == Kind.ROLE && match(caller) == Match.DIRECT);
    }

    /** For {@code NotPrincipal}: true if this value names the caller itself. */
    boolean namesCaller(CallerIdentity caller) {
      return kind == Kind.EVERYONE
          || (caller.type == type && text.equals(caller.principal))
          || (kind == Kind.ACCOUNT && caller.root && match(caller) == Match.DIRECT);
    }
  }
}
