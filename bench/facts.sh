#!/usr/bin/env bash
# Benchmark (not a test): the CPU one exchange's memory facts cost, the model call excluded; see
# FactExtractionBenchmark's Javadoc (embedded H2 file database). Usage: bench/facts.sh [exchanges, default 2000]
# [warm-up, default 1000]; BENCH_JAVA_OPTS adds JVM options.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. bench/common.sh
classpath="$(app_classpath test-compile bench.classpath)"
exec java -Xmx256m -Dlogback.configurationFile=bench/logback-bench.xml ${BENCH_JAVA_OPTS:-} -cp "$classpath" \
  io.tzurot.app.bench.FactExtractionBenchmark "${1:-2000}" "${2:-1000}"
