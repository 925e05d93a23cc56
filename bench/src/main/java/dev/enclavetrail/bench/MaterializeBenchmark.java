package dev.enclavetrail.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.parser.CloudTrailReader;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The {@code materialize} workload: every record of every file into core's {@link
 * CloudTrailRecord}, by the parser without Jackson, against Jackson databind reading the same files
 * into the same model through core's Jackson binding.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MaterializeBenchmark {

  private static final TypeReference<Map<String, List<CloudTrailRecord>>> LOG_FILE =
      new TypeReference<>() {};

  private final CloudTrailReader reader = CloudTrailReader.create();
  private final ObjectReader databind = new ObjectMapper().readerFor(LOG_FILE);

  /** Ours: records materialised by the parser, each file's array read in place. */
  @Benchmark
  public long materialize(Workload w) {
    Corpus corpus = w.corpus;
    long[] members = new long[1];
    for (int i = 0; i < corpus.files.size(); i++) {
      reader.read(
          corpus.files.get(i), corpus.names.get(i), v -> members[0] += v.toRecord().json().size());
    }
    return members[0];
  }

  /** Baseline: Jackson databind into the same model. */
  @Benchmark
  public long jacksonDatabind(Workload w) throws IOException {
    Corpus corpus = w.corpus;
    long members = 0;
    for (byte[] file : corpus.files) {
      Map<String, List<CloudTrailRecord>> log = databind.readValue(file);
      for (CloudTrailRecord r : log.getOrDefault("Records", List.of())) {
        members += r.json().size();
      }
    }
    return members;
  }
}
