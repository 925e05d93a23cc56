package dev.enclavetrail.cli;

import dev.enclavetrail.core.AttestationRecipient;
import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.KmsRequestParameters;
import dev.enclavetrail.core.Measurement;
import dev.enclavetrail.core.ModuleId;
import dev.enclavetrail.core.UserIdentity;
import dev.enclavetrail.core.json.JsonArray;
import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonValue;
import dev.enclavetrail.parser.ReadSummary;
import dev.enclavetrail.policy.KmsRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code enclavetrail inventory}: every attested KMS request, grouped by enclave, image, PCR8, key,
 * operation and principal, with counts and first and last seen.
 */
@Command(
    name = "inventory",
    mixinStandardHelpOptions = true,
    description =
        "Lists every attested KMS request grouped by enclave (module id and parent instance), image digest"
            + " (PCR0), PCR8, key, operation and principal, with counts and first/last seen. NitroTPM"
            + " recipients are listed as such; debug-mode (all-zero) measurements are flagged.")
final class InventoryCommand implements Callable<Integer> {

  @Spec
  @SuppressWarnings("NullAway.Init")
  CommandSpec spec;

  @ParentCommand
  @SuppressWarnings("NullAway.Init")
  EnclaveTrailCommand root;

  @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "Log files or directories.")
  List<Path> paths = List.of();

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format = Format.table;

  @Option(names = "--lenient", description = "Report each malformed record and carry on.")
  boolean lenient;

  enum Format {
    table,
    json,
    csv
  }

  /** What identifies one line of the inventory. */
  record Group(
      String type,
      String moduleId,
      String parentInstance,
      String image,
      String pcr8,
      String key,
      String operation,
      String principal,
      boolean debugMode) {}

  /** Counts and times of one group. */
  static final class Seen {
    long count;
    Optional<Instant> first = Optional.empty();
    Optional<Instant> last = Optional.empty();

    void add(Optional<Instant> time) {
      count++;
      if (time.isPresent()) {
        Instant t = time.get();
        first = Optional.of(first.filter(f -> f.isBefore(t)).orElse(t));
        last = Optional.of(last.filter(l -> l.isAfter(t)).orElse(t));
      }
    }
  }

  private static final Comparator<Group> ORDER =
      Comparator.comparing(Group::type)
          .thenComparing(Group::moduleId)
          .thenComparing(Group::image)
          .thenComparing(Group::key)
          .thenComparing(Group::operation)
          .thenComparing(Group::principal);

  @Override
  public Integer call() {
    Map<Group, Seen> groups = new TreeMap<>(ORDER);
    ReadSummary summary =
        root.readLogs(
            paths,
            lenient,
            false,
            view -> {
              if (view.isAttestedKmsRequest()) {
                CloudTrailRecord record = view.toRecord();
                groups.computeIfAbsent(group(record), g -> new Seen()).add(record.eventTime());
              }
            });
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case json -> out.println(json(groups));
      case csv -> csv(groups, out);
      case table -> table(groups, summary, out);
    }
    out.flush();
    return summary.rejected() > 0 ? ExitCode.MALFORMED : ExitCode.OK;
  }

  static Group group(CloudTrailRecord record) {
    AttestationRecipient r = record.attestationRecipient().orElseThrow();
    Optional<ModuleId> id = r.moduleId();
    String type =
        switch (r.type()) {
          case ENCLAVE -> "enclave";
          case NITRO_TPM -> "nitrotpm";
          case UNKNOWN -> "unknown";
        };
    String key;
    try {
      key = KmsRequest.from(record).resource().orElse("");
    } catch (IllegalArgumentException e) {
      key = "";
    }
    if (key.isEmpty()) {
      key = record.kmsRequestParameters().flatMap(KmsRequestParameters::keyId).orElse("");
    }
    return new Group(
        type,
        id.map(ModuleId::text).orElse(""),
        id.flatMap(ModuleId::parentInstanceId).orElse(""),
        r.imageDigest().map(InventoryCommand::hex).orElse(""),
        r.enclavePcr(8).map(InventoryCommand::hex).orElse(""),
        key,
        record.eventName().orElse(""),
        record.userIdentity().flatMap(UserIdentity::arn).orElse(""),
        r.type() == AttestationRecipient.Type.ENCLAVE ? r.isDebugMode() : allZero(r));
  }

  private static boolean allZero(AttestationRecipient r) {
    return !r.nitroTpmPcrs().isEmpty()
        && r.nitroTpmPcrs().values().stream().allMatch(Measurement::isAllZero);
  }

  private static String hex(Measurement m) {
    return m.hex().orElse(m.text());
  }

  private static String json(Map<Group, Seen> groups) {
    List<JsonValue> rows = new ArrayList<>();
    groups.forEach(
        (g, s) -> {
          JsonObject.Builder b =
              JsonObject.builder()
                  .put("type", g.type())
                  .put("moduleId", g.moduleId())
                  .put("parentInstance", g.parentInstance())
                  .put("imageSha384", g.image())
                  .put("pcr8", g.pcr8())
                  .put("key", g.key())
                  .put("operation", g.operation())
                  .put("principal", g.principal())
                  .put("count", s.count);
          s.first.ifPresent(t -> b.put("firstSeen", t.toString()));
          s.last.ifPresent(t -> b.put("lastSeen", t.toString()));
          rows.add(b.put("debugMode", g.debugMode()).build());
        });
    return JsonArray.of(rows).toString();
  }

  private static void csv(Map<Group, Seen> groups, PrintWriter out) {
    out.println(
        "type,moduleId,parentInstance,imageSha384,pcr8,key,operation,principal,count,firstSeen,lastSeen,debugMode");
    groups.forEach(
        (g, s) ->
            out.println(
                String.join(
                    ",",
                    csvCell(g.type()),
                    csvCell(g.moduleId()),
                    csvCell(g.parentInstance()),
                    csvCell(g.image()),
                    csvCell(g.pcr8()),
                    csvCell(g.key()),
                    csvCell(g.operation()),
                    csvCell(g.principal()),
                    Long.toString(s.count),
                    s.first.map(Instant::toString).orElse(""),
                    s.last.map(Instant::toString).orElse(""),
                    Boolean.toString(g.debugMode()))));
  }

  private static String csvCell(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  private static void table(Map<Group, Seen> groups, ReadSummary summary, PrintWriter out) {
    Table table =
        new Table(
            "TYPE",
            "MODULE ID",
            "IMAGE (PCR0)",
            "PCR8",
            "KEY",
            "OPERATION",
            "PRINCIPAL",
            "COUNT",
            "FIRST SEEN",
            "LAST SEEN",
            "FLAGS");
    long attested = 0;
    for (Map.Entry<Group, Seen> e : groups.entrySet()) {
      Group g = e.getKey();
      Seen s = e.getValue();
      attested += s.count;
      table.add(
          g.type(),
          g.moduleId(),
          shorten(g.image()),
          shorten(g.pcr8()),
          shortKey(g.key()),
          g.operation(),
          g.principal(),
          Long.toString(s.count),
          s.first.map(Instant::toString).orElse(""),
          s.last.map(Instant::toString).orElse(""),
          g.debugMode() ? "DEBUG-MODE" : "");
    }
    table.print(out);
    out.println();
    out.println(
        attested
            + " attested requests in "
            + groups.size()
            + " groups, from "
            + summary.delivered()
            + " records in "
            + summary.files()
            + " files");
  }

  /** {@code region:key-id} for a key ARN, so that keys of the same id in two regions stay apart. */
  private static String shortKey(String key) {
    String[] parts = key.split(":", 6);
    if (parts.length == 6 && parts[5].startsWith("key/")) {
      return parts[3] + ":" + parts[5].substring("key/".length());
    }
    return key;
  }

  private static String shorten(String hex) {
    return hex.length() > 16 ? hex.substring(0, 16) + "…" : hex;
  }
}
