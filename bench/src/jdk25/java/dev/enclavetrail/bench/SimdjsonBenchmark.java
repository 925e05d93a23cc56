package dev.enclavetrail.bench;

import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.simdjson.JsonValue;
import org.simdjson.SimdJsonParser;

/**
 * The simdjson-java baseline of the {@code scan} workload (BENCHMARKS.md): its DOM parse of each
 * uncompressed log file, then the same extraction as {@link ScanBenchmark#scan}. Built and run only
 * on JDK 25 ({@code -Pjdk25}), because simdjson-java 0.4.0 is Java 24 bytecode on the incubating
 * Vector API; the library never depends on it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class SimdjsonBenchmark {

  private final SimdJsonParser parser = new SimdJsonParser();

  /** Baseline: simdjson-java's DOM parse and the scan's extraction. */
  @Benchmark
  public Totals simdjson(Workload w) {
    Totals t = new Totals();
    for (byte[] file : w.corpus.files) {
      JsonValue records = parser.parse(file, file.length).get("Records");
      if (records == null) {
        continue;
      }
      for (Iterator<JsonValue> it = records.arrayIterator(); it.hasNext(); ) {
        record(it.next(), t);
      }
    }
    return t;
  }

  private static void record(JsonValue record, Totals t) {
    t.add(string(record.get("eventSource")), string(record.get("eventName")));
    JsonValue data = record.get("additionalEventData");
    JsonValue recipient = data != null && data.isObject() ? data.get("recipient") : null;
    if (recipient != null && recipient.isObject()) {
      JsonValue moduleId = recipient.get("attestationDocumentModuleId");
      t.addRecipient(
          string(moduleId), string(recipient.get("attestationDocumentEnclaveImageDigest")));
    }
  }

  private static String string(@Nullable JsonValue v) {
    return v != null && v.isString() ? v.asString() : "";
  }
}
