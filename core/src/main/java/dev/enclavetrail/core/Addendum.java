package dev.enclavetrail.core;

import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * The {@code addendum} of a record delivered late or updated: its {@code reason} ({@code
 * DELIVERY_DELAY}, {@code UPDATED_DATA} or {@code SERVICE_OUTAGE}) and, for updated data, the
 * fields that changed and the original ids.
 */
public final class Addendum extends JsonBacked {

  private final Optional<String> reason;
  private final List<String> updatedFields;
  private final Optional<String> originalRequestId;
  private final Optional<String> originalEventId;

  private Addendum(JsonObject json, String path) {
    super(json);
    Fields f = new Fields(json, path);
    this.reason = f.string("reason");
    this.updatedFields = updatedFields(f);
    this.originalRequestId = f.string("originalRequestID");
    this.originalEventId = f.string("originalEventID");
  }

  /**
   * AWS documents {@code updatedFields} without saying whether it is a list or one comma-separated
   * string.
   */
  private static List<String> updatedFields(Fields f) {
    if (f.has("updatedFields", JsonValue.Kind.STRING)) {
      return f.string("updatedFields")
          .map(s -> List.of(s.split(",", -1)).stream().map(String::trim).toList())
          .orElse(List.of());
    }
    return f.strings("updatedFields");
  }

  static Addendum read(JsonObject json, String path) {
    return new Addendum(json, path);
  }

  /**
   * Returns {@code reason}: {@code DELIVERY_DELAY}, {@code UPDATED_DATA} or {@code SERVICE_OUTAGE}.
   */
  public Optional<String> reason() {
    return reason;
  }

  /** Returns {@code updatedFields}, split when AWS sent them as one comma-separated string. */
  public List<String> updatedFields() {
    return updatedFields;
  }

  /** Returns {@code originalRequestID}. */
  public Optional<String> originalRequestId() {
    return originalRequestId;
  }

  /** Returns {@code originalEventID}. */
  public Optional<String> originalEventId() {
    return originalEventId;
  }
}
