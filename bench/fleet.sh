#!/usr/bin/env bash
# Benchmark (not a test): reply throughput of one worker process on PostgreSQL + Redis; see FleetBenchmark's Javadoc.
# Usage: bench/fleet.sh [slow|instant|all] [replies]   (default: all 1000 = both modes, 1,000 replies each)
#   slow:    the fake model answers after 2 s, every reply in flight at once (goal: >= 90 % of min(500/s, CPU bound))
#   instant: the fake model answers at once, 50 concurrent senders (goal: >= 75 replies/s)
# BENCH_JFR=/path/prefix records a JFR profile of the worker per mode (prefix-slow.jfr; read it with bench/jfr-top.py). Uses TZUROT_TEST_POSTGRES_URL / TZUROT_TEST_REDIS_URL
# (local defaults). Each mode prints one human line and one "RESULT {json}" line.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. bench/common.sh
classpath="$(app_classpath package fleet-bench.classpath)"
mode="${1:-all}"
replies="${2:-1000}"
run() {
  java -Xmx1g -Dtzurot.jar=tzurot-app/target/tzurot.jar \
    -cp "$classpath" \
    io.tzurot.app.fleet.bench.FleetBenchmark "$1" "$replies"
}
echo "uptime: $(uptime)"
if [ "$mode" = all ]; then
  run slow
  run instant
else
  run "$mode"
fi
echo "uptime: $(uptime)"
