#!/usr/bin/env bash
# Runs the job queue benchmark (in-process, and Redis at TZUROT_BENCH_REDIS_URL, default redis://127.0.0.1:6379).
# Usage from the repository root: bash tzurot-messaging/bench/queue-bench.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
exec mvn -B -q test -pl tzurot-messaging -am -Pbench -DskipTests "$@"
