package dev.enclavetrail.cli;

import dev.enclavetrail.core.CloudTrailFormatException;
import dev.enclavetrail.parser.CloudTrailReader;
import dev.enclavetrail.parser.ReadSummary;
import dev.enclavetrail.parser.RecordHandler;
import dev.enclavetrail.policy.PolicyParseException;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
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
    subcommands = {
      ParseCommand.class,
      InventoryCommand.class,
      EvaluateCommand.class,
      LintCommand.class
    })
public final class EnclaveTrailCommand {

  private final OutputStream stdout;
  private final PrintWriter stderr;
  private final boolean stderrTerminal;
  private final boolean stdoutTerminal;

  private EnclaveTrailCommand(
      OutputStream stdout, PrintWriter stderr, boolean stderrTerminal, boolean stdoutTerminal) {
    this.stdout = stdout;
    this.stderr = stderr;
    this.stderrTerminal = stderrTerminal;
    this.stdoutTerminal = stdoutTerminal;
  }

  /**
   * Runs the command and exits with its status. The launcher script says which standard streams are
   * terminals (system properties {@code enclavetrail.stderr.terminal} and {@code
   * enclavetrail.stdout.terminal}, from {@code test -t}); without them, both are taken to be
   * terminals exactly when the JVM has a console.
   */
  // On JDK 17 a console exists only when standard input and output are both terminals: the best
  // guess without the launcher's answer.
  @SuppressWarnings("SystemConsoleNull")
  public static void main(String[] args) {
    boolean console = System.console() != null;
    OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
    System.exit(
        run(args, out, System.err, terminal("stderr", console), terminal("stdout", console)));
  }

  private static boolean terminal(String stream, boolean fallback) {
    String said = System.getProperty("enclavetrail." + stream + ".terminal");
    return said == null ? fallback : Boolean.parseBoolean(said);
  }

  /**
   * Runs the command with {@code out} and {@code err} as its streams and returns its exit status;
   * progress is shown on {@code err} only when {@code interactive} (stderr is a terminal, and
   * {@code out} is not the terminal a command streams its records to).
   */
  public static int run(String[] args, OutputStream out, OutputStream err, boolean interactive) {
    return run(args, out, err, interactive, false);
  }

  private static int run(
      String[] args,
      OutputStream out,
      OutputStream err,
      boolean stderrTerminal,
      boolean stdoutTerminal) {
    PrintWriter errWriter =
        new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    PrintWriter outWriter =
        new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
    CommandLine cli =
        new CommandLine(new EnclaveTrailCommand(out, errWriter, stderrTerminal, stdoutTerminal));
    cli.setOut(outWriter);
    cli.setErr(errWriter);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          outWriter.flush();
          errWriter.println("enclavetrail: " + message(e));
          return exitCode(e);
        });
    int code = cli.execute(args);
    outWriter.flush();
    try {
      out.flush();
    } catch (IOException e) {
      errWriter.println("enclavetrail: cannot write the output: " + e.getMessage());
      code = ExitCode.IO_ERROR;
    }
    errWriter.flush();
    return code;
  }

  /** Returns standard output as bytes, for commands that write JSON lines. */
  OutputStream stdout() {
    return stdout;
  }

  /** Returns standard error, for one-line reports and progress. */
  PrintWriter stderr() {
    return stderr;
  }

  /**
   * Reads CloudTrail logs for a subcommand: every path must exist (exit 66 otherwise); strict, or
   * lenient with each bad record reported on stderr as one line; progress on stderr when it is a
   * terminal, unless the command {@code streams} records to a standard output that is the terminal
   * too (progress would cut through its lines).
   */
  ReadSummary readLogs(List<Path> paths, boolean lenient, boolean streams, RecordHandler handler) {
    paths.forEach(Inputs::requireExists);
    Progress progress = new Progress(stderr, stderrTerminal && !(streams && stdoutTerminal));
    CloudTrailReader reader =
        lenient
            ? CloudTrailReader.builder()
                .lenient(
                    e -> {
                      progress.clear();
                      stderr.println("enclavetrail: " + e.getMessage());
                    })
                .build()
            : CloudTrailReader.create();
    ReadSummary summary =
        reader.read(
            paths,
            view -> {
              progress.record();
              handler.record(view);
            });
    progress.clear();
    return summary;
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
    if (e instanceof UncheckedIOException u && u.getCause() instanceof NoSuchFileException) {
      return ExitCode.NOT_FOUND;
    }
    return ExitCode.IO_ERROR;
  }

  private static String message(Exception e) {
    String m = e.getMessage();
    if (e instanceof UncheckedIOException u && u.getCause() instanceof NoSuchFileException n) {
      m = n.getFile() + ": no such file or directory";
    } else if (e instanceof UncheckedIOException u && u.getCause() != null) {
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
