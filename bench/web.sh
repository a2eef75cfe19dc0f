#!/usr/bin/env bash
# Benchmark (not a test): the api role as a separate process on the embedded H2 profile; see WebBenchmark's Javadoc.
# Usage: bench/web.sh [all|read|chat] [connections=200] [seconds=20] [messages=300] [paced-rate=1000]. The read part
# runs at saturation (wrk when installed, apt-get install wrk, else java.net.http) and then at a steady offered rate
# from the same number of clients. Ends with a machine-readable RESULT line.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. bench/common.sh
classpath="$(app_classpath package web-bench.classpath)"
exec java -Xmx512m -Dtzurot.jar=tzurot-app/target/tzurot.jar -cp "$classpath" \
  io.tzurot.app.bench.WebBenchmark "${1:-all}" "${2:-200}" "${3:-20}" "${4:-300}" "${5:-1000}"
