package dev.enclavetrail.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.enclavetrail.parser.CloudTrailReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The {@code scan} workload and its baselines, on the same bytes in the same run: a strict pass
 * over every uncompressed log file reading {@code eventSource}, {@code eventName} and the recipient
 * of each record, against a Jackson streaming walk that extracts the same fields, the JDK inflating
 * the gzip form of the same data, and a loop that touches every byte once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScanBenchmark {

  private final CloudTrailReader reader = CloudTrailReader.create();
  private final JsonFactory jackson = new JsonFactory();

  /** Ours: the parser's strict reader, reading each file's array in place as Jackson does. */
  @Benchmark
  public Totals scan(Workload w) {
    Corpus corpus = w.corpus;
    Totals t = new Totals();
    for (int i = 0; i < corpus.files.size(); i++) {
      reader.read(corpus.files.get(i), corpus.names.get(i), t::add);
    }
    return t;
  }

  /** Baseline: Jackson's streaming parser extracting the same fields. */
  @Benchmark
  public Totals jacksonStreaming(Workload w) throws IOException {
    Corpus corpus = w.corpus;
    Totals t = new Totals();
    for (byte[] file : corpus.files) {
      try (JsonParser p = jackson.createParser(file)) {
        jacksonFile(p, t);
      }
    }
    return t;
  }

  /**
   * Baseline: the JDK inflating the gzip form of the same files (64 KiB buffer), bytes discarded.
   */
  @Benchmark
  public long inflate(Workload w) throws IOException {
    Corpus corpus = w.corpus;
    long total = 0;
    byte[] buffer = new byte[1 << 16];
    for (byte[] gz : corpus.gzipped) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 1 << 16)) {
        int n;
        while ((n = in.read(buffer)) > 0) {
          total += n;
        }
      }
    }
    return total;
  }

  /** Floor: one JIT-compiled pass reading every byte. */
  @Benchmark
  public long bytePass(Workload w) {
    Corpus corpus = w.corpus;
    long sum = 0;
    for (byte[] file : corpus.files) {
      for (byte b : file) {
        sum += b;
      }
    }
    return sum;
  }

  static void jacksonFile(JsonParser p, Totals t) throws IOException {
    p.nextToken(); // {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      if (!"Records".equals(p.currentName())) {
        p.nextToken();
        p.skipChildren();
        continue;
      }
      p.nextToken(); // [
      while (p.nextToken() == JsonToken.START_OBJECT) {
        jacksonRecord(p, t);
      }
    }
  }

  private static void jacksonRecord(JsonParser p, Totals t) throws IOException {
    String source = "";
    String name = "";
    String moduleId = null;
    String imageDigest = "";
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      switch (field) {
        case "eventSource" -> source = p.getText();
        case "eventName" -> name = p.getText();
        case "additionalEventData" -> {
          if (v != JsonToken.START_OBJECT) {
            continue;
          }
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String member = p.currentName();
            JsonToken r = p.nextToken();
            if (!"recipient".equals(member) || r != JsonToken.START_OBJECT) {
              p.skipChildren();
              continue;
            }
            moduleId = "";
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String key = p.currentName();
              p.nextToken();
              if ("attestationDocumentModuleId".equals(key)) {
                moduleId = p.getText();
              } else if ("attestationDocumentEnclaveImageDigest".equals(key)) {
                imageDigest = p.getText();
              } else {
                p.skipChildren();
              }
            }
          }
        }
        default -> p.skipChildren();
      }
    }
    t.add(source, name);
    if (moduleId != null) {
      t.addRecipient(moduleId, imageDigest);
    }
  }
}
