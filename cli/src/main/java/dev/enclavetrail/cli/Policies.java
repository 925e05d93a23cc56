package dev.enclavetrail.cli;

import dev.enclavetrail.policy.PolicyDocument;
import dev.enclavetrail.policy.PolicyParseException;
import java.nio.file.Path;

/** Reading policy files, with one-line errors naming the file. */
final class Policies {

  private Policies() {}

  static PolicyDocument readKeyPolicy(Path file) {
    return read(file, PolicyDocument.Type.KEY_POLICY);
  }

  static PolicyDocument readIdentityPolicy(Path file) {
    return read(file, PolicyDocument.Type.IDENTITY_POLICY);
  }

  private static PolicyDocument read(Path file, PolicyDocument.Type type) {
    byte[] bytes = Inputs.read(file);
    try {
      return PolicyDocument.read(bytes, type);
    } catch (PolicyParseException e) {
      throw new CliException(ExitCode.MALFORMED, file + ": " + e.getMessage());
    }
  }
}
