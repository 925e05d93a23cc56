package dev.enclavetrail.core.internal;

import java.util.Locale;

/** Short, one-line excerpts of input for messages. Not API. */
public final class Text {

  /** Longest excerpt of input a message quotes. */
  public static final int EXCERPT_LIMIT = 100;

  private Text() {}

  /**
   * Returns at most {@value #EXCERPT_LIMIT} characters of {@code s}, with control characters
   * escaped as {@code \\uXXXX}, so that a message quoting input stays one line and short.
   */
  public static String excerpt(String s) {
    int n = Math.min(s.length(), EXCERPT_LIMIT);
    StringBuilder out = new StringBuilder(n + 8);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return s.length() > n ? out.append('…').toString() : out.toString();
  }
}
