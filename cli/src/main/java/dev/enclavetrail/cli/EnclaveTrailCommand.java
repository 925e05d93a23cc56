package dev.enclavetrail.cli;

import dev.enclavetrail.core.CloudTrailFormatException;
import dev.enclavetrail.policy.PolicyParseException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code enclavetrail} command. Exit status: 0 success, 1 findings, 2 usage error, 65 malformed
 * input, 66 input not found, 74 I/O error; every error is one line on stderr.
 */
@Command(
    name = "enclavetrail",
    mixinStandardHelpOptions = true,
    versionProvider = EnclaveTrailCommand.Version.class,
    description =
        "Reads CloudTrail logs of attested AWS KMS requests and decides what key policies say about them.",
    subcommands = {EvaluateCommand.class, LintCommand.class})
public final class EnclaveTrailCommand {

  private EnclaveTrailCommand() {}

  /** Runs the command and exits with its status. */
  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(args, out, err));
  }

  /**
   * Runs the command with {@code out} and {@code err} as its streams and returns its exit status.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new EnclaveTrailCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          int code = exitCode(e);
          err.println("enclavetrail: " + message(e));
          err.flush();
          return code;
        });
    int code = cli.execute(args);
    out.flush();
    return code;
  }

  private static int exitCode(Exception e) {
    if (e instanceof CliException c) {
      return c.exitCode();
    }
    if (e instanceof PolicyParseException
        || e instanceof CloudTrailFormatException
        || e instanceof IllegalArgumentException) {
      return ExitCode.MALFORMED;
    }
    if (e instanceof UncheckedIOException) {
      return ExitCode.IO_ERROR;
    }
    return ExitCode.IO_ERROR;
  }

  private static String message(Exception e) {
    String m = e.getMessage();
    if (e instanceof UncheckedIOException u && u.getCause() != null) {
      m = u.getCause().getMessage();
    }
    return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }

  /** Prints the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = EnclaveTrailCommand.class.getPackage().getImplementationVersion();
      return new String[] {"enclavetrail " + (v == null ? "development build" : v)};
    }
  }
}
