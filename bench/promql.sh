#!/usr/bin/env bash
# PromQL benchmark (issue 5): (b) query latency of the handbook's rule expressions over
# SERIES series x MINUTES at 15 s resolution, Watchkeeper against the real Prometheus 2.42 on the
# same data, as a ratio; (c) samples ingested per second through the text-format import.
#
#   bench/promql.sh [-s SERIES] [-m MINUTES] [-n ROUNDS] [-w WARMUP]
#                   defaults: 10000 series, 60 minutes, 10 timed rounds of each query after at
#                   least 20 untimed requests and 20 s of them
#
# The same generated series (bench/promql-data.py) are imported into Watchkeeper and backfilled
# into Prometheus with promtool. Each query runs as an instant query at the end of the data and as
# a range query over the whole hour at a 15 s step: untimed to each engine until it was sent at
# least WARMUP times and for 20 s (the JVM compiles the request's path meanwhile), then ROUNDS
# rounds per engine, alternating. A round is one curl run of ten requests over one connection: the
# first pays for opening it (the "new connection" columns), the other nine reuse it the way
# Grafana, a rule evaluator or any pooled HTTP client does (the main columns). The medians of curl's total
# time are reported. Everything listens on 127.0.0.1; every process started here is stopped by
# its PID.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

series=10000
minutes=60
repeats=10
warmup=20
kept=9
warm_seconds=20
while getopts "s:m:n:w:h" opt; do
  case $opt in
    s) series=$OPTARG ;;
    m) minutes=$OPTARG ;;
    n) repeats=$OPTARG ;;
    w) warmup=$OPTARG ;;
    *) sed -n '2,17p' "$0"; exit 2 ;;
  esac
done
[[ $series =~ ^[0-9]+$ ]] && [ "$series" -ge 100 ] && [ "$series" -le 100000 ] || { echo "-s must be 100..100000" >&2; exit 2; }
[[ $minutes =~ ^[0-9]+$ ]] && [ "$minutes" -ge 10 ] && [ "$minutes" -le 1440 ] || { echo "-m must be 10..1440" >&2; exit 2; }
[[ $repeats =~ ^[0-9]+$ ]] && [ "$repeats" -ge 1 ] && [ "$repeats" -le 1000 ] || { echo "-n must be 1..1000" >&2; exit 2; }
[[ $warmup =~ ^[0-9]+$ ]] && [ "$warmup" -le 100 ] || { echo "-w must be 0..100" >&2; exit 2; }
for tool in prometheus promtool python3 curl; do
  command -v $tool >/dev/null || { echo "$tool is missing (apt-get install -y prometheus python3 curl)" >&2; exit 1; }
done

build_jar
work=$(mktemp -d "${TMPDIR:-/tmp}/watchkeeper-promql.XXXXXX")
PROM_PID=""
cleanup() {
  stop_app
  if [ -n "$PROM_PID" ]; then kill -TERM "$PROM_PID" 2>/dev/null || true; wait "$PROM_PID" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# whole minutes, ending two hours ago so that Prometheus keeps it in a block, not the head
start=$(( ($(date +%s) - 2 * 3600 - minutes * 60) / 60 * 60 ))
end=$((start + minutes * 60))
log "generating $series series x $minutes min"
count=$(python3 bench/promql-data.py "$work" "$series" "$minutes" "$start")
samples=$(cat "$work"/import-*.txt | wc -l)
log "$count series, $samples samples"

WATCHKEEPER_MAX_REQUEST_BODY_SIZE=67108864 start_app "$work/wk-data" "$work/watchkeeper.log"
wait_ready 300 >/dev/null
ingest_started=$(now_ms)
for f in "$work"/import-*.txt; do
  code=$(curl -s -o "$work/import.out" -w '%{http_code}' --max-time 300 -X POST \
    -H "Authorization: Bearer $BENCH_ADMIN_TOKEN" -H 'Content-Type: text/plain' --data-binary "@$f" \
    "$APP_URL/prometheus/api/v1/import/prometheus")
  [ "$code" = 204 ] || { echo "import of $f answered $code: $(cat "$work/import.out")" >&2; exit 1; }
done
ingest_ms=$(( $(now_ms) - ingest_started ))

log "backfilling Prometheus with promtool"
mkdir -p "$work/prom-data"
promtool tsdb create-blocks-from openmetrics "$work/data.om" "$work/prom-data" >"$work/promtool.log" 2>&1
printf 'global:\n  scrape_interval: 15s\n' >"$work/prometheus.yml"
prom_port=$(free_port)
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/prom-data" \
  --storage.tsdb.retention.time=3650d --web.listen-address="127.0.0.1:$prom_port" --log.level=warn \
  >"$work/prometheus.log" 2>&1 &
PROM_PID=$!
for _ in $(seq 1 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$prom_port/-/ready" || true)" = 200 ] && break
  kill -0 "$PROM_PID" 2>/dev/null || { echo "prometheus exited: $(cat "$work/prometheus.log")" >&2; exit 1; }
  sleep 0.1
done

queries=(
  'up{job="backend"} == 0'
  'database_up == 0'
  'rate(http_requests_total{status=~"5.."}[5m]) > 0.05'
  'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5m]))) > 0.5'
  'sum by (instance) (rate(http_requests_total{status=~"5.."}[5m])) / sum by (instance) (rate(http_requests_total[5m]))'
)

# batch URL AUTH COUNT PARAMS...: COUNT identical POST form requests in one curl run, which keeps
# the connection open between them; prints each one's total time in ms, the first one's including
# opening the connection
batch() {
  local url=$1 auth=$2 count=$3; shift 3
  local one=(-s -o /dev/null -w '%{time_total}\n' --max-time 120 ${auth:+-H "Authorization: Bearer $auth"})
  for p in "$@"; do one+=(--data-urlencode "$p"); done
  one+=("$url")
  local args=("${one[@]}")
  for _ in $(seq 2 "$count"); do args+=(--next "${one[@]}"); done
  curl "${args[@]}" | awk '{printf "%.3f\n", $1 * 1000}'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

# warm URL AUTH PARAMS...: untimed requests until at least WARMUP were sent and WARM_SECONDS have
# passed; the JVM compiles a query's path (HTTP, security, evaluation, JSON) after some thousands
# of requests, and a server answers the same dashboard queries all day
warm() {
  local url=$1 auth=$2; shift 2
  local sent=0 started
  started=$(now_ms)
  while [ "$sent" -lt "$warmup" ] || [ $(($(now_ms) - started)) -lt $((warm_seconds * 1000)) ]; do
    batch "$url" "$auth" 20 "$@" >/dev/null
    sent=$((sent + 20))
  done
}

echo "# PromQL benchmark: $count series x $minutes min at 15 s ($samples samples)"
machine_summary
echo "prometheus: $(prometheus --version 2>&1 | head -1)"
echo
echo "(c) import: $samples samples in $ingest_ms ms = $(( samples * 1000 / (ingest_ms > 0 ? ingest_ms : 1) )) samples/s"
echo
echo "(b) median latency in ms after at least $warmup untimed requests and $warm_seconds s of them per query and engine; ratio = Watchkeeper / Prometheus"
echo "    open connection: $repeats rounds x $kept requests; new connection: the first request of each round"
echo "| query | kind | Watchkeeper | Prometheus | ratio | new conn. Watchkeeper | new conn. Prometheus | ratio |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for q in "${queries[@]}"; do
  for kind in instant range; do
    if [ $kind = instant ]; then path=query; params=("query=$q" "time=$end")
    else path=query_range; params=("query=$q" "start=$((start + 300))" "end=$end" "step=15"); fi
    wk_url="$APP_URL/prometheus/api/v1/$path"
    prom_url="http://127.0.0.1:$prom_port/api/v1/$path"
    warm "$wk_url" "$BENCH_ADMIN_TOKEN" "${params[@]}"
    warm "$prom_url" "" "${params[@]}"
    : >"$work/wk.ms"; : >"$work/prom.ms"
    for _ in $(seq 1 "$repeats"); do
      batch "$wk_url" "$BENCH_ADMIN_TOKEN" $((kept + 1)) "${params[@]}" >>"$work/wk.ms"
      batch "$prom_url" "" $((kept + 1)) "${params[@]}" >>"$work/prom.ms"
    done
    # every (kept + 1)th line is a round's first request, on a new connection
    wk=$(awk -v k=$((kept + 1)) 'NR % k != 1' "$work/wk.ms" | median)
    pm=$(awk -v k=$((kept + 1)) 'NR % k != 1' "$work/prom.ms" | median)
    wk_new=$(awk -v k=$((kept + 1)) 'NR % k == 1' "$work/wk.ms" | median)
    pm_new=$(awk -v k=$((kept + 1)) 'NR % k == 1' "$work/prom.ms" | median)
    echo "| \`$q\` | $kind | $wk | $pm | $(ratio "$wk" "$pm") | $wk_new | $pm_new | $(ratio "$wk_new" "$pm_new") |"
  done
done
