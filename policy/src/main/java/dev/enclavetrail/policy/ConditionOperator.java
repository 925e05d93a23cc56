package dev.enclavetrail.policy;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A condition operator as written in a policy, such as {@code
 * ForAnyValue:StringEqualsIgnoreCaseIfExists}: a {@link Base} operator, the optional {@code
 * IfExists} suffix and the optional set qualifier.
 *
 * <p>{@link #parse(String)} accepts exactly the operators of the IAM catalogue; anything else is
 * rejected, so that a policy with an operator the evaluator does not know can never be evaluated.
 */
public final class ConditionOperator {

  private static final String IF_EXISTS = "IfExists";

  private final String text;
  private final Base base;
  private final boolean ifExists;
  private final SetQualifier qualifier;

  private ConditionOperator(String text, Base base, boolean ifExists, SetQualifier qualifier) {
    this.text = text;
    this.base = base;
    this.ifExists = ifExists;
    this.qualifier = qualifier;
  }

  /** The families of operators; each decides how values are compared. */
  public enum Family {
    /** String comparison, policy variables allowed. */
    STRING,
    /** Decimal comparison. */
    NUMERIC,
    /** Comparison of instants (ISO 8601 or epoch seconds). */
    DATE,
    /** {@code true} / {@code false}. */
    BOOLEAN,
    /** Base64-encoded bytes. */
    BINARY,
    /** IPv4 or IPv6 address against a CIDR block. */
    IP,
    /** ARN compared component by component. */
    ARN,
    /** Presence of the key. */
    NULL
  }

  /** The operators of the IAM catalogue. */
  public enum Base {
    /** Exact, case-sensitive. */
    STRING_EQUALS("StringEquals", Family.STRING, false),
    /** Negated {@link #STRING_EQUALS}. */
    STRING_NOT_EQUALS("StringNotEquals", Family.STRING, true),
    /** Exact, case-insensitive. */
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING, false),
    /** Negated {@link #STRING_EQUALS_IGNORE_CASE}. */
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING, true),
    /** Case-sensitive with {@code *} and {@code ?} wildcards. */
    STRING_LIKE("StringLike", Family.STRING, false),
    /** Negated {@link #STRING_LIKE}. */
    STRING_NOT_LIKE("StringNotLike", Family.STRING, true),
    /** Numeric equality. */
    NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, false),
    /** Negated {@link #NUMERIC_EQUALS}. */
    NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC, true),
    /** Request value less than policy value. */
    NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, false),
    /** Request value less than or equal to policy value. */
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC, false),
    /** Request value greater than policy value. */
    NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, false),
    /** Request value greater than or equal to policy value. */
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC, false),
    /** Same instant. */
    DATE_EQUALS("DateEquals", Family.DATE, false),
    /** Negated {@link #DATE_EQUALS}. */
    DATE_NOT_EQUALS("DateNotEquals", Family.DATE, true),
    /** Request instant before policy instant. */
    DATE_LESS_THAN("DateLessThan", Family.DATE, false),
    /** Request instant before or at policy instant. */
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE, false),
    /** Request instant after policy instant. */
    DATE_GREATER_THAN("DateGreaterThan", Family.DATE, false),
    /** Request instant at or after policy instant. */
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Family.DATE, false),
    /** Boolean equality. */
    BOOL("Bool", Family.BOOLEAN, false),
    /** Byte-for-byte equality of base64 values. */
    BINARY_EQUALS("BinaryEquals", Family.BINARY, false),
    /** Request address inside a policy CIDR block. */
    IP_ADDRESS("IpAddress", Family.IP, false),
    /** Negated {@link #IP_ADDRESS}. */
    NOT_IP_ADDRESS("NotIpAddress", Family.IP, true),
    /** ARN match per component, with wildcards; the same as {@link #ARN_LIKE}. */
    ARN_EQUALS("ArnEquals", Family.ARN, false),
    /** ARN match per component, with wildcards. */
    ARN_LIKE("ArnLike", Family.ARN, false),
    /** Negated {@link #ARN_EQUALS}. */
    ARN_NOT_EQUALS("ArnNotEquals", Family.ARN, true),
    /** Negated {@link #ARN_LIKE}. */
    ARN_NOT_LIKE("ArnNotLike", Family.ARN, true),
    /** Key absent ({@code true}) or present ({@code false}). */
    NULL("Null", Family.NULL, false);

    private final String text;
    private final Family family;
    private final boolean negated;

    Base(String text, Family family, boolean negated) {
      this.text = text;
      this.family = family;
      this.negated = negated;
    }

    /** Returns the operator's name in policies. */
    public String text() {
      return text;
    }

    /** Returns how this operator compares values. */
    public Family family() {
      return family;
    }

    /**
     * Returns true for the negated operators, which are true when no policy value matches (NOR).
     */
    public boolean isNegated() {
      return negated;
    }

    static @Nullable Base fromText(String text) {
      for (Base b : values()) {
        if (b.text.equals(text)) {
          return b;
        }
      }
      return null;
    }
  }

  /** The set qualifier of an operator, for multivalued keys. */
  public enum SetQualifier {
    /** No qualifier. */
    NONE(""),
    /**
     * {@code ForAnyValue:}: true if any request value matches; false if the key is absent or empty.
     */
    FOR_ANY_VALUE("ForAnyValue"),
    /**
     * {@code ForAllValues:}: true if every request value matches; true if the key is absent or
     * empty.
     */
    FOR_ALL_VALUES("ForAllValues");

    private final String text;

    SetQualifier(String text) {
      this.text = text;
    }

    /** Returns the qualifier's name without the colon, or the empty string for {@link #NONE}. */
    public String text() {
      return text;
    }
  }

  /**
   * Reads an operator name.
   *
   * @throws IllegalArgumentException if the qualifier or operator is not in the IAM catalogue, or
   *     {@code IfExists} is added to {@code Null}; the message quotes the input
   */
  public static ConditionOperator parse(String text) {
    Objects.requireNonNull(text, "text");
    SetQualifier qualifier = SetQualifier.NONE;
    String rest = text;
    int colon = text.indexOf(':');
    if (colon >= 0) {
      String q = text.substring(0, colon);
      if (q.equals(SetQualifier.FOR_ANY_VALUE.text)) {
        qualifier = SetQualifier.FOR_ANY_VALUE;
      } else if (q.equals(SetQualifier.FOR_ALL_VALUES.text)) {
        qualifier = SetQualifier.FOR_ALL_VALUES;
      } else {
        throw new IllegalArgumentException("unknown condition qualifier `" + Node.excerpt(q) + "`");
      }
      rest = text.substring(colon + 1);
    }
    Base base = Base.fromText(rest);
    boolean ifExists = false;
    if (base == null && rest.endsWith(IF_EXISTS)) {
      base = Base.fromText(rest.substring(0, rest.length() - IF_EXISTS.length()));
      ifExists = true;
    }
    if (base == null) {
      throw new IllegalArgumentException("unknown condition operator `" + Node.excerpt(text) + "`");
    }
    if (base == Base.NULL && (ifExists || qualifier != SetQualifier.NONE)) {
      throw new IllegalArgumentException(
          "condition operator `"
              + Node.excerpt(text)
              + "`: `Null` takes neither `IfExists` nor a set qualifier");
    }
    return new ConditionOperator(text, base, ifExists, qualifier);
  }

  /** Returns the operator as written. */
  public String text() {
    return text;
  }

  /** Returns the base operator. */
  public Base base() {
    return base;
  }

  /**
   * Returns true if the operator ends in {@code IfExists}: an absent key makes the condition true.
   */
  public boolean ifExists() {
    return ifExists;
  }

  /** Returns the set qualifier. */
  public SetQualifier qualifier() {
    return qualifier;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ConditionOperator other && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
