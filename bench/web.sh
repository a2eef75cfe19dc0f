#!/usr/bin/env bash
# Benchmark (not a test): the api role as a separate process on the embedded H2 profile; see WebBenchmark's Javadoc.
# Usage: bench/web.sh [all|read|chat] [connections=200] [seconds=20] [messages=300] [paced-rate=1000]. The read part
# runs at saturation (wrk when installed, apt-get install wrk, else java.net.http) and then at a steady offered rate
# from the same number of clients. Ends with a machine-readable RESULT line.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -Dstyle.color=never package dependency:build-classpath -DskipTests -pl tzurot-app -am \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/web-bench.classpath >/dev/null
exec java -Xmx512m -Dtzurot.jar=tzurot-app/target/tzurot.jar \
  -cp "tzurot-app/target/test-classes:tzurot-app/target/classes:$(cat tzurot-app/target/web-bench.classpath)" \
  io.tzurot.app.bench.WebBenchmark "${1:-all}" "${2:-200}" "${3:-20}" "${4:-300}" "${5:-1000}"
