package dev.enclavetrail.parser;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.enclavetrail.core.jackson.CloudTrailJackson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A quick throughput check of the record reader, not a benchmark (the JMH suite is {@code bench/}):
 * reads every file of {@code testdata/invictus-aws} over and over and prints MB/s (uncompressed)
 * for the reader's filter ({@code isKms}, {@code hasRecipient}), its scan ({@code eventSource},
 * {@code eventName}, the recipient), a Jackson streaming walk extracting the same fields, {@code
 * toRecord()} against core's Jackson binding, and the gzip forms against the JDK inflating them,
 * side by side in one JVM. Not run by the build:
 *
 * <pre>{@code
 * ./mvnw -q -pl core,parser test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp parser/target/test-classes:parser/target/classes:core/target/classes:$(cat parser/cp.txt) \
 *     dev.enclavetrail.parser.ReaderHarness testdata/invictus-aws
 * }</pre>
 */
final class ReaderHarness {

  private static final int ROUNDS = 20;
  private static final int TRIALS = 7;

  private ReaderHarness() {}

  @FunctionalInterface
  private interface Work {
    long run(byte[] file) throws IOException;
  }

  public static void main(String[] args) throws IOException {
    List<byte[]> files =
        TestData.jsonFiles(Path.of(args.length > 0 ? args[0] : "testdata/invictus-aws")).stream()
            .map(TestData::read)
            .toList();
    List<byte[]> gzipped = new ArrayList<>();
    for (byte[] f : files) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        gz.write(f);
      }
      gzipped.add(out.toByteArray());
    }
    long bytes = files.stream().mapToLong(f -> f.length).sum();
    CloudTrailReader reader = CloudTrailReader.create();
    JsonFactory jackson = new JsonFactory();
    CloudTrailJackson databind = CloudTrailJackson.create();
    long[] sink = {0};
    Map<String, Work> plain = new LinkedHashMap<>();
    plain.put("reader filter", f -> filter(reader, f, sink));
    plain.put(
        "reader scan",
        f ->
            reader
                .read(
                    new ByteArrayInputStream(f),
                    "f",
                    v -> {
                      sink[0] += v.eventSource().orElse("").length();
                      sink[0] += v.eventName().orElse("").length();
                      if (v.hasRecipient()) {
                        sink[0] += v.recipient().orElseThrow().enclavePcrs().size();
                      }
                    })
                .delivered());
    plain.put("jackson streaming", f -> jacksonScan(jackson, f, sink));
    plain.put(
        "reader toRecord",
        f ->
            reader
                .read(
                    new ByteArrayInputStream(f),
                    "f",
                    v -> sink[0] += v.toRecord().resources().size())
                .delivered());
    plain.put("jackson databind", f -> databind.readLogFile(f).size());
    Map<String, Work> compressed = new LinkedHashMap<>();
    compressed.put("jdk inflate (gz)", ReaderHarness::inflate);
    compressed.put("reader filter (gz)", f -> filter(reader, f, sink));
    for (int warmUp = 0; warmUp < 2; warmUp++) {
      run(plain, files, bytes, false);
      run(compressed, gzipped, bytes, false);
    }
    System.out.printf(
        Locale.ROOT,
        "%d files, %d bytes uncompressed; best MB/s of %d trials%n",
        files.size(),
        bytes,
        TRIALS);
    run(plain, files, bytes, true);
    run(compressed, gzipped, bytes, true);
    System.out.println(sink[0] != 0 ? "" : " ");
  }

  private static long filter(CloudTrailReader reader, byte[] f, long[] sink) {
    return reader
        .read(
            new ByteArrayInputStream(f),
            "f",
            v -> {
              if (v.isKms() && v.hasRecipient()) {
                sink[0]++;
              }
            })
        .delivered();
  }

  private static void run(Map<String, Work> works, List<byte[]> files, long bytes, boolean print)
      throws IOException {
    for (Map.Entry<String, Work> e : works.entrySet()) {
      double best = 0;
      for (int t = 0; t < TRIALS; t++) {
        long start = System.nanoTime();
        for (int r = 0; r < ROUNDS; r++) {
          for (byte[] f : files) {
            e.getValue().run(f);
          }
        }
        best = Math.max(best, bytes * (double) ROUNDS / ((System.nanoTime() - start) / 1e9) / 1e6);
      }
      if (print) {
        System.out.printf(Locale.ROOT, "%-22s %8.0f%n", e.getKey(), best);
      }
    }
  }

  private static long inflate(byte[] gz) throws IOException {
    byte[] buffer = new byte[1 << 16];
    long total = 0;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 1 << 16)) {
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        total += n;
      }
    }
    return total;
  }

  /** Walks a log file with Jackson's tokens, reading what the reader's scan reads. */
  private static long jacksonScan(JsonFactory factory, byte[] file, long[] sink)
      throws IOException {
    long records = 0;
    try (JsonParser p = factory.createParser(file)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        if (!"Records".equals(p.currentName())) {
          p.nextToken();
          p.skipChildren();
          continue;
        }
        p.nextToken();
        while (p.nextToken() == JsonToken.START_OBJECT) {
          records++;
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if ("eventSource".equals(name) || "eventName".equals(name)) {
              sink[0] += p.getText().length();
            } else if ("additionalEventData".equals(name) && t == JsonToken.START_OBJECT) {
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String member = p.currentName();
                if (p.nextToken() == JsonToken.START_OBJECT && "recipient".equals(member)) {
                  while (p.nextToken() == JsonToken.FIELD_NAME) {
                    p.nextToken();
                    sink[0] += p.getText().length();
                  }
                } else {
                  p.skipChildren();
                }
              }
            } else {
              p.skipChildren();
            }
          }
        }
      }
    }
    return records;
  }
}
