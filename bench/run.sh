#!/usr/bin/env bash
# Builds the JMH jar and runs the suite of BENCHMARKS.md with settings that finish in a few minutes on 2 cores,
# then prints one table: benchmark, ours, baseline, ratio, target, met/missed. Every ratio compares two
# benchmarks of the same run on the same bytes. Extra arguments go to JMH (e.g. a benchmark filter).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl bench -am package -DskipTests -Djacoco.skip=true -Dspotless.check.skip=true
results=bench/target/jmh-results.json
java -jar bench/target/benchmarks.jar \
  -f 1 -wi 3 -i 5 -w 2s -r 2s -prof gc -rf json -rff "$results" \
  -jvmArgsAppend "-Xms3g -Xmx3g -Denclavetrail.testdata=$PWD/testdata" "$@"
echo
echo "$(date -u +%Y-%m-%d) $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(java -version 2>&1 | head -1)"
java -cp bench/target/benchmarks.jar dev.enclavetrail.bench.RatioTable "$results"
