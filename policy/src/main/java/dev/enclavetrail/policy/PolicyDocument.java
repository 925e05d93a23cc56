package dev.enclavetrail.policy;

import dev.enclavetrail.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An AWS KMS key policy or IAM identity policy, read strictly and compiled for evaluation.
 *
 * <p>Reading accepts the IAM grammar (statement as an object or array, scalar or array everywhere
 * AWS allows it, numbers and booleans as condition values) and rejects, with the byte offset, line
 * and column of the element, anything the evaluator would not fully understand: malformed JSON,
 * duplicate keys, unknown elements, operators or qualifiers, values an operator cannot use, a
 * {@code Principal} missing from a key policy or present in an identity policy. A policy that was
 * read can always be evaluated; one that could not be read never is.
 *
 * <pre>{@code
 * PolicyDocument keyPolicy = PolicyDocument.readKeyPolicy(Files.readString(path));
 * Decision decision = Authorizer.of(keyPolicy, List.of()).explain(request);
 * }</pre>
 */
public final class PolicyDocument {

  /** Where a policy is attached, which decides whether statements name principals. */
  public enum Type {
    /**
     * The key policy of a KMS key: every statement has {@code Principal} or {@code NotPrincipal}.
     */
    KEY_POLICY,
    /** An IAM identity policy of the caller: no statement names a principal. */
    IDENTITY_POLICY
  }

  private final Type type;
  private final Optional<String> version;
  private final Optional<String> id;
  private final List<Statement> statements;
  private final JsonObject json;

  PolicyDocument(
      Type type,
      @Nullable String version,
      @Nullable String id,
      List<Statement> statements,
      JsonObject json) {
    this.type = type;
    this.version = Optional.ofNullable(version);
    this.id = Optional.ofNullable(id);
    this.statements = List.copyOf(statements);
    this.json = json;
  }

  /**
   * Reads a key policy.
   *
   * @throws PolicyParseException if the policy is malformed or not fully understood
   */
  public static PolicyDocument readKeyPolicy(String json) {
    return read(json.getBytes(StandardCharsets.UTF_8), Type.KEY_POLICY);
  }

  /**
   * Reads an IAM identity policy.
   *
   * @throws PolicyParseException if the policy is malformed or not fully understood
   */
  public static PolicyDocument readIdentityPolicy(String json) {
    return read(json.getBytes(StandardCharsets.UTF_8), Type.IDENTITY_POLICY);
  }

  /**
   * Reads a policy of {@code type} from UTF-8 JSON; error offsets are byte offsets into {@code
   * json}.
   *
   * @throws PolicyParseException if the policy is malformed or not fully understood
   */
  public static PolicyDocument read(byte[] json, Type type) {
    return PolicyReader.read(json, type);
  }

  /** Returns where the policy is attached. */
  public Type type() {
    return type;
  }

  /**
   * Returns {@code Version}: {@code 2012-10-17} or {@code 2008-10-17}; policy variables need the
   * former.
   */
  public Optional<String> version() {
    return version;
  }

  /** Returns {@code Id}. */
  public Optional<String> id() {
    return id;
  }

  /** Returns the statements in order; a single statement object is a list of one. */
  public List<Statement> statements() {
    return statements;
  }

  /** Returns the policy as read, member order and value shapes (scalar or array) included. */
  public JsonObject json() {
    return json;
  }

  /** Returns the policy as compact JSON, equal to the document that was read. */
  public String toJson() {
    return json.toString();
  }

  @Override
  public String toString() {
    return toJson();
  }
}
