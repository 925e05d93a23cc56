package dev.enclavetrail.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Prints the table of BENCHMARKS.md from a JMH JSON result file: benchmark, ours, baseline, ratio,
 * target, met or missed. Every ratio compares two benchmarks of the same run on the same workload.
 */
public final class RatioTable {

  private record Result(double score, String unit, Optional<Double> bytesPerOp) {}

  private record Comparison(
      String name, String ours, String baseline, double target, String targetText) {}

  private static final List<Comparison> RATIOS =
      List.of(
          new Comparison(
              "scan vs Jackson streaming",
              "ScanBenchmark.scan",
              "ScanBenchmark.jacksonStreaming",
              3.0,
              "≥ 3×"),
          new Comparison(
              "scan vs JDK inflate",
              "ScanBenchmark.scan",
              "ScanBenchmark.inflate",
              1.25,
              "≥ 1.25×"),
          new Comparison(
              "scan vs simdjson-java (JDK 25)",
              "ScanBenchmark.scan",
              "SimdjsonBenchmark.simdjson",
              0,
              "(info)"),
          new Comparison(
              "scan vs byte pass (floor)",
              "ScanBenchmark.scan",
              "ScanBenchmark.bytePass",
              0,
              "(info)"),
          new Comparison(
              "materialize vs Jackson databind",
              "MaterializeBenchmark.materialize",
              "MaterializeBenchmark.jacksonDatabind",
              2.0,
              "≥ 2×"));

  private RatioTable() {}

  /** Reads the JMH JSON file given as the only argument and prints the table. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: RatioTable RESULTS.json");
      System.exit(2);
    }
    Map<String, Result> results = read(Path.of(args[0]));
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"benchmark", "workload", "ours", "baseline", "ratio", "target", "met"});
    for (Comparison c : RATIOS) {
      for (String workload : List.of(Corpus.INVICTUS, Corpus.ENCLAVE_MIX)) {
        Result ours = results.get(c.ours() + " " + workload);
        Result base = results.get(c.baseline() + " " + workload);
        if (ours == null || base == null) {
          continue;
        }
        double ratio = base.score() / ours.score();
        rows.add(
            new String[] {
              c.name(),
              workload,
              format(ours),
              format(base),
              String.format(Locale.ROOT, "%.2f×", ratio),
              c.targetText(),
              c.target() == 0 ? "" : ratio >= c.target() ? "met" : "missed"
            });
      }
    }
    absolute(rows, results, "EvaluateBenchmark.evaluate", 100, "≤ 100 ns, 0 B/op", true);
    absolute(rows, results, "EvaluateBenchmark.evaluateRecord", 1000, "≤ 1 µs", false);
    print(rows);
  }

  private static void absolute(
      List<String[]> rows,
      Map<String, Result> results,
      String benchmark,
      double limitNs,
      String target,
      boolean zeroAllocation) {
    Result r = results.get(benchmark + " ");
    if (r == null) {
      return;
    }
    double ns = r.unit().startsWith("us") ? r.score() * 1000 : r.score();
    boolean met =
        ns <= limitNs && (!zeroAllocation || r.bytesPerOp().map(b -> b < 1).orElse(false));
    rows.add(
        new String[] {
          benchmark.substring(benchmark.indexOf('.') + 1),
          "attested request",
          String.format(Locale.ROOT, "%.1f ns", ns)
              + r.bytesPerOp().map(b -> String.format(Locale.ROOT, ", %.0f B/op", b)).orElse(""),
          "",
          "",
          target,
          met ? "met" : "missed"
        });
  }

  private static Map<String, Result> read(Path file) throws IOException {
    Map<String, Result> out = new LinkedHashMap<>();
    for (JsonNode run : new ObjectMapper().readTree(file.toFile())) {
      String benchmark = run.get("benchmark").asText();
      String shortName =
          benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
      JsonNode params = run.get("params");
      String workload =
          params != null && params.has("workload") ? params.get("workload").asText() : "";
      JsonNode primary = run.get("primaryMetric");
      JsonNode alloc = run.path("secondaryMetrics").path("gc.alloc.rate.norm");
      out.put(
          shortName + " " + workload,
          new Result(
              primary.get("score").asDouble(),
              primary.get("scoreUnit").asText(),
              alloc.isMissingNode()
                  ? Optional.empty()
                  : Optional.of(alloc.get("score").asDouble())));
    }
    return out;
  }

  private static String format(Result r) {
    return String.format(Locale.ROOT, "%.3f %s", r.score(), r.unit());
  }

  private static void print(List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      out.append('|');
      for (int i = 0; i < widths.length; i++) {
        String cell = rows.get(r)[i];
        out.append(' ').append(cell).append(" ".repeat(widths[i] - cell.length())).append(" |");
      }
      out.append('\n');
      if (r == 0) {
        out.append('|');
        for (int w : widths) {
          out.append("-".repeat(w + 2)).append('|');
        }
        out.append('\n');
      }
    }
    System.out.print(out);
  }
}
