#!/usr/bin/env bash
# Benchmark (not a test): a lorebook scan of 1,000 entries over 50 history messages; see LoreScanBenchmark's Javadoc.
# Usage: bench/lore-scan.sh [scans, default 5000] [warm-up, default 2000]; BENCH_JAVA_OPTS adds JVM options.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. bench/common.sh
classpath="$(app_classpath test-compile bench.classpath)"
exec java -Xmx256m -Dlogback.configurationFile=bench/logback-bench.xml ${BENCH_JAVA_OPTS:-} -cp "$classpath" \
  io.tzurot.app.bench.LoreScanBenchmark "${1:-5000}" "${2:-2000}"
