package dev.enclavetrail.policy;

import dev.enclavetrail.policy.ConditionOperator.Base;
import dev.enclavetrail.policy.ConditionOperator.SetQualifier;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One condition of a statement: an operator, a context key and the policy values, as in {@code
 * "StringEqualsIgnoreCase": {"kms:RecipientAttestation:ImageSha384": "…"}}.
 *
 * <p>Several values are alternatives (OR); under a negated operator the condition holds only if the
 * request value matches none of them (NOR). Key names are matched case-insensitively. An absent key
 * follows the IAM rules: false for plain operators, true for negated ones and for {@code
 * …IfExists}, false for {@code ForAnyValue:}, true for {@code ForAllValues:}. Values are checked
 * when the policy is read, so evaluating never fails.
 */
public final class Condition {

  /** Outcome of a condition or a comparison: matched, not matched, or unknown (fail closed). */
  static final int NO_MATCH = 0;

  static final int MATCH = 1;
  static final int UNKNOWN = 2;

  private final Location location;
  private final ConditionOperator operator;
  private final String key;
  private final String lowerCaseKey;
  private final List<String> values;
  private final Template[] templates;

  /** Lower-case policy values, for a fast exact check before a case-insensitive one. */
  private final String[] lowerCaseValues;

  private final BigDecimal[] numbers;
  private final long[] instants;
  private final byte[][] binaries;
  private final Values.Cidr[] blocks;
  private final int[][] arnColons;
  private final boolean nullTrue;
  private final boolean nullFalse;

  Condition(
      ConditionOperator operator,
      String key,
      List<String> values,
      boolean variables,
      Location location) {
    this.location = location;
    this.operator = operator;
    this.key = key;
    this.lowerCaseKey = key.toLowerCase(Locale.ROOT);
    this.values = List.copyOf(values);
    int n = values.size();
    this.templates = new Template[n];
    this.lowerCaseValues = new String[n];
    this.numbers = new BigDecimal[n];
    this.instants = new long[n];
    this.binaries = new byte[n][];
    this.blocks = new Values.Cidr[n];
    this.arnColons = new int[n][];
    boolean nullTrueSeen = false;
    boolean nullFalseSeen = false;
    ConditionOperator.Family family = operator.base().family();
    for (int i = 0; i < n; i++) {
      String v = values.get(i);
      switch (family) {
        case STRING, ARN, BOOLEAN -> {
          templates[i] = Template.parse(v, variables);
          // Only ASCII is lower-cased: beyond it, lower case and equalsIgnoreCase can disagree.
          lowerCaseValues[i] = v.chars().allMatch(c -> c < 0x80) ? v.toLowerCase(Locale.ROOT) : v;
          if (family == ConditionOperator.Family.BOOLEAN
              && !templates[i].hasVariables()
              && Values.bool(v) == null) {
            throw invalid(v, "`true` or `false`");
          }
          arnColons[i] = Arns.boundaries(templates[i].pattern());
        }
        case NUMERIC -> {
          BigDecimal d = Values.number(v);
          if (d == null) {
            throw invalid(v, "a number");
          }
          numbers[i] = d;
        }
        case DATE -> {
          instants[i] = Values.instant(v);
          if (instants[i] == Values.NO_INSTANT) {
            throw invalid(v, "an ISO 8601 date or epoch seconds");
          }
        }
        case BINARY -> {
          byte[] bytes = Values.base64(v);
          if (bytes == null) {
            throw invalid(v, "base64");
          }
          binaries[i] = bytes;
        }
        case IP -> {
          Values.Cidr cidr = Values.Cidr.parse(v);
          if (cidr == null) {
            throw invalid(v, "an IPv4 or IPv6 address or CIDR block");
          }
          blocks[i] = cidr;
        }
        case NULL -> {
          Boolean b = Values.bool(v);
          if (b == null) {
            throw invalid(v, "`true` or `false`");
          }
          nullTrueSeen |= b;
          nullFalseSeen |= !b;
        }
      }
    }
    this.nullTrue = nullTrueSeen;
    this.nullFalse = nullFalseSeen;
  }

  private IllegalArgumentException invalid(String value, String expected) {
    return new IllegalArgumentException(
        "value `"
            + Node.excerpt(value)
            + "` of `"
            + operator.text()
            + "` for `"
            + Node.excerpt(key)
            + "` is not "
            + expected);
  }

  /** Returns where the condition's key is written in the policy. */
  public Location location() {
    return location;
  }

  /** Returns the operator. */
  public ConditionOperator operator() {
    return operator;
  }

  /** Returns the context key as written. */
  public String key() {
    return key;
  }

  /** Returns the policy values as text (numbers and booleans as written). */
  public List<String> values() {
    return values;
  }

  /**
   * Evaluates this condition: {@link #MATCH}, {@link #NO_MATCH} or {@link #UNKNOWN}; allocates
   * nothing for strings.
   */
  int evaluate(KmsRequest request) {
    String[] requestValues = request.valuesOf(lowerCaseKey);
    Base base = operator.base();
    if (requestValues == null || requestValues.length == 0) {
      if (base == Base.NULL) {
        return bool(nullTrue);
      }
      if (operator.ifExists()) {
        return MATCH;
      }
      return switch (operator.qualifier()) {
        case FOR_ANY_VALUE -> NO_MATCH;
        case FOR_ALL_VALUES -> MATCH;
        case NONE -> base.isNegated() ? MATCH : NO_MATCH;
      };
    }
    if (base == Base.NULL) {
      return bool(nullFalse);
    }
    boolean negated = base.isNegated();
    SetQualifier qualifier = operator.qualifier();
    if (qualifier == SetQualifier.FOR_ALL_VALUES) {
      int all = MATCH;
      for (String v : requestValues) {
        int m = anyPolicyValue(v, request);
        all = and(all, negated ? not(m) : m);
      }
      return all;
    }
    if (qualifier == SetQualifier.FOR_ANY_VALUE && negated) {
      int any = NO_MATCH;
      for (String v : requestValues) {
        any = or(any, not(anyPolicyValue(v, request)));
      }
      return any;
    }
    int any = NO_MATCH;
    for (String v : requestValues) {
      any = or(any, anyPolicyValue(v, request));
    }
    return negated ? not(any) : any;
  }

  /**
   * Whether {@code requestValue} matches any policy value under the positive form of the operator.
   */
  private int anyPolicyValue(String requestValue, KmsRequest request) {
    int any = NO_MATCH;
    for (int i = 0; i < values.size() && any != MATCH; i++) {
      any = or(any, compare(requestValue, i, request));
    }
    return any;
  }

  private int compare(String v, int i, KmsRequest request) {
    Base base = operator.base();
    switch (base.family()) {
      case STRING -> {
        Template t = templates[i];
        if (base == Base.STRING_LIKE || base == Base.STRING_NOT_LIKE) {
          int[] pattern = t.hasVariables() ? t.resolvePattern(request) : t.pattern();
          return pattern == null ? UNKNOWN : bool(Glob.matches(pattern, v));
        }
        String p = t.hasVariables() ? t.resolveText(request) : t.text();
        if (p == null) {
          return UNKNOWN;
        }
        if (base == Base.STRING_EQUALS_IGNORE_CASE || base == Base.STRING_NOT_EQUALS_IGNORE_CASE) {
          // KMS supplies lower-case hex: an exact comparison with the lower-cased value usually
          // decides.
          String lower = t.hasVariables() ? p : lowerCaseValues[i];
          return bool(lower.equals(v) || p.equalsIgnoreCase(v));
        }
        return bool(p.equals(v));
      }
      case ARN -> {
        Template t = templates[i];
        if (!t.hasVariables()) {
          return bool(Arns.matches(t.pattern(), arnColons[i], v));
        }
        int[] pattern = t.resolvePattern(request);
        return pattern == null ? UNKNOWN : bool(Arns.matches(pattern, Arns.boundaries(pattern), v));
      }
      case BOOLEAN -> {
        Template t = templates[i];
        String p = t.hasVariables() ? t.resolveText(request) : t.text();
        Boolean expected = p == null ? null : Values.bool(p);
        if (expected == null) {
          return UNKNOWN;
        }
        return bool(expected.toString().equalsIgnoreCase(v));
      }
      case NUMERIC -> {
        BigDecimal d = Values.number(v);
        if (d == null) {
          return UNKNOWN;
        }
        int c = d.compareTo(numbers[i]);
        return bool(ordered(base, c));
      }
      case DATE -> {
        long t = Values.instant(v);
        if (t == Values.NO_INSTANT) {
          return UNKNOWN;
        }
        return bool(ordered(base, Long.compare(t, instants[i])));
      }
      case BINARY -> {
        byte[] bytes = Values.base64(v);
        return bytes == null ? UNKNOWN : bool(Arrays.equals(bytes, binaries[i]));
      }
      case IP -> {
        byte[] address = Values.ip(v);
        return address == null ? UNKNOWN : bool(blocks[i].contains(address));
      }
      default -> throw new IllegalStateException(base.text());
    }
  }

  private static boolean ordered(Base base, int c) {
    return switch (base) {
      case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS, DATE_EQUALS, DATE_NOT_EQUALS -> c == 0;
      case NUMERIC_LESS_THAN, DATE_LESS_THAN -> c < 0;
      case NUMERIC_LESS_THAN_EQUALS, DATE_LESS_THAN_EQUALS -> c <= 0;
      case NUMERIC_GREATER_THAN, DATE_GREATER_THAN -> c > 0;
      case NUMERIC_GREATER_THAN_EQUALS, DATE_GREATER_THAN_EQUALS -> c >= 0;
      default -> throw new IllegalStateException(base.text());
    };
  }

  static int bool(boolean b) {
    return b ? MATCH : NO_MATCH;
  }

  static int not(int m) {
    return m == UNKNOWN ? UNKNOWN : 1 - m;
  }

  static int or(int a, int b) {
    if (a == MATCH || b == MATCH) {
      return MATCH;
    }
    return a == UNKNOWN || b == UNKNOWN ? UNKNOWN : NO_MATCH;
  }

  static int and(int a, int b) {
    if (a == NO_MATCH || b == NO_MATCH) {
      return NO_MATCH;
    }
    return a == UNKNOWN || b == UNKNOWN ? UNKNOWN : MATCH;
  }

  @Override
  public String toString() {
    return operator + ": {" + key + ": " + values + "}";
  }
}
