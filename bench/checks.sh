#!/usr/bin/env bash
# Probe scheduling benchmark: Watchkeeper with N HTTP checks at one interval (default 10,000
# at 30 s, i.e. about 333 probes a second) against a local HTTP server that answers 204,
# run for a given time. Reports how late probes start against their schedule (p50, p99 and
# max of watchkeeper_check_start_delay_seconds over the measured window, from /metrics),
# probes run per second, runs skipped, CPU (JVM and its PostgreSQL) and memory.
#
#   bench/checks.sh [-d SECONDS] [-n CHECKS] [-i INTERVAL_SECONDS] [-w WARMUP_SECONDS]
#                   defaults: 600 s measured, 10000 checks, 30 s, 60 s warm-up
#
# Everything listens on 127.0.0.1; every process started here is stopped by its PID.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

duration=600
checks=10000
interval=30
warmup=60
while getopts "d:n:i:w:h" opt; do
  case $opt in
    d) duration=$OPTARG ;;
    n) checks=$OPTARG ;;
    i) interval=$OPTARG ;;
    w) warmup=$OPTARG ;;
    *) sed -n '2,10p' "$0"; exit 2 ;;
  esac
done
[[ $duration =~ ^[0-9]+$ ]] && [ "$duration" -ge 10 ] && [ "$duration" -le 3000 ] || { echo "-d must be 10..3000" >&2; exit 2; }
[[ $checks =~ ^[0-9]+$ ]] && [ "$checks" -ge 1 ] && [ "$checks" -le 50000 ] || { echo "-n must be 1..50000" >&2; exit 2; }
[[ $interval =~ ^[0-9]+$ ]] && [ "$interval" -ge 10 ] && [ "$interval" -le 3600 ] || { echo "-i must be 10..3600" >&2; exit 2; }
[[ $warmup =~ ^[0-9]+$ ]] && [ "$warmup" -le 600 ] || { echo "-w must be 0..600" >&2; exit 2; }

build_jar
build_load_driver
work=$(mktemp -d "${TMPDIR:-/tmp}/watchkeeper-checks.XXXXXX")
SINK_PID=""
cleanup() {
  stop_app
  if [ -n "$SINK_PID" ]; then kill "$SINK_PID" 2>/dev/null || true; wait "$SINK_PID" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

machine_summary
echo "load: $checks HTTP checks every $interval s ($(awk -v n="$checks" -v i="$interval" 'BEGIN {printf "%.0f", n / i}') probes/s) for $duration s after $warmup s warm-up; JAVA_OPTS: ${JAVA_OPTS:-(none)}"
echo

# the probed server: the JDK's HttpServer on virtual threads answering 204
SINK_PORT=$(free_port)
sink_seconds=$((duration + warmup + 900))
[ "$sink_seconds" -le 3600 ] || sink_seconds=3600
"$JAVA" -cp target/bench-classes dev.watchkeeper.bench.WebhookSink "$SINK_PORT" "$sink_seconds" >"$work/sink.log" 2>&1 &
SINK_PID=$!

start_app "$work/data" "$work/app.log"
if ! ready=$(wait_ready 180); then tail -20 "$work/app.log" >&2; exit 1; fi
log "ready in $ready ms on $APP_URL"

api_post /api/v1/services '{"slug":"bench","name":"Benchmark target","environments":[{"name":"production","url":"http://127.0.0.1"}]}' >/dev/null

log "creating $checks checks through POST /api/v1/checks (one curl, 16 requests at a time)"
seed_started=$(now_ms)
# one curl config section per check, written by one awk (no process per check)
awk -v n="$checks" -v url="$APP_URL/api/v1/checks" -v token="$BENCH_ADMIN_TOKEN" -v interval="$interval" \
  -v target="http://127.0.0.1:$SINK_PORT/health/" 'BEGIN {
  for (i = 1; i <= n; i++) {
    if (i > 1) print "next"
    print "url = \"" url "\""
    print "request = \"POST\""
    print "header = \"Authorization: Bearer " token "\""
    print "header = \"Content-Type: application/json\""
    printf "data-binary = \"{\\\"name\\\":\\\"probe-%d\\\",\\\"kind\\\":\\\"http\\\",\\\"service\\\":\\\"bench\\\",", i
    printf "\\\"environment\\\":\\\"production\\\",\\\"intervalSeconds\\\":%d,\\\"timeoutMs\\\":5000,", interval
    printf "\\\"http\\\":{\\\"url\\\":\\\"%s%d\\\"}}\"\n", target, i
    print "output = \"/dev/null\""
    print "write-out = \"%{http_code}\\n\""
    print "max-time = 60"
  }
}' >"$work/create.cfg"
curl -s --no-progress-meter --parallel --parallel-max 16 -K "$work/create.cfg" >"$work/codes"
failed=$(grep -vc '^201$' "$work/codes" || true)
[ "$failed" -eq 0 ] || { echo "$failed check(s) were not created: $(sort "$work/codes" | uniq -c | tr '\n' ' ')" >&2; exit 1; }
seed_ms=$(($(now_ms) - seed_started))
total=$(curl -s --max-time 10 -H "Authorization: Bearer $BENCH_ADMIN_TOKEN" "$APP_URL/api/v1/checks?size=1" \
  | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
log "created $total checks in $seed_ms ms"
[ "$total" = "$checks" ] || { echo "expected $checks checks, got '$total'" >&2; exit 1; }

metrics() { curl -s --max-time 10 "$APP_URL/metrics"; }
# the start-delay histogram's buckets as "le count" lines, plus "count N" and "skipped N"
snapshot() {
  metrics | awk '
    /^watchkeeper_check_start_delay_seconds_bucket/ { match($0, /le="[^"]*"/); le = substr($0, RSTART + 4, RLENGTH - 5); print le, $NF }
    /^watchkeeper_check_start_delay_seconds_count/ { print "count", $NF }
    /^watchkeeper_check_runs_skipped_total/ { print "skipped", $NF }'
}
ticks() { local t=0 p; for p in $(app_pids); do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo "$t"; }
hz=$(getconf CLK_TCK)

log "warm-up: $warmup s (every check starts its schedule within one interval)"
sleep "$warmup"
snapshot >"$work/before"
cpu0=$(ticks)
started=$(now_ms)
peak_rss=0
for s in $(seq 1 "$duration"); do
  sleep 1
  if [ $((s % 10)) -eq 0 ]; then
    rss=$(memory | awk '{print $3}')
    [ "$rss" -gt "$peak_rss" ] && peak_rss=$rss
  fi
  if ! kill -0 "$APP_PID" 2>/dev/null; then echo "Watchkeeper exited during the run" >&2; tail -20 "$work/app.log" >&2; exit 1; fi
done
elapsed_ms=$(($(now_ms) - started))
cpu1=$(ticks)
snapshot >"$work/after"
read -r jvm_rss pg_rss total_rss total_pss pg_processes <<<"$(memory)"

# percentiles of the start delay over the measured window: the difference of the two
# cumulative histograms, each percentile given as its bucket's upper bound
diff_of() { awk -v k="$1" 'NR == FNR { if ($1 == k) b = $2; next } $1 == k { print $2 - b }' "$work/before" "$work/after"; }
runs=$(diff_of count)
skipped=$(diff_of skipped)
awk 'NR == FNR { before[$1] = $2; next }
  $1 != "count" && $1 != "skipped" && $1 != "+Inf" { print $1, $2 - before[$1] }' "$work/before" "$work/after" \
  | sort -g | awk -v runs="$runs" -v elapsed="$elapsed_ms" -v skipped="$skipped" '
    { if (p50 == "" && $2 >= 0.50 * runs) p50 = $1
      if (p99 == "" && $2 >= 0.99 * runs) p99 = $1
      if (max == "" && $2 >= runs) max = $1 }
    END {
      printf "probes run: %d in %.0f s (%.1f/s); skipped for want of a permit: %d\n", runs, elapsed / 1000, runs / (elapsed / 1000), skipped
      printf "start delay vs schedule: p50 <= %s s, p99 <= %s s, max <= %s s (upper bounds of histogram buckets)\n", p50, p99, (max == "" ? "> largest bucket" : max)
    }'
awk -v t="$((cpu1 - cpu0))" -v hz="$hz" -v ms="$elapsed_ms" 'BEGIN {printf "CPU (JVM + PostgreSQL): %.2f cores on average\n", t / hz / (ms / 1000)}'
echo "memory at the end: JVM RSS $jvm_rss MiB, PostgreSQL RSS $pg_rss MiB ($pg_processes processes), together PSS $total_pss MiB; peak RSS sampled every 10 s: $peak_rss MiB"
down=$(curl -s --max-time 10 -H "Authorization: Bearer $BENCH_ADMIN_TOKEN" "$APP_URL/api/v1/checks?status=down&size=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
echo "checks down at the end: $down of $checks"
