package dev.enclavetrail.policy;

import org.jspecify.annotations.Nullable;

/**
 * ARN matching component by component, as the IAM {@code Arn*} operators and the {@code Resource}
 * element do: {@code arn:partition:service:region:account:resource}, where each of the first five
 * colons separates a component and the resource keeps any further colons. Wildcards never cross a
 * component boundary.
 */
final class Arns {

  private static final int COMPONENTS = 6;

  private Arns() {}

  /**
   * Returns the five boundaries (positions of the first five colons) of {@code pattern}, or an
   * empty array when it has fewer than six components.
   */
  static int[] boundaries(int[] pattern) {
    int[] colons = new int[COMPONENTS - 1];
    int n = 0;
    for (int i = 0; i < pattern.length && n < colons.length; i++) {
      if (pattern[i] == ':') {
        colons[n++] = i;
      }
    }
    return n == colons.length ? colons : new int[0];
  }

  /**
   * Returns true if {@code arn} matches {@code pattern}, component by component. A pattern that is
   * a single {@code *} matches any text; a pattern with fewer than six components matches nothing.
   */
  static boolean matches(int[] pattern, int[] patternColons, String arn) {
    if (pattern.length == 1 && pattern[0] == Glob.STAR) {
      return true;
    }
    if (patternColons.length != COMPONENTS - 1) {
      return false;
    }
    int pFrom = 0;
    int from = 0;
    for (int c = 0; c < COMPONENTS; c++) {
      int pTo = c < COMPONENTS - 1 ? patternColons[c] : pattern.length;
      int to;
      if (c < COMPONENTS - 1) {
        to = arn.indexOf(':', from);
        if (to < 0) {
          return false;
        }
      } else {
        to = arn.length();
      }
      if (!Glob.matches(pattern, pFrom, pTo, arn, from, to)) {
        return false;
      }
      pFrom = pTo + 1;
      from = to + 1;
    }
    return true;
  }

  /**
   * Returns component {@code index} (0-based) of {@code arn}, or null when it has fewer components.
   */
  static @Nullable String component(String arn, int index) {
    int from = 0;
    for (int c = 0; c < index; c++) {
      int colon = arn.indexOf(':', from);
      if (colon < 0) {
        return null;
      }
      from = colon + 1;
    }
    if (index == COMPONENTS - 1) {
      return arn.substring(from);
    }
    int to = arn.indexOf(':', from);
    return to < 0 ? null : arn.substring(from, to);
  }
}
