/**
 * JMH benchmarks of EnclaveTrail beside their baselines; {@code bench/run.sh} runs them and prints
 * the ratios.
 *
 * <p>Entry points: {@link dev.enclavetrail.bench.EvaluateBenchmark}.
 */
@NullMarked
package dev.enclavetrail.bench;

import org.jspecify.annotations.NullMarked;
