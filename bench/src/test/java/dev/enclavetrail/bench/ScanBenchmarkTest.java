package dev.enclavetrail.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every implementation of the scan workload reads the same records and fields, so ratios compare
 * like with like.
 */
class ScanBenchmarkTest {

  @ParameterizedTest
  @ValueSource(strings = {Corpus.INVICTUS, Corpus.ENCLAVE_MIX})
  void scan_equalsJacksonStreaming_inflateYieldsTheSameBytes(String name) throws IOException {
    Workload w = Workload.of(name, 2L << 20);
    ScanBenchmark b = new ScanBenchmark();
    Totals ours = b.scan(w);
    assertThat(ours).isEqualTo(b.jacksonStreaming(w));
    if (name.equals(Corpus.INVICTUS)) {
      assertThat(ours.records).isEqualTo(2900);
      assertThat(ours.attested).isZero();
    } else {
      assertThat(ours.attested).isPositive();
    }
    assertThat(b.inflate(w)).isEqualTo(w.corpus.bytes);
    assertThat(b.bytePass(w)).isEqualTo(b.bytePass(w));
  }
}
