#!/usr/bin/env bash
# Benchmark (not a test): the Discord path with real JDA against the simulator; see DiscordBenchmark's Javadoc.
# Usage: bench/discord.sh [all|latency|intake|product|commands|stream] [messages]
#   latency: MESSAGE_CREATE -> webhook post, whole product, instant fake model (default 400 after 100 warm-up)
#   intake:  one discord process, 500 activated channels, a burst (default 3000), replies at once
#   product: the same burst against the whole product (default 1000)
#   stream:  MESSAGE_CREATE -> first webhook post, edit-streaming off vs on, instant fake model (default 200 each
#            after 60 warm-up; not part of all)
#   commands: slash commands, interaction -> deferral and dashboard save -> re-render (default 300 after 50 warm-up)
# Set JFR=1 to record a flight recording into target/discord-bench.jfr.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. bench/common.sh
classpath="$(app_classpath test-compile discord-bench.classpath)"
jfr=()
if [[ "${JFR:-}" == 1 ]]; then
  jfr=(-XX:StartFlightRecording=filename=target/discord-bench.jfr,settings=profile)
fi
echo "load before: $(uptime)"
java -Xmx1g "${jfr[@]}" \
  -Dlogback.configurationFile=bench/logback-bench.xml \
  -cp "$classpath" \
  io.tzurot.app.discord.bench.DiscordBenchmark "${1:-all}" "${2:-0}"
echo "load after: $(uptime)"
