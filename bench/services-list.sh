#!/usr/bin/env bash
# API benchmark: Watchkeeper with 1,000 services in its embedded PostgreSQL, read through
# `GET /api/v1/services` (default page of 50, and pages of 500) at a constant arrival rate
# by the open-model load driver, with `GET /api/v1/me` (authentication alone) as the floor.
#
#   bench/services-list.sh [-r RATE] [-d SECONDS] [-w WARMUP_SECONDS] [-s SERVICES]
#                          defaults: 200 req/s, 60 s, 10 s warm-up, 1000 services
#
# Everything listens on 127.0.0.1; every process started here is stopped by its PID.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

rate=200
duration=60
warmup=10
services=1000
while getopts "r:d:w:s:h" opt; do
  case $opt in
    r) rate=$OPTARG ;;
    d) duration=$OPTARG ;;
    w) warmup=$OPTARG ;;
    s) services=$OPTARG ;;
    *) sed -n '2,9p' "$0"; exit 2 ;;
  esac
done
[[ $services =~ ^[0-9]+$ ]] && [ "$services" -ge 1 ] && [ "$services" -le 10000 ] || { echo "-s must be 1..10000" >&2; exit 2; }
# the load driver checks -r, -d and -w against its own bounds

build_jar
build_load_driver
work=$(mktemp -d "${TMPDIR:-/tmp}/watchkeeper-services.XXXXXX")
cleanup() { stop_app; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

machine_summary
echo "load: $rate req/s for $duration s after $warmup s warm-up per endpoint; $services services; JAVA_OPTS: ${JAVA_OPTS:-(none)}"
echo

start_app "$work/data" "$work/app.log"
if ! ready=$(wait_ready 180); then tail -20 "$work/app.log" >&2; exit 1; fi
log "ready in $ready ms on $APP_URL"

# ten owner teams, so each listed service carries its team as the real catalog would
teams=()
for t in $(seq 0 9); do
  created=$(api_post /api/v1/teams "{\"slug\":\"team-$t\",\"name\":\"Team $t\",\"description\":\"Benchmark team $t\"}")
  id=$(printf '%s' "$created" | sed -n 's/^{"id":"\([^"]*\)".*/\1/p')
  [ -n "$id" ] || { echo "no id in the created team: $created" >&2; exit 1; }
  teams+=("$id")
done

log "creating $services services through POST /api/v1/services"
seed_started=$(now_ms)
for n in $(seq 1 "$services"); do
  slug=$(printf 'svc-%04d' "$n")
  api_post /api/v1/services "{\"slug\":\"$slug\",\"name\":\"Service $n\",\"description\":\"Benchmark service $n\",\
\"ownerTeamId\":\"${teams[$((n % 10))]}\",\"tier\":$((n % 4 + 1)),\"runbookUrl\":\"https://runbooks.example.com/$slug\",\
\"tags\":[\"team-$((n % 10))\",\"bench\"],\"environments\":[{\"name\":\"production\",\"url\":\"https://$slug.example.com\"},\
{\"name\":\"staging\",\"url\":\"https://staging.$slug.example.com\"}]}" >/dev/null
done
seed_ms=$(($(now_ms) - seed_started))
total=$(curl -s --max-time 10 -H "Authorization: Bearer $BENCH_ADMIN_TOKEN" "$APP_URL/api/v1/services?size=1" \
  | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
log "created $services services in $seed_ms ms; the list reports total=$total"
[ "$total" = "$services" ] || { echo "expected total $services, got '$total'" >&2; exit 1; }

# CPU clock ticks used so far by the JVM, its PostgreSQL, and the whole machine
ticks() { local t=0 p; for p in $(app_pids); do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo "$t"; }
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
hz=$(getconf CLK_TCK)

rows=()
measure() { # LABEL PATH
  local label=$1 path=$2 out app0 app1 all0 all1 seconds requests result driver
  log "GET $path: $warmup s warm-up, then $duration s at $rate req/s"
  seconds=$((warmup + duration))
  requests=$(awk -v r="$rate" -v s="$seconds" 'BEGIN {print r * s}')
  app0=$(ticks); all0=$(machine_ticks)
  out=$(load_driver --url "$APP_URL$path" --token "$BENCH_ADMIN_TOKEN" --rate "$rate" --duration "$duration" --warmup "$warmup")
  app1=$(ticks); all1=$(machine_ticks)
  echo "$out" | sed 's/^/    /' >&2
  result=$(echo "$out" | sed -n 's/^result: *//p')
  driver=$(echo "$out" | sed -n 's/^driver cpu: \([0-9]*\) ms/\1/p')
  # over warm-up and measurement: Watchkeeper's CPU (JVM + PostgreSQL) per request, and
  # the machine's cores kept busy by Watchkeeper, by the driver, and by everything else
  rows+=("$label|$result|$(echo "$out" | sed -n 's/.*, \([0-9]*\) bytes per response/\1/p')|$(awk \
    -v app=$((app1 - app0)) -v all=$((all1 - all0)) -v hz="$hz" -v s="$seconds" -v n="$requests" -v drv="${driver:-0}" \
    'BEGIN {a = app / hz; d = drv / 1000; t = all / hz; o = t - a - d; if (o < 0) o = 0;
            printf "%.2f|%.2f|%.2f|%.2f", a * 1000 / n, a / s, d / s, o / s}')")
}

measure "GET /api/v1/me (authentication only)" "/api/v1/me"
measure "GET /api/v1/services (page of 50)" "/api/v1/services"
measure "GET /api/v1/services?size=500" "/api/v1/services?size=500"

echo
echo "Latency in ms from each request's scheduled send time; CPU in cores busy over warm-up and measurement."
echo
echo "| endpoint | bytes | achieved req/s | completed | non-2xx | failed | p50 | p90 | p95 | p99 | max | Watchkeeper CPU ms/req | cores: Watchkeeper | cores: driver | cores: other processes |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for row in "${rows[@]}"; do
  IFS='|' read -r label result bytes cpu_req cores_app cores_driver cores_other <<<"$row"
  declare -A r=()
  for kv in $result; do r[${kv%%=*}]=${kv#*=}; done
  echo "| $label | $bytes | ${r[rate]} | ${r[completed]} | ${r[non2xx]} | ${r[failed]} | ${r[p50]} | ${r[p90]} | **${r[p95]}** | ${r[p99]} | ${r[max]} | $cpu_req | $cores_app | $cores_driver | $cores_other |"
  unset r
done
echo
echo "seeding: $services services created one by one with curl in $seed_ms ms; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
