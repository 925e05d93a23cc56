package dev.enclavetrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command as a user runs it: output, one-line errors and exit statuses. */
class CliTest {

  // evaluate and lint; parse, inventory and evaluate --events are in LogCommandsTest

  static final String IMAGE = "ab".repeat(48);
  static final String KEY_POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Enclave\",\"Effect\":\"Allow\","
          + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:role/enclave-app\"},\"Action\":\"kms:Decrypt\","
          + "\"Resource\":\"*\",\"Condition\":{\"StringEqualsIgnoreCase\":{\"kms:RecipientAttestation:ImageSha384\":\""
          + IMAGE
          + "\"}}}]}";
  static final String REQUEST =
      "{\"action\":\"kms:Decrypt\",\"principal\":\"arn:aws:sts::111122223333:assumed-role/enclave-app/i-1\","
          + "\"resource\":\"arn:aws:kms:us-west-2:111122223333:key/k\",\"context\":{\"kms:RecipientAttestation:ImageSha384\":\""
          + IMAGE
          + "\"}}";

  @TempDir Path dir;

  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = EnclaveTrailCommand.run(args, out, err, false);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void evaluate_request_printsDecisionJson() throws IOException {
    Run r =
        run(
            "evaluate",
            "--key-policy",
            file("key.json", KEY_POLICY).toString(),
            "--request",
            file("request.json", REQUEST).toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .startsWith(
            "{\"decision\":\"allowed\",\"reason\":\"allowed by key-policy statement `Enclave`\"");
    assertThat(r.out().lines()).hasSize(1);
  }

  @Test
  void evaluate_requestsAsTable_oneRowPerLine() throws IOException {
    String unattested =
        "{\"action\":\"kms:Decrypt\",\"principal\":\"arn:aws:sts::111122223333:assumed-role/enclave-app/i-2\"}";
    Run r =
        run(
            "evaluate",
            "--key-policy",
            file("key.json", KEY_POLICY).toString(),
            "--requests",
            file("requests.ndjson", REQUEST + "\n\n" + unattested + "\n").toString(),
            "--format",
            "table");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out().lines()).hasSize(4);
    assertThat(r.out()).contains("allowed").contains("implicitDeny");
  }

  @Test
  void evaluate_malformedPolicy_oneLineWithLocation_exit65() throws IOException {
    Path key = file("key.json", KEY_POLICY.replace("StringEqualsIgnoreCase", "StringEqualz"));
    Run r =
        run(
            "evaluate",
            "--key-policy",
            key.toString(),
            "--request",
            file("request.json", REQUEST).toString());
    assertThat(r.exitCode()).isEqualTo(65);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip())
        .isEqualTo(
            "enclavetrail: "
                + key
                + ": unknown condition operator `StringEqualz` in statement `Enclave` at byte "
                + KEY_POLICY.indexOf("\"StringEqualsIgnoreCase\"")
                + " (line 1, column "
                + (KEY_POLICY.indexOf("\"StringEqualsIgnoreCase\"") + 1)
                + ")");
  }

  @Test
  void evaluate_malformedRequestLine_namesLine_exit65() throws IOException {
    Run r =
        run(
            "evaluate",
            "--key-policy",
            file("key.json", KEY_POLICY).toString(),
            "--requests",
            file("requests.ndjson", REQUEST + "\n{\"action\":1}\n").toString());
    assertThat(r.exitCode()).isEqualTo(65);
    assertThat(r.err()).contains("requests.ndjson:2: `action` must be a string");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void evaluate_missingFile_exit66() {
    Run r =
        run("evaluate", "--key-policy", dir.resolve("absent.json").toString(), "--request", "x");
    assertThat(r.exitCode()).isEqualTo(66);
    assertThat(r.err().strip())
        .isEqualTo("enclavetrail: " + dir.resolve("absent.json") + ": no such file");
  }

  @Test
  void usageError_exit2() {
    Run r = run("evaluate", "--key-policy", "k.json");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Error: Missing required argument");
  }

  @Test
  void lint_findings_exit1_cleanPolicy_exit0() throws IOException {
    Run findings =
        run(
            "lint",
            file(
                    "weak.json",
                    KEY_POLICY.replace("StringEqualsIgnoreCase", "StringEqualsIgnoreCaseIfExists"))
                .toString());
    assertThat(findings.exitCode()).isEqualTo(1);
    assertThat(findings.out()).contains("attestation-missing-passes").contains("error");
    Run json = run("lint", "--format", "json", dir.resolve("weak.json").toString());
    assertThat(json.out())
        .startsWith("[{\"severity\":\"error\",\"rule\":\"attestation-missing-passes\"");
    Run clean = run("lint", file("key.json", KEY_POLICY).toString());
    assertThat(clean.exitCode()).isZero();
    assertThat(clean.out()).contains("no findings");
  }

  @Test
  void help_everyCommand() {
    assertThat(run("-h").out()).contains("evaluate").contains("lint");
    assertThat(run("evaluate", "-h").out()).contains("--key-policy");
    assertThat(run("lint", "-h").exitCode()).isZero();
  }
}
