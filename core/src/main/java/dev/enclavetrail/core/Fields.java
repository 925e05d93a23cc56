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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Typed reads of known members of a JSON object, lenient where AWS itself varies, with the field's
 * dotted path in every error.
 */
final class Fields {

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
    return text(jsonString(name));
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

  /**
   * A boolean sent as a JSON boolean or as the string {@code "true"} / {@code "false"} (any case);
   * absent or {@code null} gives null.
   */
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

  /** An instant as {@link CloudTrailTime#parse} reads it; absent or {@code null} gives null. */
  @Nullable Instant instantOrNull(String name) {
    JsonString s = jsonString(name);
    return s == null ? null : parseInstant(s.value(), path(name));
  }

  /**
   * A string member mapped through {@code parse}, whose {@link IllegalArgumentException} names the
   * field; absent or {@code null} gives null.
   */
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
    return Optional.ofNullable(objectOrNull(name));
  }

  /** An object member decoded by {@code decode}, which receives the member and its path. */
  <T> Optional<T> object(String name, ObjectDecoder<T> decode) {
    return Optional.ofNullable(objectOrNull(name, decode));
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

  /** As {@link #boolOrNull(String)}; absent or {@code null} gives empty. */
  Optional<Boolean> bool(String name) {
    return Optional.ofNullable(boolOrNull(name));
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

  static Instant parseInstant(String text, String path) {
    try {
      return CloudTrailTime.parse(text);
    } catch (IllegalArgumentException e) {
      throw new CloudTrailFormatException("field `" + path + "`: " + e.getMessage(), path);
    }
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
