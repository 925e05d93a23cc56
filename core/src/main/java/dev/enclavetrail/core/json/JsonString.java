package dev.enclavetrail.core.json;

import java.util.Objects;

/**
 * A JSON string, held as decoded text.
 *
 * @param value the decoded text, without quotes or escapes
 */
public record JsonString(String value) implements JsonValue {

  /** Creates a JSON string; {@code value} must not be null. */
  public JsonString {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public Kind kind() {
    return Kind.STRING;
  }

  @Override
  public String toString() {
    return JsonText.write(this);
  }
}
