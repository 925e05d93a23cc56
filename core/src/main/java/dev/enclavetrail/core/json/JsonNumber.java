package dev.enclavetrail.core.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A JSON number that keeps its spelling from the input and its exact decimal value.
 *
 * <p>Two numbers are equal when their decimal values are equal: {@code 10}, {@code 10.0} and {@code
 * 1e1} are equal; {@link #text()} still returns each one's own spelling, which is what a writer
 * writes back.
 */
public final class JsonNumber implements JsonValue {

  private static final Pattern GRAMMAR =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private final String text;
  private final BigDecimal value;

  private JsonNumber(String text, BigDecimal value) {
    this.text = text;
    this.value = value;
  }

  /**
   * Parses a number written in RFC 8259 syntax, keeping {@code text} as its spelling.
   *
   * @throws IllegalArgumentException if {@code text} is not a JSON number
   */
  public static JsonNumber parse(String text) {
    Objects.requireNonNull(text, "text");
    if (!GRAMMAR.matcher(text).matches()) {
      throw new IllegalArgumentException("not a JSON number: `" + JsonText.excerpt(text) + "`");
    }
    try {
      return new JsonNumber(text, new BigDecimal(text));
    } catch (NumberFormatException e) {
      // Exponents beyond the range of an int scale.
      throw new IllegalArgumentException(
          "JSON number out of range: `" + JsonText.excerpt(text) + "`", e);
    }
  }

  /** Returns the number for {@code value}, spelled as {@link Long#toString(long)} does. */
  public static JsonNumber of(long value) {
    return new JsonNumber(Long.toString(value), BigDecimal.valueOf(value));
  }

  /** Returns the number for {@code value}, spelled as {@link BigDecimal#toString()} does. */
  public static JsonNumber of(BigDecimal value) {
    return parse(value.toString().replace("E+", "e+").replace("E", "e"));
  }

  /** Returns the spelling of this number as it was read or created. */
  public String text() {
    return text;
  }

  /** Returns the exact decimal value. */
  public BigDecimal decimalValue() {
    return value;
  }

  /** Returns true if this number has no fractional part. */
  public boolean isIntegral() {
    return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
  }

  /**
   * Returns this number as a {@code long}.
   *
   * @throws ArithmeticException if the number has a fractional part or does not fit in a long
   */
  public long longValueExact() {
    return value.longValueExact();
  }

  /**
   * Returns this number as a {@link BigInteger}.
   *
   * @throws ArithmeticException if the number has a fractional part
   */
  public BigInteger bigIntegerValueExact() {
    return value.toBigIntegerExact();
  }

  @Override
  public Kind kind() {
    return Kind.NUMBER;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonNumber other && value.compareTo(other.value) == 0;
  }

  @Override
  public int hashCode() {
    return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
