package dev.enclavetrail.core;

import dev.enclavetrail.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code attributes} of a {@link SessionContext}: when the credentials were issued and whether
 * MFA was used. Both are strings on the wire; {@code creationDate} is read in ISO 8601 extended
 * ({@code 2025-05-23T08:59:50Z}) or basic ({@code 20131102T010628Z}) form.
 */
public final class SessionAttributes extends JsonBacked {

  private final @Nullable Instant creationDate;
  private final @Nullable Boolean mfaAuthenticated;

  private SessionAttributes(JsonObject json, String path) {
    super(json);
    Fields f = new Fields(json, path);
    this.creationDate = f.instantOrNull("creationDate");
    this.mfaAuthenticated = f.boolOrNull("mfaAuthenticated");
  }

  static SessionAttributes read(JsonObject json, String path) {
    return new SessionAttributes(json, path);
  }

  /** Returns {@code creationDate}, when the temporary credentials were issued. */
  public Optional<Instant> creationDate() {
    return Optional.ofNullable(creationDate);
  }

  /** Returns {@code mfaAuthenticated} (sent as {@code "true"} or {@code "false"}). */
  public Optional<Boolean> mfaAuthenticated() {
    return Optional.ofNullable(mfaAuthenticated);
  }
}
