package dev.enclavetrail.core.json;

/** A JSON {@code true} or {@code false}. */
public enum JsonBoolean implements JsonValue {
  /** {@code true}. */
  TRUE,
  /** {@code false}. */
  FALSE;

  /** Returns {@link #TRUE} or {@link #FALSE}. */
  public static JsonBoolean of(boolean value) {
    return value ? TRUE : FALSE;
  }

  /** Returns this value as a Java boolean. */
  public boolean value() {
    return this == TRUE;
  }

  @Override
  public Kind kind() {
    return Kind.BOOLEAN;
  }

  @Override
  public String toString() {
    return value() ? "true" : "false";
  }
}
