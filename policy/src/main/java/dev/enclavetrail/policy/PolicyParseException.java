package dev.enclavetrail.policy;

/**
 * Thrown when a policy document cannot be read or is not fully understood: malformed JSON, a
 * duplicate key, an unknown element, operator or qualifier, or a value an operator cannot use.
 *
 * <p>The root of the unchecked exceptions of {@code enclavetrail-policy}. The evaluator never sees
 * such a policy, so an unreadable policy can never produce {@code allowed}. {@link #getMessage()}
 * is one line: the reason, then the location of the offending element.
 */
public class PolicyParseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String reason;
  private final long byteOffset;
  private final int line;
  private final int column;

  PolicyParseException(String reason, long byteOffset, int line, int column) {
    super(reason);
    this.reason = reason;
    this.byteOffset = byteOffset;
    this.line = line;
    this.column = column;
  }

  /** Returns the reason without the location. */
  public String reason() {
    return reason;
  }

  /**
   * Returns the 0-based byte offset (character offset for text input) of the offending element, or
   * -1.
   */
  public long byteOffset() {
    return byteOffset;
  }

  /** Returns the 1-based line of the offending element, or -1. */
  public int line() {
    return line;
  }

  /** Returns the 1-based column of the offending element, or -1. */
  public int column() {
    return column;
  }

  @Override
  public String getMessage() {
    if (byteOffset < 0) {
      return reason;
    }
    return reason + " at byte " + byteOffset + " (line " + line + ", column " + column + ")";
  }
}
