#!/usr/bin/env bash
# Benchmark (not a test): the reference system's own workload (issue 16) against an api and a worker process on
# PostgreSQL + Redis; see ReferenceWorkloadBenchmark's Javadoc. Needs a quiet machine: nothing else running.
# Usage: bench/reference-workload.sh [paced] [quick] [long] [streamed]   (long: a whole (b) round as the warm-up, the steady state;
# streamed: the long-polling client asks to follow each reply's text as an SSE client would (the worker then streams
# the model's answer and relays its pieces), which it otherwise declines with "stream": false;
# paced: the fake model takes 400 ms to answer, like a hosted
# model; quick: a tenth of the replies and one start per role, to check that it runs, not to measure)
# BENCH_JAVA_OPTS are passed to both processes (e.g. a JFR recording). BENCH_LOG_STATEMENTS=1 sets log_statement=all
# on the run's database (a scratch run counting SQL statements per reply in the server's log, not a measurement). Uses TZUROT_TEST_POSTGRES_URL /
# TZUROT_TEST_REDIS_URL (local defaults). The last line is "RESULT throughput=… p50_ms=… p99_ms=… cpu_ms_per_reply=…".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. bench/common.sh
classpath="$(app_classpath package reference-workload.classpath)"
java -Xmx1g -Dtzurot.jar=tzurot-app/target/tzurot.jar -cp "$classpath" \
  io.tzurot.app.fleet.bench.ReferenceWorkloadBenchmark "$@"
