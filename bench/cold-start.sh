#!/usr/bin/env bash
# Benchmark (not a test): cold start to healthy in the embedded profile, and idle resident memory.
# Runs ./tzurot start RUNS times, each in a fresh data dir (first start: migrations + key generation),
# measures the wall time from exec to the first 200 from /health, then the process's RSS after IDLE s.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/tzurot-app/target/tzurot.jar"
RUNS="${RUNS:-5}"; IDLE="${IDLE:-10}"; PORT="${PORT:-18080}"
"$root/tzurot" --version >/dev/null  # builds the jar and its class-data-sharing archive when needed

times=(); rss=(); cpu=()
tick=$(getconf CLK_TCK)
for i in $(seq 1 "$RUNS"); do
  data=$(mktemp -d)
  start=$(date +%s%N)
  TZUROT_DATA_DIR="$data" TZUROT_HTTP_PORT="$PORT" "$root/tzurot" start >/dev/null 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "tzurot exited early"; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
  # CPU the process used to get there (user + system, all threads): less sensitive to a busy machine than wall time
  cpu+=($(awk -v t="$tick" '{print int(($14 + $15) * 1000 / t)}' "/proc/$pid/stat"))
  sleep "$IDLE"
  rss+=($(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status"))
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
range() { printf '%s\n' "$@" | sort -n | awk 'NR==1 {min=$1} {max=$1} END {print min "-" max}'; }
echo "cold start to healthy (ms): ${times[*]}  median $(median "${times[@]}")  range $(range "${times[@]}")"
echo "process CPU to healthy (ms): ${cpu[*]}  median $(median "${cpu[@]}")"
echo "idle RSS after ${IDLE}s (MiB): ${rss[*]}  median $(median "${rss[@]}")"
echo "RESULT cold_start_median_ms=$(median "${times[@]}") range_ms=$(range "${times[@]}") cpu_median_ms=$(median "${cpu[@]}") idle_rss_median_mib=$(median "${rss[@]}") load=$(cut -d' ' -f1 /proc/loadavg)"
