package dev.enclavetrail.cli;

import dev.enclavetrail.core.AttestationRecipient;
import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.parser.ReadSummary;
import dev.enclavetrail.parser.RecordView;
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
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code enclavetrail evaluate}: what a key policy (and the caller's identity policies) decide
 * about requests, as AWS KMS would, with the statements that decided.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description =
        "Decides each request as AWS KMS would (allowed, explicitDeny or implicitDeny), with the statements that"
            + " decided and, for every statement, what matched. One decision JSON per line; with --events, one"
            + " per KMS record of the logs, headed by the event it decides.")
final class EvaluateCommand implements Callable<Integer> {

  @Spec
  @SuppressWarnings("NullAway.Init")
  CommandSpec spec;

  @ParentCommand
  @SuppressWarnings("NullAway.Init")
  EnclaveTrailCommand root;

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

  /** Where the requests come from: exactly one of these. */
  static final class Source {
    @Option(names = "--request", paramLabel = "FILE", description = "One request (JSON).")
    @Nullable Path request;

    @Option(
        names = "--requests",
        paramLabel = "FILE",
        description = "Requests, one JSON object per line.")
    @Nullable Path requests;

    @Option(
        names = "--events",
        arity = "1..*",
        paramLabel = "FILE|DIR",
        description = "CloudTrail logs: every KMS record in them, attested or not.")
    @Nullable List<Path> events;
  }

  @Option(
      names = "--lenient",
      description = "With --events: report each malformed record and carry on.")
  boolean lenient;

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
        identityPolicies.stream().map(Policies::readIdentityPolicy).toList();
    Authorizer authorizer = Authorizer.of(key, identity);
    Output output = new Output(spec.commandLine().getOut(), format);
    int code = ExitCode.OK;
    Path single = source.request;
    Path many = source.requests;
    List<Path> events = source.events;
    if (single != null) {
      String json = new String(Inputs.read(single), StandardCharsets.UTF_8);
      output.print(request(single, json, 0), authorizer, null);
    } else if (many != null) {
      requests(many, output, authorizer);
    } else if (events != null) {
      code = events(events, output, authorizer);
    }
    output.finish();
    return code;
  }

  private static void requests(Path file, Output output, Authorizer authorizer) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (!line.isBlank()) {
          output.print(request(file, line, number), authorizer, null);
        }
      }
    } catch (NoSuchFileException e) {
      throw new CliException(ExitCode.NOT_FOUND, file + ": no such file");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int events(List<Path> paths, Output output, Authorizer authorizer) {
    ReadSummary summary =
        root.readLogs(
            paths,
            lenient,
            true,
            view -> {
              if (!view.isKms()) {
                return;
              }
              CloudTrailRecord record = view.toRecord();
              try {
                output.print(KmsRequest.from(record), authorizer, event(view, record));
              } catch (IllegalArgumentException e) {
                root.stderr()
                    .println(
                        "enclavetrail: "
                            + view.source().name()
                            + " record "
                            + view.recordIndex()
                            + ": cannot be evaluated: "
                            + e.getMessage());
              }
            });
    return summary.rejected() > 0 ? ExitCode.MALFORMED : ExitCode.OK;
  }

  private static JsonObject event(RecordView view, CloudTrailRecord record) {
    JsonObject.Builder b =
        JsonObject.builder().put("file", view.source().name()).put("index", view.recordIndex());
    record.eventId().ifPresent(id -> b.put("eventID", id));
    record.eventTime().ifPresent(t -> b.put("eventTime", t.toString()));
    record.eventName().ifPresent(n -> b.put("eventName", n));
    record
        .attestationRecipient()
        .flatMap(AttestationRecipient::moduleId)
        .ifPresent(m -> b.put("moduleId", m.text()));
    return b.build();
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
    private final @Nullable Table table;

    Output(PrintWriter out, Format format) {
      this.out = out;
      this.table =
          format == Format.table
              ? new Table("EVENT TIME", "ACTION", "PRINCIPAL", "DECISION", "REASON")
              : null;
    }

    void print(KmsRequest request, Authorizer authorizer, @Nullable JsonObject event) {
      Decision d = authorizer.explain(request);
      Table t = table;
      if (t != null) {
        String time = event == null ? "" : event.getString("eventTime").orElse("");
        t.add(time, request.action(), request.principal(), d.outcome().text(), d.reason());
      } else if (event == null) {
        out.println(d.toJson());
      } else {
        JsonObject.Builder b = JsonObject.builder().put("event", event);
        JsonObject decision = d.json();
        for (int i = 0; i < decision.size(); i++) {
          b.put(decision.nameAt(i), decision.valueAt(i));
        }
        out.println(b.build());
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
