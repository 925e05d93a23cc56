package dev.enclavetrail.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A policy string that may hold policy variables ({@code ${aws:username}}, {@code ${aws:userid,
 * 'anonymous'}}, and the fixed {@code ${*}}, {@code ${?}}, {@code ${$}}), resolved against a
 * request.
 *
 * <p>Variables are only recognised under {@code "Version": "2012-10-17"}; otherwise the text is
 * literal. When resolved into a wildcard pattern, wildcards come from the policy's own text only: a
 * {@code *} that a variable produces (whether {@code ${*}} or a value from the request) is a
 * literal character. A variable whose key is absent or multivalued, without a default, cannot be
 * resolved: the caller treats that as unknown (fail closed).
 */
final class Template {

  private final String text;

  /**
   * Literal text ({@code String}) and {@link Variable}s, in order; null when there is no variable.
   */
  private final Object @Nullable [] parts;

  private final int[] pattern;

  private Template(String text, Object @Nullable [] parts) {
    this.text = text;
    this.parts = parts;
    this.pattern = Glob.compile(text);
  }

  /** A variable: a request key (lower case) with an optional default, or a fixed character. */
  private record Variable(@Nullable String key, @Nullable String defaultValue, char fixed) {}

  /**
   * Reads {@code text}; with {@code variables} false it is literal.
   *
   * @throws IllegalArgumentException for a variable without its closing brace, or an empty key
   */
  static Template parse(String text, boolean variables) {
    if (!variables || !text.contains("${")) {
      return new Template(text, null);
    }
    List<Object> parts = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int start = text.indexOf("${", i);
      if (start < 0) {
        parts.add(text.substring(i));
        break;
      }
      if (start > i) {
        parts.add(text.substring(i, start));
      }
      int end = text.indexOf('}', start + 2);
      if (end < 0) {
        throw new IllegalArgumentException(
            "policy variable without its closing brace in `" + Node.excerpt(text) + "`");
      }
      parts.add(variable(text.substring(start + 2, end), text));
      i = end + 1;
    }
    return new Template(text, parts.toArray());
  }

  private static Variable variable(String body, String text) {
    if (body.equals("*") || body.equals("?") || body.equals("$")) {
      return new Variable(null, null, body.charAt(0));
    }
    String key = body;
    String defaultValue = null;
    int comma = body.indexOf(',');
    if (comma >= 0) {
      key = body.substring(0, comma).trim();
      String d = body.substring(comma + 1).trim();
      if (d.length() < 2 || d.charAt(0) != '\'' || d.charAt(d.length() - 1) != '\'') {
        throw new IllegalArgumentException(
            "policy variable default must be single-quoted in `" + Node.excerpt(text) + "`");
      }
      defaultValue = d.substring(1, d.length() - 1);
    }
    if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "malformed policy variable in `" + Node.excerpt(text) + "`");
    }
    return new Variable(key.toLowerCase(Locale.ROOT), defaultValue, '\0');
  }

  String text() {
    return text;
  }

  boolean hasVariables() {
    return parts != null;
  }

  /** Returns the pattern of a template without variables. */
  int[] pattern() {
    return pattern;
  }

  /** Returns the text with variables replaced, or null when one cannot be resolved. */
  @Nullable String resolveText(KmsRequest request) {
    Object[] ps = parts;
    if (ps == null) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    for (Object part : ps) {
      if (part instanceof String s) {
        out.append(s);
      } else {
        String value = value((Variable) part, request);
        if (value == null) {
          return null;
        }
        out.append(value);
      }
    }
    return out.toString();
  }

  /**
   * Returns the wildcard pattern with variables replaced by literal text, or null when one cannot
   * be resolved.
   */
  int @Nullable [] resolvePattern(KmsRequest request) {
    Object[] ps = parts;
    if (ps == null) {
      return pattern;
    }
    List<int[]> pieces = new ArrayList<>();
    int length = 0;
    for (Object part : ps) {
      int[] piece;
      if (part instanceof String s) {
        piece = Glob.compile(s);
      } else {
        String value = value((Variable) part, request);
        if (value == null) {
          return null;
        }
        piece = value.chars().toArray(); // literal: never a wildcard
      }
      pieces.add(piece);
      length += piece.length;
    }
    int[] out = new int[length];
    int at = 0;
    for (int[] piece : pieces) {
      System.arraycopy(piece, 0, out, at, piece.length);
      at += piece.length;
    }
    return out;
  }

  private static @Nullable String value(Variable v, KmsRequest request) {
    String key = v.key();
    if (key == null) {
      return String.valueOf(v.fixed());
    }
    String[] values = request.valuesOf(key);
    if (values != null && values.length == 1) {
      return values[0];
    }
    return v.defaultValue();
  }
}
