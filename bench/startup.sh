#!/usr/bin/env bash
# Start-up benchmark: time from launching `java -jar target/watchkeeper.jar` to the first
# 200 of /health/ready, and the memory of the JVM plus its embedded PostgreSQL right after
# ready and after an idle period. Each run starts on a fresh data directory (cold: initdb,
# migrations, first admin) and then once more on the same directory (warm restart).
#
#   bench/startup.sh [-n RUNS] [-i IDLE_SECONDS]     defaults: 5 runs, 30 s idle
#
# Everything listens on 127.0.0.1; every process started here is stopped by its PID.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

runs=5
idle=30
while getopts "n:i:h" opt; do
  case $opt in
    n) runs=$OPTARG ;;
    i) idle=$OPTARG ;;
    *) sed -n '2,9p' "$0"; exit 2 ;;
  esac
done
[[ $runs =~ ^[0-9]+$ ]] && [ "$runs" -ge 1 ] && [ "$runs" -le 20 ] || { echo "-n must be 1..20" >&2; exit 2; }
[[ $idle =~ ^[0-9]+$ ]] && [ "$idle" -le 300 ] || { echo "-i must be 0..300" >&2; exit 2; }

build_jar
work=$(mktemp -d "${TMPDIR:-/tmp}/watchkeeper-startup.XXXXXX")
cleanup() { stop_app; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

machine_summary
echo "runs: $runs, idle: ${idle} s, JAVA_OPTS: ${JAVA_OPTS:-(none)}"
echo

results=()
measure() { # KIND RUN DATA_DIR
  local kind=$1 run=$2 dir=$3 ready mem_ready mem_idle
  start_app "$dir" "$work/$kind-$run.log"
  if ! ready=$(wait_ready 180); then
    tail -20 "$work/$kind-$run.log" >&2
    exit 1
  fi
  mem_ready=$(memory)
  sleep "$idle"
  mem_idle=$(memory)
  stop_app
  # kind run ready | jvm pg total pss procs (ready) | jvm pg total pss procs (idle) | 5 phases
  results+=("$kind $run $ready $mem_ready $mem_idle $(phases "$work/$kind-$run.log")")
  log "$kind run $run: ready in $ready ms; MiB at ready (jvm pg total pss procs): $mem_ready; after ${idle}s: $mem_idle"
}

for run in $(seq 1 "$runs"); do
  dir="$work/data-$run"
  measure cold "$run" "$dir"
  measure warm "$run" "$dir"
  rm -rf "$dir"
done

echo
echo "Phases: ms from launch until the log says: JVM up / PostgreSQL started / migrations checked / Tomcat listening / Spring Boot started."
echo "RSS counts PostgreSQL's shared memory once per process; PSS shares it out, so the PSS total is the real footprint."
echo
echo "| start | run | ready ms | phases ms | JVM RSS MiB | PostgreSQL RSS MiB (processes) | total RSS MiB | total PSS MiB | total RSS after ${idle} s | total PSS after ${idle} s |"
echo '| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |'
for row in "${results[@]}"; do
  read -r kind run ready j p t s c _ _ t2 s2 _ f1 f2 f3 f4 f5 <<<"$row"
  echo "| $kind | $run | $ready | $f1 / $f2 / $f3 / $f4 / $f5 | $j | $p ($c) | $t | $s | $t2 | $s2 |"
done
for kind in cold warm; do
  col() { printf '%s\n' "${results[@]}" | awk -v k="$kind" -v c="$1" '$1 == k {print $c}' | median; }
  echo "| **$kind median** | | **$(col 3)** | $(col 14) / $(col 15) / $(col 16) / $(col 17) / $(col 18) | $(col 4) | $(col 5) | **$(col 6)** | $(col 7) | **$(col 11)** | $(col 12) |"
done
