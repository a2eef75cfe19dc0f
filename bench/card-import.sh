#!/usr/bin/env bash
# Benchmark (not a test): importing a 1 MB PNG card with a 500-entry lorebook; see CardImportBenchmark's Javadoc.
# Usage: bench/card-import.sh [imports, default 60] [warm-up, default 15]; BENCH_JAVA_OPTS adds JVM options.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. bench/common.sh
classpath="$(app_classpath test-compile bench.classpath)"
exec java -Xmx512m -Dlogback.configurationFile=bench/logback-bench.xml ${BENCH_JAVA_OPTS:-} -cp "$classpath" \
  io.tzurot.app.bench.CardImportBenchmark "${1:-60}" "${2:-15}"
