#!/usr/bin/env bash
# Notification latency: from an alert accepted by Watchkeeper's Alertmanager API (the 200
# reaching the sender) to the signed webhook notification about it received by a peer on
# 127.0.0.1. The routing sends every alert to a webhook channel with group_by ['...'] and
# group_wait 0s, so each alert is its own group and is notified at once; deliveries go
# through the durable outbox as always.
#
#   bench/notify-latency.sh [-r RATE] [-d SECONDS]      defaults: 20 alerts/s for 60 s
#
# Everything listens on 127.0.0.1; every process started here is stopped by its PID.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

rate=20
duration=60
while getopts "r:d:h" opt; do
  case $opt in
    r) rate=$OPTARG ;;
    d) duration=$OPTARG ;;
    *) sed -n '2,9p' "$0"; exit 2 ;;
  esac
done
# NotificationLatency checks -r (1..500) and -d (1..300) itself

build_jar
build_load_driver
work=$(mktemp -d "${TMPDIR:-/tmp}/watchkeeper-notify.XXXXXX")
cleanup() { stop_app; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

machine_summary
echo "load: $rate alerts/s (one alert per request) for $duration s; JAVA_OPTS: ${JAVA_OPTS:-(none)}"
echo

start_app "$work/data" "$work/app.log"
ready=$(wait_ready 180) || { tail -20 "$work/app.log" >&2; exit 1; }
log "ready in $ready ms on $APP_URL"

receiver_port=$(free_port)
api POST /api/v1/channels application/json \
  "{\"name\":\"bench-webhook\",\"kind\":\"webhook\",\"url\":\"http://127.0.0.1:$receiver_port/hook\"}" >/dev/null
api PUT /api/v1/alerting/config application/yaml "
receivers:
  - name: bench
    channels: [bench-webhook]
route:
  receiver: bench
  group_by: ['...']
  group_wait: 0s
  group_interval: 1m
  repeat_interval: 4h
" >/dev/null
log "webhook channel and routing saved; peer on 127.0.0.1:$receiver_port"

"$JAVA" -cp target/bench-classes dev.watchkeeper.bench.NotificationLatency \
  --url "$APP_URL/alertmanager/api/v2/alerts" --token "$BENCH_ADMIN_TOKEN" \
  --receiver-port "$receiver_port" --rate "$rate" --seconds "$duration"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
