package dev.enclavetrail.core;

import dev.enclavetrail.core.internal.Text;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Times as CloudTrail writes them ({@code eventTime}, {@code creationDate}...): ISO 8601 in its
 * extended form with an offset ({@code 2023-07-10T11:42:36Z}, fractions of a second and other
 * offsets too) or, as some older records have it, the basic form in UTC ({@code 20131102T010628Z}).
 * The usual {@code yyyy-MM-ddTHH:mm:ssZ} is read without {@link DateTimeFormatter}.
 *
 * <pre>{@code
 * Instant t = CloudTrailTime.parse("2023-07-10T11:42:36Z");
 * }</pre>
 */
public final class CloudTrailTime {

  private static final DateTimeFormatter BASIC_INSTANT =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT);

  private CloudTrailTime() {}

  /**
   * Returns the instant that {@code text} writes.
   *
   * @throws IllegalArgumentException if {@code text} is not a time in either form, with a one-line
   *     message that quotes it
   */
  public static Instant parse(String text) {
    Instant fast = parseUtcSeconds(text);
    if (fast != null) {
      return fast;
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException extended) {
      try {
        return LocalDateTime.parse(text, BASIC_INSTANT).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException basic) {
        throw new IllegalArgumentException(
            "expected an ISO 8601 time, found `" + Text.excerpt(text) + "`", basic);
      }
    }
  }

  /**
   * Parses {@code yyyy-MM-ddTHH:mm:ssZ}, the form of nearly every CloudTrail time, without {@link
   * DateTimeFormatter}; returns null for any other text, including a date or time out of range,
   * which the general parsers then accept or reject exactly as before.
   */
  static @Nullable Instant parseUtcSeconds(String text) {
    if (text.length() != 20
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(19) != 'Z') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > monthLength(year, month)
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return null;
    }
    return Instant.ofEpochSecond(
        epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second);
  }

  /** Returns the value of the {@code n} ASCII digits at {@code from}, or -1 if one is not. */
  private static int digits(String text, int from, int n) {
    int value = 0;
    for (int i = from; i < from + n; i++) {
      int d = text.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }

  private static int monthLength(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days from 1970-01-01 to a valid proleptic Gregorian date of a year 0 to 9999. */
  private static long epochDay(int year, int month, int day) {
    // Howard Hinnant's days_from_civil, for years >= 0 (no negative division).
    int y = month <= 2 ? year - 1 : year;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int mp = (month + 9) % 12;
    int doy = (153 * mp + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097L + doe - 719_468L;
  }
}
