#!/usr/bin/env bash
# Status page benchmark: Watchkeeper with 100 components (in 10 groups, each on its own
# service) and 20 active public incidents, then wrk against the public page /status and
# the Statuspage API's /status/api/v2/summary.json, one after the other. Reports requests
# per second and the latency distribution (p50, p90, p99) as wrk measures them. Requests
# offer gzip as browsers do (the answers are kept gzipped in the cache).
#
#   bench/statuspage.sh [-d SECONDS] [-c CONNECTIONS] [-t THREADS]
#                       defaults: 30 s per path, 32 connections, 2 threads
#
# Needs wrk (/usr/bin/wrk: apt-get install -y wrk). Everything listens on 127.0.0.1; every
# process started here is stopped by its PID.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

duration=30
connections=32
threads=2
while getopts "d:c:t:h" opt; do
  case $opt in
    d) duration=$OPTARG ;;
    c) connections=$OPTARG ;;
    t) threads=$OPTARG ;;
    *) sed -n '2,11p' "$0"; exit 2 ;;
  esac
done
[[ $duration =~ ^[0-9]+$ ]] && [ "$duration" -ge 5 ] && [ "$duration" -le 600 ] || { echo "-d must be 5..600" >&2; exit 2; }
[[ $connections =~ ^[0-9]+$ ]] && [ "$connections" -ge 1 ] && [ "$connections" -le 1000 ] || { echo "-c must be 1..1000" >&2; exit 2; }
[[ $threads =~ ^[0-9]+$ ]] && [ "$threads" -ge 1 ] && [ "$threads" -le 64 ] || { echo "-t must be 1..64" >&2; exit 2; }
WRK=${WRK:-/usr/bin/wrk}
[ -x "$WRK" ] || { echo "wrk not found at $WRK (apt-get install -y wrk, or set WRK)" >&2; exit 1; }

build_jar
work=$(mktemp -d "${TMPDIR:-/tmp}/watchkeeper-statuspage.XXXXXX")
cleanup() {
  stop_app
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

machine_summary
echo "load: wrk -t$threads -c$connections -d${duration}s per path; 100 components in 10 groups, 20 active public incidents; JAVA_OPTS: ${JAVA_OPTS:-(none)}"
echo

start_app "$work/data" "$work/app.log"
if ! ready=$(wait_ready 180); then tail -20 "$work/app.log" >&2; exit 1; fi
log "ready in $ready ms on $APP_URL"

log "creating 10 groups, 100 services and their components"
groups=()
for g in $(seq 1 10); do
  id=$(api_post /api/v1/component-groups "{\"name\":\"Group $g\",\"position\":$g}" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
  groups+=("$id")
done
components=()
for i in $(seq 1 100); do
  api_post /api/v1/services "{\"slug\":\"bench-$i\",\"name\":\"Bench service $i\"}" >/dev/null
  group=${groups[$(((i - 1) % 10))]}
  id=$(api_post /api/v1/components "{\"name\":\"Component $i\",\"description\":\"Benchmark component $i\",\"service\":\"bench-$i\",\"groupId\":\"$group\",\"position\":$i}" \
    | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
  components+=("$id")
done

log "declaring and publishing 20 incidents, each with two public updates"
for i in $(seq 1 20); do
  number=$(api_post /api/v1/incidents "{\"title\":\"Benchmark incident $i\",\"severity\":\"SEV-4\"}" | sed -n 's/.*"number":\([0-9]*\).*/\1/p')
  impact=$(echo "minor major critical" | cut -d' ' -f$((1 + i % 3)))
  api PUT "/api/v1/incidents/$number/publication" application/json \
    "{\"title\":\"Public incident $i\",\"impact\":\"$impact\",\"componentIds\":[\"${components[$((i - 1))]}\",\"${components[$((i + 49))]}\"]}" >/dev/null
  api_post "/api/v1/incidents/$number/public-updates" '{"status":"investigating","template":"Investigating"}' >/dev/null
  api_post "/api/v1/incidents/$number/public-updates" '{"status":"identified","body":"We found the cause and are working on a fix."}' >/dev/null
done

# browsers always offer gzip; so does the load, like the clients it stands for
accept='Accept-Encoding: gzip'
# the answers carry what was set up (a rebuild still running serves the previous answer)
for attempt in $(seq 1 30); do
  summary=$(curl -s --max-time 10 "$APP_URL/status/api/v2/summary.json")
  if echo "$summary" | grep -q '"Public incident 20"'; then break; fi
  [ "$attempt" -lt 30 ] || { echo "summary.json lacks the incidents after 30 s" >&2; exit 1; }
  sleep 1
done
page_bytes=$(curl -s --max-time 10 "$APP_URL/status" | wc -c)
gzipped_bytes=$(curl -s --max-time 10 -H "$accept" "$APP_URL/status" | wc -c)
log "summary.json is ${#summary} bytes, /status $page_bytes bytes ($gzipped_bytes gzipped)"

for path in /status /status/api/v2/summary.json; do
  # warm-up: JIT and the cache
  "$WRK" -t"$threads" -c"$connections" -d5s -H "$accept" "$APP_URL$path" >/dev/null
  out=$("$WRK" -t"$threads" -c"$connections" -d"${duration}s" -H "$accept" --latency "$APP_URL$path")
  rps=$(echo "$out" | awk '/^Requests\/sec:/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p90=$(echo "$out" | awk '$1 == "90%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
  printf '%-32s %10s req/s   p50 %8s   p90 %8s   p99 %8s   %s\n' "$path" "$rps" "$p50" "$p90" "$p99" "${errors:-no errors}"
done
echo
read -r jvm pg total pss count < <(memory)
echo "memory: JVM ${jvm} MiB RSS, PostgreSQL ${pg} MiB RSS in $count processes, ${pss} MiB PSS together"
