package dev.enclavetrail.policy;

import java.util.Optional;

/** The kinds of principal a {@code Principal} block names, and of the caller of a request. */
public enum PrincipalType {
  /** IAM principals: accounts, users, roles, role sessions, federated users ({@code "AWS"}). */
  AWS("AWS"),
  /** AWS service principals such as {@code cloudtrail.amazonaws.com} ({@code "Service"}). */
  SERVICE("Service"),
  /** Web-identity or SAML federation providers ({@code "Federated"}). */
  FEDERATED("Federated"),
  /** Amazon S3 canonical user ids ({@code "CanonicalUser"}). */
  CANONICAL_USER("CanonicalUser");

  private final String text;

  PrincipalType(String text) {
    this.text = text;
  }

  /** Returns the key used in a {@code Principal} block, such as {@code AWS}. */
  public String text() {
    return text;
  }

  /** Returns the type whose key is exactly {@code text}. */
  public static Optional<PrincipalType> fromText(String text) {
    for (PrincipalType t : values()) {
      if (t.text.equals(text)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
