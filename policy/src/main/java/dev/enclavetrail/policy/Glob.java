package dev.enclavetrail.policy;

/**
 * Wildcard matching as IAM does it: {@code *} matches any run of characters (empty included),
 * {@code ?} exactly one.
 *
 * <p>A pattern is an {@code int[]} of characters in which {@link #STAR} and {@link #ONE} mark
 * wildcards, so that a literal {@code *} (from the policy variable {@code ${*}}) and a wildcard can
 * be told apart. Matching allocates nothing and runs in O(pattern × input) in the worst case.
 */
final class Glob {

  static final int STAR = -1;
  static final int ONE = -2;

  private Glob() {}

  /** Compiles {@code text} in which every {@code *} and {@code ?} is a wildcard. */
  static int[] compile(String text) {
    int[] p = new int[text.length()];
    for (int i = 0; i < p.length; i++) {
      char c = text.charAt(i);
      p[i] = c == '*' ? STAR : c == '?' ? ONE : c;
    }
    return p;
  }

  /**
   * Returns a copy of {@code pattern} with letters lower-cased, for case-insensitive matching
   * against text that is lower-cased too.
   */
  static int[] lowerCase(int[] pattern) {
    int[] p = pattern.clone();
    for (int i = 0; i < p.length; i++) {
      if (p[i] >= 0) {
        p[i] = Character.toLowerCase((char) p[i]);
      }
    }
    return p;
  }

  static boolean matches(int[] pattern, CharSequence s) {
    return matches(pattern, 0, pattern.length, s, 0, s.length());
  }

  /** Matches {@code pattern[pFrom, pTo)} against {@code s[from, to)}, case-sensitively. */
  static boolean matches(int[] pattern, int pFrom, int pTo, CharSequence s, int from, int to) {
    int p = pFrom;
    int i = from;
    int starP = -1;
    int starI = -1;
    while (i < to) {
      if (p < pTo) {
        int pc = pattern[p];
        if (pc == STAR) {
          starP = p++;
          starI = i;
          continue;
        }
        if (pc == ONE || pc == s.charAt(i)) {
          p++;
          i++;
          continue;
        }
      }
      if (starP < 0) {
        return false;
      }
      p = starP + 1;
      i = ++starI;
    }
    while (p < pTo && pattern[p] == STAR) {
      p++;
    }
    return p == pTo;
  }
}
