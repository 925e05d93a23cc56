package dev.enclavetrail.core;

import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonString;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code webIdFederationData} of a {@link SessionContext}: the web-identity provider and its
 * attributes.
 */
public final class WebIdFederationData extends JsonBacked {

  private final @Nullable JsonString federatedProvider;
  private final @Nullable JsonObject attributes;

  private WebIdFederationData(JsonObject json, String path) {
    super(json);
    Fields f = new Fields(json, path);
    this.federatedProvider = f.jsonString("federatedProvider");
    this.attributes = f.objectOrNull("attributes");
  }

  static WebIdFederationData read(JsonObject json, String path) {
    return new WebIdFederationData(json, path);
  }

  /** Returns {@code federatedProvider}, for example {@code cognito-identity.amazonaws.com}. */
  public Optional<String> federatedProvider() {
    return Fields.text(federatedProvider);
  }

  /** Returns the provider's {@code attributes}, kept as JSON. */
  public Optional<JsonObject> attributes() {
    return Optional.ofNullable(attributes);
  }
}
