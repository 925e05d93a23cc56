package dev.enclavetrail.policy;

import java.util.Optional;

/**
 * One problem the {@link PolicyLinter} found in a key policy.
 *
 * @param severity how bad it is
 * @param code a stable identifier of the rule, such as {@code attestation-if-exists}
 * @param message one line saying what is wrong and why
 * @param statementIndex 0-based position of the statement in the policy
 * @param sid the statement's {@code Sid}
 * @param location where the offending element is written
 */
public record Finding(
    Severity severity,
    String code,
    String message,
    int statementIndex,
    Optional<String> sid,
    Location location) {

  /** How bad a finding is. */
  public enum Severity {
    /**
     * The policy does not do what it seems to: a condition that never matches, or lets anyone
     * through.
     */
    ERROR,
    /** The policy works, but is weaker or more fragile than it looks. */
    WARNING
  }

  @Override
  public String toString() {
    return severity.name().toLowerCase(java.util.Locale.ROOT)
        + " "
        + code
        + ": "
        + message
        + " at "
        + location;
  }
}
