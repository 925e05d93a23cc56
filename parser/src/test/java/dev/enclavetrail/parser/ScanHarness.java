package dev.enclavetrail.parser;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A quick throughput check of the structural pass, not a benchmark (the JMH suite is {@code
 * bench/}): parses every file of {@code testdata/invictus-aws} over and over and prints MB/s for
 * the engine, a Jackson streaming token walk and a plain byte loop, measured side by side in one
 * JVM. Used to decide whether SWAR scanning of strings pays (flip {@code JsonEngine.SWAR}, rebuild,
 * run again). Not run by the build:
 *
 * <pre>{@code
 * ./mvnw -q -pl core,parser test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp parser/target/test-classes:parser/target/classes:core/target/classes:$(cat parser/cp.txt) \
 *     dev.enclavetrail.parser.ScanHarness testdata/invictus-aws
 * }</pre>
 */
final class ScanHarness {

  private static final int ROUNDS = 40;
  private static final int TRIALS = 7;

  private ScanHarness() {}

  public static void main(String[] args) throws IOException {
    List<byte[]> files =
        TestData.jsonFiles(Path.of(args.length > 0 ? args[0] : "testdata/invictus-aws")).stream()
            .map(TestData::read)
            .toList();
    long bytes = files.stream().mapToLong(f -> f.length).sum();
    JsonEngine engine = JsonEngine.create();
    JsonFactory jackson = new JsonFactory();
    IdentityHashMap<byte[], ByteBuffer> direct = new IdentityHashMap<>();
    for (byte[] f : files) {
      direct.put(f, ByteBuffer.allocateDirect(f.length).put(f).flip());
    }
    Work[] works = {
      f -> engine.parse(f).size(0),
      f -> engine.parse(Objects.requireNonNull(direct.get(f))).size(0),
      f -> tokens(jackson, f),
      ScanHarness::byteLoop
    };
    String[] names = {"engine, byte[]", "engine, direct buffer", "jackson nextToken", "byte loop"};
    for (int warmUp = 0; warmUp < 3; warmUp++) {
      for (Work work : works) {
        time(files, bytes, work);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%d files, %d bytes; MB/s, best and median of %d trials%n",
        files.size(),
        bytes,
        TRIALS);
    double[][] results = new double[works.length][TRIALS];
    for (int t = 0; t < TRIALS; t++) {
      for (int i = 0; i < works.length; i++) {
        results[i][t] = time(files, bytes, works[i]);
      }
    }
    for (int i = 0; i < works.length; i++) {
      Arrays.sort(results[i]);
      System.out.printf(
          Locale.ROOT,
          "%-22s %8.0f %8.0f%n",
          names[i],
          results[i][TRIALS - 1],
          results[i][TRIALS / 2]);
    }
    System.out.println("JsonEngine.SWAR = " + JsonEngine.SWAR);
  }

  private interface Work {
    long run(byte[] file) throws IOException;
  }

  /** Returns MB/s of {@code ROUNDS} passes over every file. */
  private static double time(List<byte[]> files, long bytes, Work work) throws IOException {
    long sink = 0;
    long start = System.nanoTime();
    for (int r = 0; r < ROUNDS; r++) {
      for (byte[] f : files) {
        sink += work.run(f);
      }
    }
    long nanos = System.nanoTime() - start;
    if (sink == 42) {
      System.out.println("unlikely");
    }
    return bytes * (double) ROUNDS / nanos * 1000.0;
  }

  private static long tokens(JsonFactory jackson, byte[] file) throws IOException {
    long n = 0;
    try (JsonParser p = jackson.createParser(file)) {
      while (p.nextToken() != null) {
        n++;
      }
    }
    return n;
  }

  private static long byteLoop(byte[] file) {
    long sum = 0;
    for (byte b : file) {
      sum += b;
    }
    return sum;
  }
}
