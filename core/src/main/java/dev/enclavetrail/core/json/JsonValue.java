package dev.enclavetrail.core.json;

/**
 * An immutable JSON value as it was read: objects keep their members in input order, strings are
 * text and numbers keep their exact decimal value and their original spelling.
 *
 * <p>This is the type in which EnclaveTrail keeps the free-form parts of a CloudTrail record
 * ({@code requestParameters}, {@code responseElements}, {@code additionalEventData}, unknown
 * members) so that reading and writing a record loses nothing. Equality is structural: objects are
 * equal when they have the same members in the same order, numbers when their decimal values are
 * equal ({@code 1.0} equals {@code 1.00}).
 *
 * <pre>{@code
 * JsonObject recipient = JsonObject.builder()
 *     .put("attestationDocumentModuleId", "i-123456789abcde123-enc123456789abcde12")
 *     .build();
 * String id = recipient.getString("attestationDocumentModuleId").orElseThrow();
 * }</pre>
 */
public sealed interface JsonValue
    permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

  /** Returns the kind of this value. */
  Kind kind();

  /** The six kinds of JSON value. */
  enum Kind {
    /** {@code {...}}. */
    OBJECT,
    /** {@code [...]}. */
    ARRAY,
    /** {@code "..."}. */
    STRING,
    /** {@code -1.5e3}. */
    NUMBER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** {@code null}. */
    NULL;

    /** Returns the lower-case name used in messages, for example {@code "object"}. */
    public String displayName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Returns the JSON string value for {@code text}. */
  static JsonString of(String text) {
    return new JsonString(text);
  }

  /** Returns the JSON number value for {@code value}. */
  static JsonNumber of(long value) {
    return JsonNumber.of(value);
  }

  /** Returns {@link JsonBoolean#TRUE} or {@link JsonBoolean#FALSE}. */
  static JsonBoolean of(boolean value) {
    return JsonBoolean.of(value);
  }

  /** Returns the JSON {@code null} value. */
  static JsonNull nullValue() {
    return JsonNull.INSTANCE;
  }
}
