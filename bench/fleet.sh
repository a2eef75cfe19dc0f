#!/usr/bin/env bash
# Benchmark (not a test): reply throughput of one worker process on PostgreSQL + Redis; see FleetBenchmark's Javadoc.
# Usage: bench/fleet.sh [slow|instant] [replies]. Uses TZUROT_TEST_POSTGRES_URL / TZUROT_TEST_REDIS_URL (local defaults).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -o -Dstyle.color=never package dependency:build-classpath -DskipTests -pl tzurot-app -am \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/fleet-bench.classpath >/dev/null
exec java -Xmx1g -Dtzurot.jar=tzurot-app/target/tzurot.jar \
  -cp "tzurot-app/target/test-classes:tzurot-app/target/classes:$(cat tzurot-app/target/fleet-bench.classpath)" \
  io.tzurot.app.fleet.bench.FleetBenchmark "${1:-slow}" "${2:-1000}"
