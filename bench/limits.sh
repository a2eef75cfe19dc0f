#!/usr/bin/env bash
# Benchmark (not a test): what the rate limiter and message claim add per message, off / in-process / Redis;
# see GuardsBenchmark's Javadoc. Redis from TZUROT_BENCH_REDIS_URL (default redis://127.0.0.1:6379).
# Usage: bench/limits.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -Dstyle.color=never test-compile dependency:build-classpath -DskipTests -pl tzurot-messaging -am \
  -Dmdep.includeScope=test -Dmdep.outputFile="target/limits-bench.classpath" >/dev/null
echo "load before: $(uptime)"
java -Xmx512m -cp "tzurot-messaging/target/test-classes:tzurot-messaging/target/classes:$(cat tzurot-messaging/target/limits-bench.classpath)" \
  io.tzurot.messaging.bench.GuardsBenchmark
echo "load after: $(uptime)"
