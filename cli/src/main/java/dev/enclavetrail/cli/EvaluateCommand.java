package dev.enclavetrail.cli;

import dev.enclavetrail.policy.Authorizer;
import dev.enclavetrail.policy.Decision;
import dev.enclavetrail.policy.KmsRequest;
import dev.enclavetrail.policy.PolicyDocument;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code enclavetrail evaluate}: what a key policy (and the caller's identity policies) decide
 * about requests, as AWS KMS would, with the statements that decided.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description =
        "Decides each request as AWS KMS would (allowed, explicitDeny or implicitDeny), with the statements that decided and, for every statement, what matched. One decision JSON per line.")
final class EvaluateCommand implements Callable<Integer> {

  @Spec
  @SuppressWarnings("NullAway.Init")
  CommandSpec spec;

  @Option(
      names = "--key-policy",
      required = true,
      paramLabel = "FILE",
      description = "The KMS key policy.")
  @SuppressWarnings("NullAway.Init")
  Path keyPolicy;

  @Option(
      names = "--identity-policy",
      paramLabel = "FILE",
      description = "An IAM policy of the caller (repeatable).")
  List<Path> identityPolicies = new ArrayList<>();

  @ArgGroup(exclusive = true, multiplicity = "1")
  @SuppressWarnings("NullAway.Init")
  Source source;

  static final class Source {
    @Option(names = "--request", paramLabel = "FILE", description = "One request (JSON).")
    @Nullable Path request;

    @Option(
        names = "--requests",
        paramLabel = "FILE",
        description = "Requests, one JSON object per line.")
    @Nullable Path requests;
  }

  @Option(
      names = "--format",
      defaultValue = "json",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format = Format.json;

  enum Format {
    json,
    table
  }

  @Override
  public Integer call() {
    PolicyDocument key = Policies.readKeyPolicy(keyPolicy);
    List<PolicyDocument> identity =
        identityPolicies.stream().map(Policies::readIdentityPolicy).collect(Collectors.toList());
    Authorizer authorizer = Authorizer.of(key, identity);
    Output output = new Output(spec.commandLine().getOut(), format);
    Path single = source.request;
    Path many = source.requests;
    if (single != null) {
      output.print(
          request(single, new String(Inputs.read(single), StandardCharsets.UTF_8), 0), authorizer);
    } else if (many != null) {
      try (BufferedReader in = Files.newBufferedReader(many, StandardCharsets.UTF_8)) {
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
          number++;
          if (!line.isBlank()) {
            output.print(request(many, line, number), authorizer);
          }
        }
      } catch (NoSuchFileException e) {
        throw new CliException(ExitCode.NOT_FOUND, many + ": no such file");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    output.finish();
    return ExitCode.OK;
  }

  private static KmsRequest request(Path file, String json, int line) {
    try {
      return KmsRequest.readJson(json);
    } catch (IllegalArgumentException e) {
      throw new CliException(
          ExitCode.MALFORMED, file + (line > 0 ? ":" + line : "") + ": " + e.getMessage());
    }
  }

  /** Prints decisions as JSON lines or collects them into a table. */
  static final class Output {
    private final PrintWriter out;
    private final Format format;
    private final @Nullable Table table;

    Output(PrintWriter out, Format format) {
      this.out = out;
      this.format = format;
      this.table =
          format == Format.table ? new Table("ACTION", "PRINCIPAL", "DECISION", "REASON") : null;
    }

    void print(KmsRequest request, Authorizer authorizer) {
      Decision d = authorizer.explain(request);
      if (format == Format.json || table == null) {
        out.println(d.toJson());
      } else {
        table.add(request.action(), request.principal(), d.outcome().text(), d.reason());
      }
    }

    void finish() {
      if (table != null) {
        table.print(out);
      }
      out.flush();
    }
  }
}
