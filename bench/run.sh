#!/usr/bin/env bash
# Builds the JMH jar and runs the suite of BENCHMARKS.md with settings that finish in a few minutes on 2 cores,
# then prints one table: benchmark, ours, baseline, ratio, target, met/missed. Every ratio compares two
# benchmarks of the same run on the same bytes. Extra arguments go to JMH (e.g. a benchmark filter).
#
#   bench/run.sh [--jdk25] [JMH arguments...]
#
# --jdk25 builds and runs on JDK 25 (JDK25_HOME, default /usr/lib/jvm/temurin-25-jdk-amd64) with the
# simdjson-java baseline added (profile jdk25); without it the suite runs on the default JDK (17).
set -euo pipefail
cd "$(dirname "$0")/.."
java=java
profile=()
vector=()
if [ "${1:-}" = "--jdk25" ]; then
  shift
  export JAVA_HOME="${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
  java="$JAVA_HOME/bin/java"
  profile=(-Pjdk25)
  vector=(--add-modules=jdk.incubator.vector)
fi
./mvnw -B -q "${profile[@]}" -pl bench -am package -DskipTests -Djacoco.skip=true -Dspotless.check.skip=true
results=bench/target/jmh-results.json
"$java" -jar bench/target/benchmarks.jar \
  -f 1 -wi 3 -i 5 -w 2s -r 2s -prof gc -rf json -rff "$results" \
  -jvmArgsAppend "${vector[*]} -Xms3g -Xmx3g -Denclavetrail.testdata=$PWD/testdata" "$@"
echo
echo "$(date -u +%Y-%m-%d) $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $("$java" -version 2>&1 | head -1)"
"$java" -cp bench/target/benchmarks.jar dev.enclavetrail.bench.RatioTable "$results"
