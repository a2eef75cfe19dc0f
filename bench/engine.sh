#!/usr/bin/env bash
# Benchmark (not a test): reply-engine overhead with 10,000 memories in scope; see EngineBenchmark's Javadoc.
# Usage: bench/engine.sh [h2|postgresql] [replies] [warm-up replies, default 600] [usage log on|off, default on]; BENCH_JAVA_OPTS adds JVM options. PostgreSQL needs TZUROT_TEST_POSTGRES_URL.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. bench/common.sh
classpath="$(app_classpath test-compile bench.classpath)"
exec java -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "$classpath" \
  io.tzurot.app.bench.EngineBenchmark "${1:-h2}" "${2:-400}" "${3:-600}" "${4:-on}"
