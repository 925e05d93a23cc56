package dev.enclavetrail.core;

import dev.enclavetrail.core.internal.Text;
import dev.enclavetrail.core.json.JsonArray;
import dev.enclavetrail.core.json.JsonBoolean;
import dev.enclavetrail.core.json.JsonNull;
import dev.enclavetrail.core.json.JsonNumber;
import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonString;
import dev.enclavetrail.core.json.JsonValue;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Typed reads of known members of a JSON object, lenient where AWS itself varies, with the field's
 * dotted path in every error.
 */
final class Fields {

  private static final DateTimeFormatter BASIC_INSTANT =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT);

  private final JsonObject json;
  private final String path;

  Fields(JsonObject json, String path) {
    this.json = json;
    this.path = path;
  }

  String path(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** Returns true if the member is present and of {@code kind}. */
  boolean has(String name, JsonValue.Kind kind) {
    JsonValue v = json.getOrNull(name);
    return v != null && v.kind() == kind;
  }

  /** A string member; absent or {@code null} gives empty. */
  Optional<String> string(String name) {
    JsonValue v = json.getOrNull(name);
    if (v == null || v instanceof JsonNull) {
      return Optional.empty();
    }
    if (v instanceof JsonString s) {
      return Optional.of(s.value());
    }
    throw typeError(name, "a string", v);
  }

  /** A string member, not decoded; absent or {@code null} gives null. */
  @Nullable JsonString jsonString(String name) {
    JsonValue v = json.getOrNull(name);
    if (v == null || v instanceof JsonNull) {
      return null;
    }
    if (v instanceof JsonString s) {
      return s;
    }
    throw typeError(name, "a string", v);
  }

  /** Returns the text of {@code s}, if there is one; for accessors of fields kept undecoded. */
  static Optional<String> text(@Nullable JsonString s) {
    return s == null ? Optional.empty() : Optional.of(s.value());
  }

  /** An object member; absent or {@code null} gives null. */
  @Nullable JsonObject objectOrNull(String name) {
    JsonValue v = json.getOrNull(name);
    if (v == null || v instanceof JsonNull) {
      return null;
    }
    if (v instanceof JsonObject o) {
      return o;
    }
    throw typeError(name, "an object", v);
  }

  /** An object member decoded by {@code decode}; absent or {@code null} gives null. */
  <T> @Nullable T objectOrNull(String name, ObjectDecoder<T> decode) {
    JsonObject o = objectOrNull(name);
    return o == null ? null : decode.decode(o, path(name));
  }

  /** As {@link #bool(String)}, but null when absent or {@code null}. */
  @Nullable Boolean boolOrNull(String name) {
    JsonValue v = json.getOrNull(name);
    if (v == null || v instanceof JsonNull) {
      return null;
    }
    if (v instanceof JsonBoolean b) {
      return b.value();
    }
    if (v instanceof JsonString s) {
      if (s.value().equalsIgnoreCase("true")) {
        return Boolean.TRUE;
      }
      if (s.value().equalsIgnoreCase("false")) {
        return Boolean.FALSE;
      }
    }
    throw typeError(name, "a boolean", v);
  }

  /** As {@link #instant(String)}, but null when absent or {@code null}. */
  @Nullable Instant instantOrNull(String name) {
    JsonString s = jsonString(name);
    return s == null ? null : parseInstant(s.value(), path(name));
  }

  /** As {@link #parsed(String, Function)}, but null when absent or {@code null}. */
  <T> @Nullable T parsedOrNull(String name, Function<String, T> parse) {
    JsonString s = jsonString(name);
    if (s == null) {
      return null;
    }
    try {
      return parse.apply(s.value());
    } catch (IllegalArgumentException e) {
      String p = path(name);
      throw new CloudTrailFormatException("field `" + p + "`: " + e.getMessage(), p);
    }
  }

  /** An object member; absent or {@code null} gives empty. */
  Optional<JsonObject> object(String name) {
    JsonValue v = json.getOrNull(name);
    if (v == null || v instanceof JsonNull) {
      return Optional.empty();
    }
    if (v instanceof JsonObject o) {
      return Optional.of(o);
    }
    throw typeError(name, "an object", v);
  }

  /** An object member decoded by {@code decode}, which receives the member and its path. */
  <T> Optional<T> object(String name, ObjectDecoder<T> decode) {
    return object(name).map(o -> decode.decode(o, path(name)));
  }

  /** An array member; absent or {@code null} gives empty. */
  Optional<JsonArray> array(String name) {
    JsonValue v = json.getOrNull(name);
    if (v == null || v instanceof JsonNull) {
      return Optional.empty();
    }
    if (v instanceof JsonArray a) {
      return Optional.of(a);
    }
    throw typeError(name, "an array", v);
  }

  /**
   * An array of objects, each decoded by {@code decode}; absent or {@code null} gives an empty
   * list.
   */
  <T> List<T> objects(String name, ObjectDecoder<T> decode) {
    Optional<JsonArray> array = array(name);
    if (array.isEmpty()) {
      return List.of();
    }
    List<T> out = new ArrayList<>(array.get().size());
    int i = 0;
    for (JsonValue e : array.get()) {
      String p = path(name) + "[" + i++ + "]";
      if (!(e instanceof JsonObject o)) {
        throw new CloudTrailFormatException(
            "field `" + p + "`: expected an object, found " + describe(e), p);
      }
      out.add(decode.decode(o, p));
    }
    return List.copyOf(out);
  }

  /** An array of strings; absent or {@code null} gives an empty list. */
  List<String> strings(String name) {
    Optional<JsonArray> array = array(name);
    if (array.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(array.get().size());
    int i = 0;
    for (JsonValue e : array.get()) {
      if (!(e instanceof JsonString s)) {
        String p = path(name) + "[" + i + "]";
        throw new CloudTrailFormatException(
            "field `" + p + "`: expected a string, found " + describe(e), p);
      }
      out.add(s.value());
      i++;
    }
    return List.copyOf(out);
  }

  /**
   * A boolean sent as a JSON boolean or as the string {@code "true"} / {@code "false"} (any case).
   */
  Optional<Boolean> bool(String name) {
    JsonValue v = json.getOrNull(name);
    if (v == null || v instanceof JsonNull) {
      return Optional.empty();
    }
    if (v instanceof JsonBoolean b) {
      return Optional.of(b.value());
    }
    if (v instanceof JsonString s) {
      if (s.value().equalsIgnoreCase("true")) {
        return Optional.of(true);
      }
      if (s.value().equalsIgnoreCase("false")) {
        return Optional.of(false);
      }
    }
    throw typeError(name, "a boolean", v);
  }

  /** An integral number, also accepted as a string of digits. */
  Optional<Long> integer(String name) {
    JsonValue v = json.getOrNull(name);
    if (v == null || v instanceof JsonNull) {
      return Optional.empty();
    }
    try {
      if (v instanceof JsonNumber n) {
        return Optional.of(n.longValueExact());
      }
      if (v instanceof JsonString s) {
        return Optional.of(Long.parseLong(s.value().trim()));
      }
    } catch (ArithmeticException | NumberFormatException e) {
      String p = path(name);
      throw new CloudTrailFormatException(
          "field `" + p + "`: expected an integer, found `" + excerpt(v.toString()) + "`", p);
    }
    throw typeError(name, "an integer", v);
  }

  /**
   * An instant in ISO 8601 extended ({@code 2023-07-10T11:42:36Z}) or basic ({@code
   * 20131102T010628Z}) form.
   */
  Optional<Instant> instant(String name) {
    return string(name).map(text -> parseInstant(text, path(name)));
  }

  /**
   * A string member mapped through {@code parse}, whose {@link IllegalArgumentException} names the
   * field.
   */
  <T> Optional<T> parsed(String name, Function<String, T> parse) {
    Optional<String> text = string(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse.apply(text.get()));
    } catch (IllegalArgumentException e) {
      String p = path(name);
      throw new CloudTrailFormatException("field `" + p + "`: " + e.getMessage(), p);
    }
  }

  static Instant parseInstant(String text, String path) {
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
        throw new CloudTrailFormatException(
            "field `" + path + "`: expected an ISO 8601 time, found `" + excerpt(text) + "`", path);
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

  private CloudTrailFormatException typeError(String name, String expected, JsonValue found) {
    String p = path(name);
    return new CloudTrailFormatException(
        "field `" + p + "`: expected " + expected + ", found " + describe(found), p);
  }

  static String describe(JsonValue v) {
    return switch (v.kind()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "the string `" + excerpt(((JsonString) v).value()) + "`";
      case NUMBER -> "the number `" + excerpt(v.toString()) + "`";
      case BOOLEAN -> "`" + v + "`";
      case NULL -> "`null`";
    };
  }

  static String excerpt(String text) {
    return Text.excerpt(text);
  }

  /** Decodes one nested object found at {@code path}. */
  @FunctionalInterface
  interface ObjectDecoder<T> {
    T decode(JsonObject json, String path);
  }
}
