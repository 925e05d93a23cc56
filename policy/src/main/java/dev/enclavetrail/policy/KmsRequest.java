package dev.enclavetrail.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.enclavetrail.core.CloudTrailRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An AWS KMS request as the policy evaluator sees it: the action, the calling principal, the key
 * (absent for {@code kms:GenerateRandom}) and the request context, whose keys are matched
 * case-insensitively and whose values are single strings or lists of strings (multivalued keys).
 *
 * <p>Build one with {@link #builder()}, read one from the request JSON of the {@code evaluate}
 * command with {@link #readJson(String)}, or derive one from a CloudTrail record with {@link
 * #from(CloudTrailRecord)}, which fills the context as KMS would have. Instances are immutable and
 * thread-safe; everything the evaluator needs is computed once here, so evaluating allocates
 * nothing.
 *
 * <pre>{@code
 * KmsRequest request = KmsRequest.builder()
 *     .action("kms:Decrypt")
 *     .principal("arn:aws:sts::111122223333:assumed-role/enclave-app/i-0abc")
 *     .resource("arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
 *     .context("kms:RecipientAttestation:ImageSha384", imageSha384Hex)
 *     .build();
 * }</pre>
 */
public final class KmsRequest {

  private static final JsonFactory JSON = new JsonFactory();

  private final String action;
  private final String actionLowerCase;
  private final String principal;
  private final PrincipalType principalType;
  private final @Nullable String resource;
  private final @Nullable String resourceAccount;

  /** Context keys as written, in order; their values are in {@link #byLowerCaseKey}. */
  private final String[] keys;

  private final Map<String, String[]> byLowerCaseKey;
  private final CallerIdentity caller;

  private KmsRequest(Builder b) {
    this.action = Objects.requireNonNull(b.action, "action");
    this.actionLowerCase = action.toLowerCase(Locale.ROOT);
    this.principal = Objects.requireNonNull(b.principal, "principal");
    this.principalType = b.principalType;
    this.resource = b.resource;
    this.resourceAccount = b.resource == null ? null : Arns.component(b.resource, 4);
    this.keys = b.keys.toArray(new String[0]);
    this.byLowerCaseKey = b.byLowerCaseKey;
    b.reset(); // the request owns the map; the builder copies it if used again
    this.caller = CallerIdentity.of(principal, principalType);
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Derives the request KMS evaluated from a CloudTrail record of a KMS call: action {@code
   * kms:<eventName>}, the caller, the key ARN and the context keys KMS would have set (see {@link
   * RecordContext} for each mapping).
   *
   * @throws IllegalArgumentException if the record is not a KMS call or names no caller
   */
  public static KmsRequest from(CloudTrailRecord record) {
    return RecordContext.request(record);
  }

  /** Returns the action, such as {@code kms:Decrypt}. */
  public String action() {
    return action;
  }

  /** Returns the calling principal: an ARN, or a service, federated or canonical-user id. */
  public String principal() {
    return principal;
  }

  /** Returns the kind of the calling principal. */
  public PrincipalType principalType() {
    return principalType;
  }

  /** Returns the ARN of the KMS key, absent for {@code kms:GenerateRandom} or when unknown. */
  public Optional<String> resource() {
    return Optional.ofNullable(resource);
  }

  /** Returns the request context in the order it was given, with the keys as written. */
  public Map<String, List<String>> context() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String key : keys) {
      out.put(key, List.of(byLowerCaseKey.get(ContextKeys.lowerCase(key))));
    }
    return Collections.unmodifiableMap(out);
  }

  /** Returns the values of a context key, matched case-insensitively. */
  public Optional<List<String>> contextValues(String key) {
    String[] v = byLowerCaseKey.get(ContextKeys.lowerCase(key));
    return v == null ? Optional.empty() : Optional.of(List.of(v));
  }

  String actionLowerCase() {
    return actionLowerCase;
  }

  @Nullable String resourceOrNull() {
    return resource;
  }

  /** The account of the key ARN, or null; computed once so that evaluation allocates nothing. */
  @Nullable String resourceAccount() {
    return resourceAccount;
  }

  /** Values of a lower-case key, or null; no allocation. */
  String @Nullable [] valuesOf(String lowerCaseKey) {
    return byLowerCaseKey.get(lowerCaseKey);
  }

  CallerIdentity caller() {
    return caller;
  }

  @Override
  public String toString() {
    return "KmsRequest{" + action + " by " + principal + " on " + resource + ", " + context() + "}";
  }

  /**
   * Reads a request in the JSON form of the {@code evaluate} command: {@code {"action":
   * "kms:Decrypt", "principal": "arn:…", "principalType": "AWS", "resource": "arn:…", "context":
   * {"key": "value" | ["v1", "v2"]}}}; {@code principalType} and {@code resource} are optional.
   *
   * @throws IllegalArgumentException if the text is not such JSON; the message gives the location
   */
  public static KmsRequest readJson(String json) {
    try (JsonParser p = JSON.createParser(json)) {
      try {
        return readRequest(p);
      } catch (JsonProcessingException e) {
        String m = e.getOriginalMessage();
        throw new IllegalArgumentException(
            (m == null ? "malformed JSON" : m.lines().findFirst().orElse("malformed JSON"))
                + location(p),
            e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static KmsRequest readRequest(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new IllegalArgumentException("a request must be a JSON object" + location(p));
    }
    Builder b = builder();
    List<String> seen = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      String nameAt = location(p);
      if (seen.contains(name)) {
        throw new IllegalArgumentException(
            "duplicate request member `" + Node.excerpt(name) + "`" + nameAt);
      }
      seen.add(name);
      JsonToken t = p.nextToken();
      switch (name) {
        case "action" -> b.action(text(p, t, name));
        case "principal" -> b.principal(text(p, t, name));
        case "principalType" -> {
          String type = text(p, t, name);
          b.principalType(
              PrincipalType.fromText(type)
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "unknown principal type `"
                                  + Node.excerpt(type)
                                  + "`"
                                  + location(p))));
        }
        case "resource" -> {
          if (t != JsonToken.VALUE_NULL) {
            b.resource(text(p, t, name));
          }
        }
        case "context" -> readContext(p, t, b);
        default ->
            throw new IllegalArgumentException(
                "unknown request member `" + Node.excerpt(name) + "`" + nameAt);
      }
    }
    if (p.nextToken() != null) {
      throw new IllegalArgumentException("trailing content after the request" + location(p));
    }
    if (b.action == null || b.principal == null) {
      throw new IllegalArgumentException("a request needs `action` and `principal`");
    }
    return b.build();
  }

  private static void readContext(JsonParser p, JsonToken t, Builder b) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      throw new IllegalArgumentException("`context` must be an object" + location(p));
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      if (v == JsonToken.START_ARRAY) {
        List<String> values = new ArrayList<>();
        while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
          values.add(text(p, v, key));
        }
        b.context(key, values);
      } else {
        b.context(key, text(p, v, key));
      }
    }
  }

  private static String text(JsonParser p, @Nullable JsonToken t, String name) throws IOException {
    if (t != JsonToken.VALUE_STRING) {
      throw new IllegalArgumentException(
          "`" + Node.excerpt(name) + "` must be a string" + location(p));
    }
    return p.getText();
  }

  private static String location(JsonParser p) {
    var at = p.currentTokenLocation();
    return " at byte "
        + at.getCharOffset()
        + " (line "
        + at.getLineNr()
        + ", column "
        + at.getColumnNr()
        + ")";
  }

  /** Builds a {@link KmsRequest}; {@code action} and {@code principal} are required. */
  public static final class Builder {
    private @Nullable String action;
    private @Nullable String principal;
    private PrincipalType principalType = PrincipalType.AWS;
    private @Nullable String resource;
    private List<String> keys = new ArrayList<>();
    private Map<String, String[]> byLowerCaseKey = new HashMap<>();
    private boolean shared;

    private Builder() {}

    /** Sets the action, such as {@code kms:Decrypt}. */
    public Builder action(String action) {
      this.action = Objects.requireNonNull(action, "action");
      return this;
    }

    /** Sets the calling principal's ARN (or service, federated or canonical-user id). */
    public Builder principal(String principal) {
      this.principal = Objects.requireNonNull(principal, "principal");
      return this;
    }

    /** Sets the kind of the calling principal; {@link PrincipalType#AWS} by default. */
    public Builder principalType(PrincipalType type) {
      this.principalType = Objects.requireNonNull(type, "type");
      return this;
    }

    /** Sets the key ARN. */
    public Builder resource(@Nullable String keyArn) {
      this.resource = keyArn;
      return this;
    }

    /** Sets a single-valued context key. */
    public Builder context(String key, String value) {
      return put(key, new String[] {Objects.requireNonNull(value, "value")});
    }

    /**
     * Sets a multivalued context key.
     *
     * @throws IllegalArgumentException if the key was set already, in any case
     */
    public Builder context(String key, List<String> values) {
      return put(key, List.copyOf(values).toArray(new String[0]));
    }

    private Builder put(String key, String[] values) {
      own();
      if (byLowerCaseKey.putIfAbsent(ContextKeys.lowerCase(key), values) != null) {
        throw new IllegalArgumentException(
            "context key `" + Node.excerpt(key) + "` given twice (keys are case-insensitive)");
      }
      keys.add(key);
      return this;
    }

    /** Marks the maps as handed to a request: the next change works on copies. */
    private void reset() {
      shared = true;
    }

    private void own() {
      if (shared) {
        keys = new ArrayList<>(keys);
        byLowerCaseKey = new HashMap<>(byLowerCaseKey);
        shared = false;
      }
    }

    /** Returns the request. */
    public KmsRequest build() {
      return new KmsRequest(this);
    }
  }
}
