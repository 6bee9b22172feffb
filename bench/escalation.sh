#!/usr/bin/env bash
# Escalation timer benchmark (issue 4): with 1,000 open incidents and their timers, 100 new
# incidents per second for a minute; how late does each escalation step page, measured from the
# step's due time to its page being written to the notification outbox.
#
#   bench/escalation.sh [-o OPEN] [-r RATE] [-d SECONDS]
#                       defaults: 1000 open incidents first, then 100 incidents/s for 60 s
#
# Every incident is declared through the API for one service whose escalation policy pages one
# person, then after 1 minute (the shortest step timeout) a second person. The second step of
# every incident comes due while incidents keep arriving; the delay of each is
#   paged_at of its step-2 page − (declared_at + 1 minute)
# read from Watchkeeper's embedded PostgreSQL with psql (Debian package postgresql-client).
# Everything listens on 127.0.0.1; every process started here is stopped by its PID.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

open=1000
rate=100
duration=60
while getopts "o:r:d:h" opt; do
  case $opt in
    o) open=$OPTARG ;;
    r) rate=$OPTARG ;;
    d) duration=$OPTARG ;;
    *) sed -n '2,14p' "$0"; exit 2 ;;
  esac
done
[[ $open =~ ^[0-9]+$ ]] && [ "$open" -ge 100 ] && [ "$open" -le 20000 ] || { echo "-o must be 100..20000" >&2; exit 2; }
command -v psql >/dev/null || { echo "psql is missing: apt-get install -y postgresql-client" >&2; exit 1; }

build_jar
build_load_driver
work=$(mktemp -d "${TMPDIR:-/tmp}/watchkeeper-escalation.XXXXXX")
SINK_PID=""
cleanup() { stop_app; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

machine_summary
echo "load: $open open incidents, then $rate incidents/s for $duration s; JAVA_OPTS: ${JAVA_OPTS:-(none)}"
echo

# pages go to each person's webhook contact: a local sink that answers 204
SINK_PORT=$(free_port)
"$JAVA" -cp target/bench-classes dev.watchkeeper.bench.WebhookSink "$SINK_PORT" 600 >"$work/sink.log" 2>&1 &
SINK_PID=$!
cleanup() { stop_app; kill "$SINK_PID" 2>/dev/null || true; wait "$SINK_PID" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

start_app "$work/data" "$work/app.log"
if ! ready=$(wait_ready 180); then tail -20 "$work/app.log" >&2; exit 1; fi
log "Watchkeeper ready in $ready ms on $APP_URL"
pg() { psql -h 127.0.0.1 -p "$(sed -n 4p "$APP_DATA_DIR/postgres/postmaster.pid")" -U postgres -d postgres -At -c "$1"; }
id_of() { sed -n 's/^{"id":"\([^"]*\)".*/\1/p'; }

hook="http://127.0.0.1:$SINK_PORT/page"
first=$(api_post /api/v1/users "{\"email\":\"first@example.com\",\"name\":\"First Responder\",\"timeZone\":\"UTC\",\"role\":\"responder\",\"password\":\"benchmark password one\",\"contactMethods\":[{\"kind\":\"webhook\",\"address\":\"$hook\"}]}" | id_of)
second=$(api_post /api/v1/users "{\"email\":\"second@example.com\",\"name\":\"Second Responder\",\"timeZone\":\"UTC\",\"role\":\"responder\",\"password\":\"benchmark password two\",\"contactMethods\":[{\"kind\":\"webhook\",\"address\":\"$hook\"}]}" | id_of)
team=$(api_post /api/v1/teams '{"slug":"bench","name":"Benchmark","description":"Owns the benchmark service"}' | id_of)
service=$(api_post /api/v1/services "{\"slug\":\"bench\",\"name\":\"Benchmark\",\"ownerTeamId\":\"$team\",\"tier\":2}" | id_of)
policy=$(api_post /api/v1/escalation-policies "{\"name\":\"Bench\",\"repeat\":0,\"steps\":[{\"targets\":[{\"kind\":\"user\",\"ref\":\"$first\"}],\"timeout\":\"1m\"},{\"targets\":[{\"kind\":\"user\",\"ref\":\"$second\"}],\"timeout\":\"1m\"}]}" | id_of)
api PUT "/api/v1/escalation-policies/assignments/services/$service" application/json "{\"policyId\":\"$policy\"}" >/dev/null
[ -n "$first" ] && [ -n "$second" ] && [ -n "$service" ] && [ -n "$policy" ] || { echo "set-up failed" >&2; exit 1; }
printf '{"title":"Benchmark incident @SEQ@","severity":"SEV-2","serviceId":"%s"}\n' "$service" >"$work/incident.jsonl"

url="$APP_URL/api/v1/incidents"
log "declaring $open open incidents"
load_driver --url "$url" --token "$BENCH_ADMIN_TOKEN" --body-file "$work/incident.jsonl" \
  --rate 200 --duration $((open / 200)) --warmup 0 --concurrency 64 --timeout 30 | sed -n 's/^ *\(result\|statuses\): */    open incidents: /p'
log "declaring $rate incidents/s for $duration s while the open ones' steps come due"
load_driver --url "$url" --token "$BENCH_ADMIN_TOKEN" --body-file "$work/incident.jsonl" \
  --rate "$rate" --duration "$duration" --warmup 0 --concurrency 256 --timeout 30 | sed -n 's/^ *\(result\|statuses\): */    new incidents:  /p'
log "waiting 75 s for the last second steps"
sleep 75

echo
echo "incidents: $(pg "SELECT count(*) FROM incident_incidents")"
echo "second-step pages: $(pg "SELECT count(*) FROM incident_pages WHERE step = 1 AND round = 0")"
echo "second steps that paged twice: $(pg "SELECT count(*) FROM (SELECT incident_id FROM incident_pages WHERE step = 1 GROUP BY incident_id HAVING count(*) > 1) d")"
echo "pages in the outbox: $(pg "SELECT count(*) FROM notification_deliveries WHERE idempotency_key LIKE 'incident/%'") (delivered: $(pg "SELECT count(*) FROM notification_deliveries WHERE idempotency_key LIKE 'incident/%' AND status = 'succeeded'"))"
echo
echo "| delay from step due to page in the outbox | ms |"
echo "| --- | ---: |"
pg "SELECT 'p50|' || round(percentile_cont(0.50) WITHIN GROUP (ORDER BY d)::numeric, 1),
           'p90|' || round(percentile_cont(0.90) WITHIN GROUP (ORDER BY d)::numeric, 1),
           'p99|' || round(percentile_cont(0.99) WITHIN GROUP (ORDER BY d)::numeric, 1),
           'max|' || round(max(d)::numeric, 1)
      FROM (SELECT extract(epoch FROM p.paged_at - (i.declared_at + interval '1 minute')) * 1000 AS d
              FROM incident_pages p JOIN incident_incidents i ON i.id = p.incident_id
             WHERE p.step = 1 AND p.round = 0) delays" | tr '|' '\n' | paste -d'|' - - | awk -F'|' '{printf "| %s | %s |\n", $1, $2}'
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
