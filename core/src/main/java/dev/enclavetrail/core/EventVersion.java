package dev.enclavetrail.core;

import java.util.Comparator;
import java.util.Objects;

/**
 * The {@code eventVersion} of a CloudTrail record, {@code major.minor}, compared as numbers.
 *
 * <p>AWS says to compare the major version with {@code ==} and the minor with {@code >=}, both as
 * numbers, so {@code 1.10} is newer than {@code 1.9}. Real records write the minor with a leading
 * zero ({@code 1.05}); it is read as an integer. {@link #text()} keeps the spelling.
 *
 * @param major the major version
 * @param minor the minor version
 * @param text the version as written
 */
public record EventVersion(int major, int minor, String text) implements Comparable<EventVersion> {

  private static final Comparator<EventVersion> ORDER =
      Comparator.comparingInt(EventVersion::major).thenComparingInt(EventVersion::minor);

  /** Validates the parts. */
  public EventVersion {
    Objects.requireNonNull(text, "text");
    if (major < 0 || minor < 0) {
      throw new IllegalArgumentException("negative event version `" + text + "`");
    }
  }

  /**
   * Parses {@code major.minor} (or a bare {@code major}).
   *
   * @throws IllegalArgumentException if {@code text} is not of that form
   */
  public static EventVersion parse(String text) {
    int dot = text.indexOf('.');
    try {
      if (dot < 0) {
        return new EventVersion(parseDigits(text), 0, text);
      }
      return new EventVersion(
          parseDigits(text.substring(0, dot)), parseDigits(text.substring(dot + 1)), text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "expected an event version like `1.08`, found `" + Fields.excerpt(text) + "`", e);
    }
  }

  private static int parseDigits(String s) {
    if (s.isEmpty() || s.length() > 9) {
      throw new NumberFormatException(s);
    }
    int value = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new NumberFormatException(s);
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** Returns true if this version is at least {@code major.minor}. */
  public boolean isAtLeast(int major, int minor) {
    return this.major > major || (this.major == major && this.minor >= minor);
  }

  @Override
  public int compareTo(EventVersion other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return text;
  }
}
