package dev.enclavetrail.cli;

import dev.enclavetrail.parser.ReadSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code enclavetrail parse}: every record as one line of JSON, equal to the record that was read.
 */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description =
        "Reads CloudTrail logs in any delivery shape (log files, gzip, NDJSON, CloudWatch Logs exports and"
            + " subscription payloads, EventBridge, lookup-events) and writes each record as one line of JSON (NDJSON), equal to the input record. Errors go to stderr,"
            + " one line each; exit status 65 on malformed input.")
final class ParseCommand implements Callable<Integer> {

  @ParentCommand
  @SuppressWarnings("NullAway.Init")
  EnclaveTrailCommand root;

  @Option(
      names = "--lenient",
      description = "Report each malformed record and carry on with the next one.")
  boolean lenient;

  @Option(
      names = "--attested-only",
      description = "Only KMS requests with an attestation recipient.")
  boolean attestedOnly;

  @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "Log files or directories.")
  List<Path> paths = List.of();

  @Override
  public Integer call() {
    OutputStream out = root.stdout();
    ReadSummary summary =
        root.readLogs(
            paths,
            lenient,
            true,
            view -> {
              if (attestedOnly && !view.isAttestedKmsRequest()) {
                return;
              }
              try {
                view.writeJson(out);
                out.write('\n');
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    return summary.rejected() > 0 ? ExitCode.MALFORMED : ExitCode.OK;
  }
}
