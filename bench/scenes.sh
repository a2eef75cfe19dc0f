#!/usr/bin/env bash
# Benchmark (not a test): scenes on the Discord path, real JDA against the simulator; see SceneBenchmark's Javadoc.
# 100 channels x 5 activated characters (list strategy: every character answers every message, in turn), an
# engine that answers at once; replies per second (webhook posts) per round and the median.
# Usage: bench/scenes.sh [messages per round, default 400] [rounds, default 3]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. bench/common.sh
classpath="$(app_classpath test-compile scenes-bench.classpath)"
echo "load before: $(uptime)"
java -Xmx1g -Dlogback.configurationFile=bench/logback-bench.xml -cp "$classpath" \
  io.tzurot.app.discord.bench.SceneBenchmark "${1:-400}" "${2:-3}"
echo "load after: $(uptime)"
