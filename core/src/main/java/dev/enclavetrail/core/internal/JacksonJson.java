package dev.enclavetrail.core.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.enclavetrail.core.CloudTrailFormatException;
import dev.enclavetrail.core.json.JsonArray;
import dev.enclavetrail.core.json.JsonBoolean;
import dev.enclavetrail.core.json.JsonNull;
import dev.enclavetrail.core.json.JsonNumber;
import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonString;
import dev.enclavetrail.core.json.JsonValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes {@link JsonValue}s with Jackson's streaming API; the one place where core's JSON
 * values meet Jackson tokens. Not API: the exported entry point is {@code
 * dev.enclavetrail.core.jackson.CloudTrailJackson}.
 */
public final class JacksonJson {

  private JacksonJson() {}

  /**
   * Reads the value that starts at the parser's current token (advancing to the first token if
   * there is none), leaving the parser on the value's last token.
   *
   * @throws CloudTrailFormatException on malformed JSON or a duplicate member name, with its
   *     location
   * @throws IOException if the input cannot be read
   */
  public static JsonValue read(JsonParser p) throws IOException {
    try {
      JsonToken t = p.currentToken();
      if (t == null) {
        t = p.nextToken();
        if (t == null) {
          throw located("no JSON value: the input is empty", p.currentLocation());
        }
      }
      return readValue(p, t);
    } catch (JsonProcessingException e) {
      throw translate(e, p);
    }
  }

  private static JsonValue readValue(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case START_OBJECT -> readObject(p);
      case START_ARRAY -> readArray(p);
      case VALUE_STRING -> new JsonString(p.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(p);
      case VALUE_TRUE -> JsonBoolean.TRUE;
      case VALUE_FALSE -> JsonBoolean.FALSE;
      case VALUE_NULL -> JsonNull.INSTANCE;
      default -> throw located("unexpected token " + t, p.currentTokenLocation());
    };
  }

  private static JsonValue number(JsonParser p) throws IOException {
    try {
      return JsonNumber.parse(p.getText());
    } catch (IllegalArgumentException e) {
      throw located(lowerFirst(String.valueOf(e.getMessage())), p.currentTokenLocation());
    }
  }

  private static JsonObject readObject(JsonParser p) throws IOException {
    JsonObject.Builder b = JsonObject.builder();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonLocation at = p.currentTokenLocation();
      JsonValue value = readValue(p, p.nextToken());
      if (b.has(name)) {
        throw located("duplicate member name `" + Text.excerpt(name) + "`", at);
      }
      b.put(name, value);
    }
    if (t != JsonToken.END_OBJECT) {
      throw located("unexpected token " + t + " in an object", p.currentTokenLocation());
    }
    return b.build();
  }

  private static JsonArray readArray(JsonParser p) throws IOException {
    List<JsonValue> elements = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw located("unexpected end of input in an array", p.currentLocation());
      }
      elements.add(readValue(p, t));
    }
    return JsonArray.of(elements);
  }

  /** Writes {@code value} as compact JSON; numbers are written with their original spelling. */
  public static void write(JsonValue value, JsonGenerator g) throws IOException {
    switch (value.kind()) {
      case OBJECT -> {
        JsonObject o = (JsonObject) value;
        g.writeStartObject();
        for (int i = 0; i < o.size(); i++) {
          g.writeFieldName(o.nameAt(i));
          write(o.valueAt(i), g);
        }
        g.writeEndObject();
      }
      case ARRAY -> {
        g.writeStartArray();
        for (JsonValue e : (JsonArray) value) {
          write(e, g);
        }
        g.writeEndArray();
      }
      case STRING -> g.writeString(((JsonString) value).value());
      case NUMBER -> g.writeNumber(((JsonNumber) value).text());
      case BOOLEAN -> g.writeBoolean(((JsonBoolean) value).value());
      case NULL -> g.writeNull();
    }
  }

  /**
   * Turns a Jackson read error (malformed JSON, or a limit of {@code StreamReadConstraints}
   * exceeded) into a one-line {@link CloudTrailFormatException} at the same location, or at the
   * parser's when the error has none.
   */
  public static CloudTrailFormatException translate(JsonProcessingException e, JsonParser p) {
    String message = e.getOriginalMessage();
    String first =
        message == null ? "malformed JSON" : message.lines().findFirst().orElse("malformed JSON");
    JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
    return located(lowerFirst(first), at, e);
  }

  /**
   * Returns an exception at {@code location} (byte offset when the input was bytes, else char
   * offset).
   */
  public static CloudTrailFormatException located(String reason, @Nullable JsonLocation location) {
    return located(reason, location, null);
  }

  private static CloudTrailFormatException located(
      String reason, @Nullable JsonLocation location, @Nullable Throwable cause) {
    if (location == null) {
      return new CloudTrailFormatException(reason, null, -1, -1, -1, cause);
    }
    long offset =
        location.getByteOffset() >= 0 ? location.getByteOffset() : location.getCharOffset();
    return new CloudTrailFormatException(
        reason, null, offset, location.getLineNr(), location.getColumnNr(), cause);
  }

  private static String lowerFirst(String s) {
    if (s.isEmpty() || (s.length() > 1 && Character.isUpperCase(s.charAt(1)))) {
      return s;
    }
    return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
  }
}
