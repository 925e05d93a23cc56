package dev.enclavetrail.cli;

import dev.enclavetrail.core.json.JsonArray;
import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonValue;
import dev.enclavetrail.policy.Finding;
import dev.enclavetrail.policy.PolicyDocument;
import dev.enclavetrail.policy.PolicyLinter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code enclavetrail lint POLICY-FILE}: findings of the key-policy linter. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description =
        "Checks a KMS key policy of an enclave key for conditions that let requests without attestation through, attestation values that can never match, debug-mode measurements and bypasses. Exit status 1 when there are findings.")
final class LintCommand implements Callable<Integer> {

  @Spec
  @SuppressWarnings("NullAway.Init")
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "POLICY-FILE", description = "The key policy (JSON).")
  @SuppressWarnings("NullAway.Init")
  Path policyFile;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format = Format.table;

  enum Format {
    table,
    json
  }

  @Override
  public Integer call() {
    PolicyDocument policy = Policies.readKeyPolicy(policyFile);
    List<Finding> findings = PolicyLinter.create().lint(policy);
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(
          JsonArray.of(findings.stream().map(f -> (JsonValue) toJson(f)).toList()).toString());
    } else if (findings.isEmpty()) {
      out.println(policyFile + ": no findings");
    } else {
      Table table = new Table("SEVERITY", "RULE", "STATEMENT", "LINE:COL", "MESSAGE");
      for (Finding f : findings) {
        table.add(
            f.severity().name().toLowerCase(java.util.Locale.ROOT),
            f.code(),
            f.sid().orElse(String.valueOf(f.statementIndex())),
            f.location().line() + ":" + f.location().column(),
            f.message());
      }
      table.print(out);
    }
    out.flush();
    return findings.isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
  }

  private static JsonObject toJson(Finding f) {
    JsonObject.Builder b =
        JsonObject.builder()
            .put("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT))
            .put("rule", f.code())
            .put("message", f.message())
            .put("statement", f.statementIndex());
    f.sid().ifPresent(s -> b.put("sid", s));
    return b.put("byteOffset", f.location().byteOffset())
        .put("line", f.location().line())
        .put("column", f.location().column())
        .build();
  }
}
