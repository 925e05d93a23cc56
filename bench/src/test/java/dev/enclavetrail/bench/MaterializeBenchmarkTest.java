package dev.enclavetrail.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both materialisations build the same records. */
class MaterializeBenchmarkTest {

  @ParameterizedTest
  @ValueSource(strings = {Corpus.INVICTUS, Corpus.ENCLAVE_MIX})
  void materialize_equalsJacksonDatabind(String name) throws IOException {
    Workload w = Workload.of(name, 2L << 20);
    MaterializeBenchmark b = new MaterializeBenchmark();
    assertThat(b.materialize(w)).isPositive().isEqualTo(b.jacksonDatabind(w));
  }
}
