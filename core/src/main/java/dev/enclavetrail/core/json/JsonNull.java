package dev.enclavetrail.core.json;

/** The JSON {@code null} value. */
public enum JsonNull implements JsonValue {
  /** The only instance. */
  INSTANCE;

  @Override
  public Kind kind() {
    return Kind.NULL;
  }

  @Override
  public String toString() {
    return "null";
  }
}
