#!/usr/bin/env bash
# Intake benchmark: alerts accepted per second through Alertmanager's API v2
# (`POST …/api/v2/alerts`, batches of 64 alerts) by Watchkeeper (`java -jar`, embedded
# PostgreSQL with fsync and synchronous commit on) and by a real Alertmanager 0.25, on the
# same machine, with the same client and the same payloads, in one run.
#
#   bench/intake.sh [-c CLIENTS] [-r ROUNDS] [-d SECONDS] [-w WARMUP_SECONDS] [-l LATENCY_SECONDS] [-n NEW_PER_BATCH]
#                   defaults: 16 clients, 3 rounds of 15 s closed loop per peer after 20 s warm-up,
#                   60 s latency phase, 16 new
#
# 1. Maximum sustainable rate: CLIENTS closed-loop clients each post their next batch as soon
#    as the last is answered. After a warm-up of each peer, ROUNDS rounds of SECONDS each
#    alternate between the peers (Watchkeeper, Alertmanager, Watchkeeper, …), so a change in
#    the machine's speed during the run weighs on both alike; a peer's maximum rate is the
#    mean of its rounds.
# 2. Latency: the open-model load driver posts at half of Watchkeeper's maximum rate
#    (10 s warm-up, then LATENCY_SECONDS) to each peer; p99 from the scheduled send time.
# Payloads (bench AlertBatches): 400 different bodies of 64 alerts; in each, NEW_PER_BATCH
# alerts are new on every request and the rest refresh distinct alerts of a pool of 5,000.
# Both peers get the same routing: one route grouping by alertname and service with
# Alertmanager's default timings (30 s, 5 m, 4 h) to a receiver that sends nothing.
# Watchkeeper still stores every alert, its groups and their history, and flushes the groups.
# Everything listens on 127.0.0.1; every process started here is stopped by its PID.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

clients=16
rounds=3
duration=15
warmup=20
latency_duration=60
fresh=16
while getopts "c:r:d:w:l:n:h" opt; do
  case $opt in
    c) clients=$OPTARG ;;
    r) rounds=$OPTARG ;;
    d) duration=$OPTARG ;;
    w) warmup=$OPTARG ;;
    l) latency_duration=$OPTARG ;;
    n) fresh=$OPTARG ;;
    *) sed -n '2,20p' "$0"; exit 2 ;;
  esac
done
[[ $fresh =~ ^[0-9]+$ ]] && [ "$fresh" -le 64 ] || { echo "-n must be 0..64" >&2; exit 2; }
[[ $rounds =~ ^[0-9]+$ ]] && [ "$rounds" -ge 1 ] && [ "$rounds" -le 10 ] || { echo "-r must be 1..10" >&2; exit 2; }
# the load driver checks -c, -d, -w and -l against its own bounds

command -v prometheus-alertmanager >/dev/null || { echo "prometheus-alertmanager is missing: apt-get install -y prometheus-alertmanager" >&2; exit 1; }

build_jar
build_load_driver
work=$(mktemp -d "${TMPDIR:-/tmp}/watchkeeper-intake.XXXXXX")
AM_PID=""
stop_alertmanager() {
  [ -n "$AM_PID" ] || return 0
  local waited=0
  kill -TERM "$AM_PID" 2>/dev/null || true
  while alive "$AM_PID" && [ $waited -lt 100 ]; do sleep 0.1; waited=$((waited + 1)); done
  alive "$AM_PID" && kill -KILL "$AM_PID" 2>/dev/null || true
  wait "$AM_PID" 2>/dev/null || true
  AM_PID=""
}
cleanup() { stop_app; stop_alertmanager; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

machine_summary
echo "alertmanager: $(prometheus-alertmanager --version 2>&1 | head -1)"
echo "load: batches of 64 alerts ($fresh new, $((64 - fresh)) refreshes); $clients closed-loop clients, $rounds alternating rounds of $duration s per peer after $warmup s of warm-up each; latency phase $latency_duration s after 10 s; JAVA_OPTS: ${JAVA_OPTS:-(none)}"
echo

"$JAVA" -cp target/bench-classes dev.watchkeeper.bench.AlertBatches "$work/bodies.jsonl" 400 64 "$fresh" 5000

# --- Watchkeeper, with an integration key as Prometheus would use ---
start_app "$work/data" "$work/app.log"
if ! ready=$(wait_ready 180); then tail -20 "$work/app.log" >&2; exit 1; fi
log "Watchkeeper ready in $ready ms on $APP_URL"
api_post /api/v1/teams '{"slug":"bench","name":"Benchmark","description":"Owns the benchmark key"}' >/dev/null
created=$(api_post /api/v1/integration-keys '{"name":"bench-prometheus","team":"bench"}')
key=$(printf '%s' "$created" | sed -n 's/.*"secret":"\([^"]*\)".*/\1/p')
[ -n "$key" ] || { echo "no secret in the created integration key: $created" >&2; exit 1; }
# the routing Alertmanager gets below, instead of the handbook's tree (which opens incidents)
api PUT /api/v1/alerting/config application/yaml '
route:
  receiver: blackhole
  group_by: [alertname, service]
  group_wait: 30s
  group_interval: 5m
  repeat_interval: 4h
receivers:
  - name: blackhole
    channels: []
' >/dev/null
WK_URL="$APP_URL/alertmanager/api/v2/alerts"

# --- Alertmanager 0.25 on loopback, gossip off, a receiver that sends nothing ---
AM_PORT=$(free_port)
mkdir -p "$work/am"
cat >"$work/am/alertmanager.yml" <<'YAML'
route:
  receiver: blackhole
  group_by: ['alertname', 'service']
receivers:
  - name: blackhole
YAML
prometheus-alertmanager --config.file="$work/am/alertmanager.yml" --storage.path="$work/am/data" \
  --web.listen-address="127.0.0.1:$AM_PORT" --cluster.listen-address= >"$work/am.log" 2>&1 &
AM_PID=$!
for _ in $(seq 1 300); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$AM_PORT/-/ready" || true)" = 200 ] && break
  alive "$AM_PID" || { cat "$work/am.log" >&2; echo "Alertmanager exited" >&2; exit 1; }
  sleep 0.1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$AM_PORT/-/ready" || true)" = 200 ] \
  || { echo "Alertmanager was not ready within 30 s" >&2; exit 1; }
AM_URL="http://127.0.0.1:$AM_PORT/api/v2/alerts"
log "Alertmanager ready on 127.0.0.1:$AM_PORT (pid $AM_PID)"

# CPU clock ticks of a peer's processes (Watchkeeper: JVM + its PostgreSQL)
hz=$(getconf CLK_TCK)
proc_ticks() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo "$t"; }
peer_ticks() { if [ "$1" = watchkeeper ]; then proc_ticks $(app_pids); else proc_ticks "$AM_PID"; fi; }

rows=()
# run PEER PHASE URL TOKEN DRIVER_OPTIONS…: one load-driver run; appends a table row
run() {
  local peer=$1 phase=$2 url=$3 token=$4 out result t0 t1 load
  shift 4
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  log "$peer, $phase: $*"
  t0=$(peer_ticks "$peer")
  out=$(load_driver --url "$url" --token "$token" --body-file "$work/bodies.jsonl" "$@")
  t1=$(peer_ticks "$peer")
  echo "$out" | sed 's/^/    /' >&2
  result=$(echo "$out" | sed -n 's/^result: *//p')
  rows+=("$peer|$phase|$result|$(awk -v t=$((t1 - t0)) -v hz="$hz" 'BEGIN {printf "%.1f", t / hz}')|$load")
  LAST_RATE=$(echo "$result" | sed -n 's/^rate=\([0-9.]*\).*/\1/p')
}

# warm-up: not reported
for peer in watchkeeper alertmanager; do
  url=$WK_URL; [ "$peer" = alertmanager ] && url=$AM_URL
  log "$peer, warm-up: $warmup s"
  load_driver --url "$url" --token "$key" --body-file "$work/bodies.jsonl" --clients "$clients" --duration "$warmup" \
    --warmup 0 --max-requests 1000000 --timeout 30 | sed -n 's/^result: */    warm-up: /p' >&2
done
# each round: 2 s for the driver's own warm-up, then SECONDS measured
closed=(--clients "$clients" --duration "$duration" --warmup 2 --max-requests 1000000 --timeout 30)
wk_rates=()
am_rates=()
for round in $(seq 1 "$rounds"); do
  run watchkeeper "closed loop, round $round" "$WK_URL" "$key" "${closed[@]}"
  wk_rates+=("$LAST_RATE")
  run alertmanager "closed loop, round $round" "$AM_URL" "$key" "${closed[@]}"
  am_rates+=("$LAST_RATE")
done
mean() { printf '%s\n' "$@" | awk '{s += $1} END {printf "%.1f", (NR ? s / NR : 0)}'; }
wk_max=$(mean "${wk_rates[@]}")
am_max=$(mean "${am_rates[@]}")

half=$(awk -v r="$wk_max" 'BEGIN {h = r / 2; if (h < 1) h = 1; printf "%.1f", h}')
open_model=(--rate "$half" --duration "$latency_duration" --warmup 10 --concurrency 256 --timeout 30)
run watchkeeper "open model at $half req/s" "$WK_URL" "$key" "${open_model[@]}"
run alertmanager "open model at $half req/s" "$AM_URL" "$key" "${open_model[@]}"

echo "Latency in ms (closed loop: from send; open model: from the scheduled send time). CPU: seconds used by the peer (Watchkeeper: JVM and PostgreSQL) during the phase, in the closed-loop rounds including the driver's 2 s warm-up."
echo
echo "| peer | phase | requests/s | alerts/s | completed | non-2xx | failed | p50 | p99 | max | CPU s | load average before |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
for row in "${rows[@]}"; do
  IFS='|' read -r peer phase result cpu load <<<"$row"
  declare -A r=()
  for kv in $result; do r[${kv%%=*}]=${kv#*=}; done
  echo "| $peer | $phase | ${r[rate]} | $(awk -v x="${r[rate]}" 'BEGIN {printf "%.0f", x * 64}') | ${r[completed]} | ${r[non2xx]} | ${r[failed]} | ${r[p50]} | **${r[p99]}** | ${r[max]} | $cpu | $load |"
  unset r
done
echo
echo "rounds, requests/s: Watchkeeper ${wk_rates[*]}; Alertmanager ${am_rates[*]}"
awk -v w="$wk_max" -v a="$am_max" 'BEGIN {printf "Watchkeeper / Alertmanager, maximum rate (mean of the rounds): %.2fx (%s vs %s requests/s)\n", (a > 0 ? w / a : 0), w, a}'
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
