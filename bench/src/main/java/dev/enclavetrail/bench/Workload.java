package dev.enclavetrail.bench;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The corpus a benchmark runs on, loaded once per trial: {@code invictus} or {@code enclave-mix}.
 */
@State(Scope.Benchmark)
public class Workload {

  /** The workload: {@code invictus} or {@code enclave-mix}. */
  @Param({Corpus.INVICTUS, Corpus.ENCLAVE_MIX})
  public String workload = Corpus.INVICTUS;

  /** Uncompressed size of the generated {@code enclave-mix} workload. */
  @Param("209715200")
  public long enclaveMixBytes = 209715200L;

  Corpus corpus;

  /** Loads the workload. */
  @Setup
  public void setUp() {
    corpus = Corpus.load(workload, enclaveMixBytes);
  }

  static Workload of(String workload, long enclaveMixBytes) {
    Workload w = new Workload();
    w.workload = workload;
    w.enclaveMixBytes = enclaveMixBytes;
    w.setUp();
    return w;
  }
}
