#!/usr/bin/env bash
# Benchmark (not a test): chat -> first streamed content through the whole product in one JVM; see StreamBenchmark's
# Javadoc. Usage: bench/stream.sh [messages=300] [warm-up=100] [model pace ms=0]. Ends with a RESULT line.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. bench/common.sh
classpath="$(app_classpath test-compile stream-bench.classpath)"
exec java -Xmx512m -Dlogback.configurationFile=bench/logback-bench.xml ${BENCH_JAVA_OPTS:-} -cp "$classpath" \
  io.tzurot.app.bench.StreamBenchmark "${1:-300}" "${2:-100}" "${3:-0}"
