#!/usr/bin/env bash
# Benchmark (not a test): the CPU one long-term-memory summary costs, the model call excluded; see
# SummaryBenchmark's Javadoc (embedded H2 file database). Usage: bench/summaries.sh [summaries, default 300]
# [warm-up, default 100]; BENCH_JAVA_OPTS adds JVM options.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. bench/common.sh
classpath="$(app_classpath test-compile bench.classpath)"
exec java -Xmx384m -Dlogback.configurationFile=bench/logback-bench.xml ${BENCH_JAVA_OPTS:-} -cp "$classpath" \
  io.tzurot.app.bench.SummaryBenchmark "${1:-300}" "${2:-100}"
