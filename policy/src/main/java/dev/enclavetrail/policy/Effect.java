package dev.enclavetrail.policy;

/** The {@code Effect} of a policy statement. */
public enum Effect {
  /** {@code "Allow"}. */
  ALLOW("Allow"),
  /** {@code "Deny"}. */
  DENY("Deny");

  private final String text;

  Effect(String text) {
    this.text = text;
  }

  /** Returns the spelling in policies: {@code Allow} or {@code Deny}. */
  public String text() {
    return text;
  }
}
