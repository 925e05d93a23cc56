package dev.enclavetrail.core;

import dev.enclavetrail.core.json.JsonObject;
import org.jspecify.annotations.Nullable;

/**
 * Base of the model types that are read from a JSON object and keep it, so that writing them back
 * loses nothing. Equality, hash code and string form are those of the JSON object.
 */
abstract class JsonBacked {

  private final JsonObject json;

  JsonBacked(JsonObject json) {
    this.json = json;
  }

  /** Returns the JSON object this value was read from, with every member in its original order. */
  public final JsonObject json() {
    return json;
  }

  // Two model types over the same JSON (a Resource and a TlsDetails over {}) must not be equal.
  @SuppressWarnings("EqualsGetClass")
  @Override
  public final boolean equals(@Nullable Object o) {
    return o != null && o.getClass() == getClass() && ((JsonBacked) o).json.equals(json);
  }

  @Override
  public final int hashCode() {
    return json.hashCode();
  }

  @Override
  public final String toString() {
    return getClass().getSimpleName() + json;
  }
}
