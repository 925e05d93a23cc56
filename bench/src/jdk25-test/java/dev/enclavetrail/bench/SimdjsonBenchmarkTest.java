package dev.enclavetrail.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The simdjson-java baseline extracts exactly what the parser's scan does. */
class SimdjsonBenchmarkTest {

  @ParameterizedTest
  @ValueSource(strings = {Corpus.INVICTUS, Corpus.ENCLAVE_MIX})
  void simdjson_equalsScan(String name) {
    Workload w = Workload.of(name, 2L << 20);
    assertThat(new SimdjsonBenchmark().simdjson(w)).isEqualTo(new ScanBenchmark().scan(w));
  }
}
