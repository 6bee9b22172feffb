#!/usr/bin/env bash
# Scrape benchmark (issue 5, c): scraped samples ingested per second. TARGETS local exposition
# endpoints with SERIES series each (bench/scrape-targets.py: counters and a classic histogram
# whose values grow with every scrape) are added as scrape targets at INTERVAL, then the app
# runs for SECONDS; reported are the samples stored per second (from
# watchkeeper_metrics_samples_appended_total), the failed scrapes, the longest scrape, and the
# app's CPU time per million samples.
#
#   bench/scrape.sh [-t TARGETS] [-s SERIES] [-i INTERVAL] [-d SECONDS]
#                   defaults: 200 targets x 1000 series at 5s for 60 s (40,000 samples/s offered)
#
# Everything listens on 127.0.0.1; every process started here is stopped by its PID.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

targets=200
series=1000
interval=5s
duration=60
while getopts "t:s:i:d:h" opt; do
  case $opt in
    t) targets=$OPTARG ;;
    s) series=$OPTARG ;;
    i) interval=$OPTARG ;;
    d) duration=$OPTARG ;;
    *) sed -n '2,12p' "$0"; exit 2 ;;
  esac
done
[[ $targets =~ ^[0-9]+$ ]] && [ "$targets" -ge 1 ] && [ "$targets" -le 5000 ] || { echo "-t must be 1..5000" >&2; exit 2; }
[[ $series =~ ^[0-9]+$ ]] && [ "$series" -ge 20 ] && [ "$series" -le 100000 ] || { echo "-s must be 20..100000" >&2; exit 2; }
[[ $interval =~ ^[0-9]+s$ ]] || { echo "-i must be whole seconds such as 5s" >&2; exit 2; }
[[ $duration =~ ^[0-9]+$ ]] && [ "$duration" -ge 10 ] && [ "$duration" -le 3600 ] || { echo "-d must be 10..3600" >&2; exit 2; }
for tool in python3 curl; do
  command -v $tool >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done

build_jar
work=$(mktemp -d "${TMPDIR:-/tmp}/watchkeeper-scrape.XXXXXX")
SERVER_PID=""
cleanup() {
  stop_app
  if [ -n "$SERVER_PID" ]; then kill -TERM "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

python3 bench/scrape-targets.py "$targets" "$series" >"$work/server.port" 2>"$work/server.log" &
SERVER_PID=$!
for _ in $(seq 1 100); do [ -s "$work/server.port" ] && break; sleep 0.1; done
server_port=$(head -1 "$work/server.port")
[ -n "$server_port" ] || { echo "the target server did not start: $(cat "$work/server.log")" >&2; exit 1; }

start_app "$work/wk-data" "$work/watchkeeper.log"
wait_ready 300 >/dev/null

# appended: the store's counter of stored samples, from /metrics
appended() { curl -s --max-time 10 "$APP_URL/metrics" | awk '/^watchkeeper_metrics_samples_appended_total/ {printf "%d\n", $2}'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }
# instant PROMQL: the first value of an instant query
instant() {
  curl -s --max-time 30 -H "Authorization: Bearer $BENCH_ADMIN_TOKEN" --data-urlencode "query=$1" \
    "$APP_URL/prometheus/api/v1/query" | python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else "-")'
}

log "adding $targets targets with $series series each at $interval"
for n in $(seq 0 $((targets - 1))); do
  api_post /api/v1/monitoring/scrape-targets \
    "{\"url\":\"http://127.0.0.1:$server_port/t/$n/metrics\",\"job\":\"bench-$n\",\"interval\":\"$interval\"}" >/dev/null
done
# the targets start within one interval plus the refresh; let every one scrape twice first
secs=${interval%s}
sleep $((secs * 2 + 2))
a0=$(appended); c0=$(cpu_ticks); t0=$(now_ms)
log "measuring for $duration s"
sleep "$duration"
a1=$(appended); c1=$(cpu_ticks); t1=$(now_ms)
elapsed_ms=$((t1 - t0))
samples=$((a1 - a0))
cpu_s=$(awk -v t=$((c1 - c0)) -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", t / hz}')
offered=$(awk -v t="$targets" -v s="$series" -v i="$secs" 'BEGIN {printf "%d", t * (s + 5) / i}')

echo "# Scrape benchmark: $targets targets x $series series every $interval, $duration s measured"
machine_summary
echo
echo "| measure | value |"
echo "| --- | ---: |"
echo "| samples offered per second (incl. 5 report series per target) | $offered |"
echo "| samples stored per second | $(( samples * 1000 / (elapsed_ms > 0 ? elapsed_ms : 1) )) |"
echo "| app CPU over the run | ${cpu_s} s of $(awk -v e=$elapsed_ms 'BEGIN {printf "%.1f", e / 1000}') s |"
echo "| app CPU per million samples | $(awk -v c="$cpu_s" -v s="$samples" 'BEGIN {if (s > 0) printf "%.2f s", c * 1e6 / s; else print "-"}') |"
echo "| targets down at the end | $(instant 'count(up{job=~"bench-.*"} == 0) or vector(0)') |"
echo "| longest scrape at the end | $(instant 'max(scrape_duration_seconds{job=~"bench-.*"})') s |"
echo "| series in the store | $(instant 'watchkeeper_metrics_series or vector(-1)') |"
echo "| RSS | $(( $(rss_kb "$APP_PID") / 1024 )) MiB |"
