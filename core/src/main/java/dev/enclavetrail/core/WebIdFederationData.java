package dev.enclavetrail.core;

import dev.enclavetrail.core.json.JsonObject;
import java.util.Optional;

/**
 * The {@code webIdFederationData} of a {@link SessionContext}: the web-identity provider and its
 * attributes.
 */
public final class WebIdFederationData extends JsonBacked {

  private final Optional<String> federatedProvider;
  private final Optional<JsonObject> attributes;

  private WebIdFederationData(JsonObject json, String path) {
    super(json);
    Fields f = new Fields(json, path);
    this.federatedProvider = f.string("federatedProvider");
    this.attributes = f.object("attributes");
  }

  static WebIdFederationData read(JsonObject json, String path) {
    return new WebIdFederationData(json, path);
  }

  /** Returns {@code federatedProvider}, for example {@code cognito-identity.amazonaws.com}. */
  public Optional<String> federatedProvider() {
    return federatedProvider;
  }

  /** Returns the provider's {@code attributes}, kept as JSON. */
  public Optional<JsonObject> attributes() {
    return attributes;
  }
}
