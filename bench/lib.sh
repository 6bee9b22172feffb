# Shared by the benchmark scripts: find a JDK, build the jar, start Watchkeeper on a free
# loopback port with its embedded PostgreSQL, wait for readiness, read memory, stop by PID.
# Source it from a script that has `set -euo pipefail` and has cd'ed to the repository root.

BENCH_ADMIN_EMAIL=bench-admin@example.com
BENCH_ADMIN_PASSWORD='benchmark-password-not-secret'
# 32+ characters, as WATCHKEEPER_ADMIN_TOKEN requires; only ever sent to 127.0.0.1
BENCH_ADMIN_TOKEN=wk_benchmark_token_0123456789abcdefghijklmnop

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# The jar needs Java >= 21; the default `java` may be older. Prefer $JAVA_HOME, then
# `java` on the PATH, then the newest JDK under /usr/lib/jvm.
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

find_java() {
  local candidate major best="" best_major=0
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    major=$(java_major "$candidate")
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] && [ -n "${JAVA_HOME:-}" ] && [ "$candidate" = "$JAVA_HOME/bin/java" ]; then
      echo "$candidate"; return 0
    fi
    if [ "$major" -gt "$best_major" ]; then best=$candidate; best_major=$major; fi
  done
  if [ "$best_major" -lt 21 ]; then
    echo "No Java >= 21 found (JAVA_HOME, PATH, /usr/lib/jvm); Watchkeeper needs one." >&2
    return 1
  fi
  echo "$best"
}

JAVA=$(find_java)
JAVA_VERSION=$("$JAVA" -version 2>&1 | head -1)

# Builds the jar when it is missing or older than the sources, so a benchmark never
# measures stale code.
build_jar() {
  if [ ! -f target/watchkeeper.jar ] || [ -n "$(find pom.xml src/main -newer target/watchkeeper.jar -type f | head -1)" ]; then
    log "building target/watchkeeper.jar"
    ./mvnw -q -B -DskipTests package
  fi
}

# The load driver uses only the JDK, so javac alone builds it (its unit tests are left to Maven).
build_load_driver() {
  local out=target/bench-classes
  local src=src/test/java/dev/watchkeeper/bench
  if [ ! -f "$out/dev/watchkeeper/bench/LoadDriver.class" ] || [ -n "$(find "$src" -newer "$out/dev/watchkeeper/bench/LoadDriver.class" -name '*.java')" ]; then
    mkdir -p "$out"
    find "$src" -name '*.java' ! -name '*Tests.java' -print0 | xargs -0 "$(dirname "$JAVA")/javac" -d "$out"
  fi
}

load_driver() {
  "$JAVA" -cp target/bench-classes dev.watchkeeper.bench.LoadDriver "$@"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local port attempt
  for attempt in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! port_in_use "$port"; then echo "$port"; return 0; fi
  done
  echo "no free port found" >&2
  return 1
}

# api METHOD PATH CONTENT_TYPE BODY: calls the started app as the benchmark admin; prints
# the response body, fails with the status and body on anything but 2xx.
api() {
  local status out
  out=$(mktemp "${TMPDIR:-/tmp}/watchkeeper-api.XXXXXX")
  status=$(curl -s -o "$out" -w '%{http_code}' --max-time 10 -X "$1" -H "Authorization: Bearer $BENCH_ADMIN_TOKEN" \
    -H "Content-Type: $3" --data-binary "$4" "$APP_URL$2")
  if [ "${status:0:1}" != 2 ]; then
    echo "$1 $2 answered $status:" >&2
    cat "$out" >&2
    rm -f "$out"
    return 1
  fi
  cat "$out"
  rm -f "$out"
}

# api_post PATH JSON: api POST with a JSON body
api_post() { api POST "$1" application/json "$2"; }

# start_app DATA_DIR LOG_FILE: launches the jar in the background; sets APP_PID, APP_PORT,
# APP_URL and APP_LAUNCHED_MS (wall clock just before the launch).
start_app() {
  local data_dir=$1 log_file=$2
  APP_PORT=$(free_port)
  APP_URL="http://127.0.0.1:$APP_PORT"
  APP_LAUNCHED_MS=$(now_ms)
  # shellcheck disable=SC2086  # JAVA_OPTS is a list of options
  env -u DATABASE_URL -u SECRET_KEY -u ENVIRONMENT \
    PORT="$APP_PORT" WATCHKEEPER_DATA_DIR="$data_dir" \
    WATCHKEEPER_ADMIN_EMAIL="$BENCH_ADMIN_EMAIL" WATCHKEEPER_ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD" \
    WATCHKEEPER_ADMIN_TOKEN="$BENCH_ADMIN_TOKEN" \
    "$JAVA" ${JAVA_OPTS:-} -jar target/watchkeeper.jar >"$log_file" 2>&1 &
  APP_PID=$!
  APP_DATA_DIR=$data_dir
}

# wait_ready TIMEOUT_S: polls /health/ready every 50 ms; prints the ms from launch to the
# first 200. Fails if the process dies or the timeout passes.
wait_ready() {
  local timeout_ms=$(($1 * 1000)) code
  while true; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$APP_URL/health/ready" || true)
    if [ "$code" = 200 ]; then
      echo $(($(now_ms) - APP_LAUNCHED_MS))
      return 0
    fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "Watchkeeper (pid $APP_PID) exited before it was ready" >&2
      return 1
    fi
    if [ $(($(now_ms) - APP_LAUNCHED_MS)) -gt "$timeout_ms" ]; then
      echo "Watchkeeper was not ready within $1 s" >&2
      return 1
    fi
    sleep 0.05
  done
}

# phases LOG_FILE: where the time to ready went, from the timestamps of the JSON log lines
# (ms since launch): JVM up and logging, embedded PostgreSQL started (with its own
# duration), migrations done, Tomcat listening, Spring Boot started.
phases() {
  local file=$1 message stamp out=""
  for message in "Starting WatchkeeperApplication" "Embedded PostgreSQL started" "Successfully applied\\|Schema .* is up to date" \
    "Tomcat started" "Started WatchkeeperApplication"; do
    stamp=$(grep -m1 "\"message\":\"$message" "$file" | sed -n 's/^{"timestamp":"\([^"]*\)".*/\1/p')
    if [ -n "$stamp" ]; then
      out+="$(($(date -d "$stamp" +%s%3N) - APP_LAUNCHED_MS)) "
    else
      out+="- "
    fi
  done
  echo "${out% }"
}

postmaster_pid() {
  local file="$APP_DATA_DIR/postgres/postmaster.pid"
  [ -f "$file" ] && head -1 "$file" | tr -dc '0-9'
}

# The JVM, its children, the embedded postmaster (pg_ctl detaches it from the JVM) and
# the postmaster's children (backends, WAL writer, checkpointer …).
app_pids() {
  local pm
  pm=$(postmaster_pid || true)
  {
    echo "$APP_PID"
    ps --ppid "$APP_PID" -o pid= 2>/dev/null || true
    if [ -n "$pm" ]; then
      echo "$pm"
      ps --ppid "$pm" -o pid= 2>/dev/null || true
    fi
  } | tr -d ' ' | grep -v '^$' | sort -un
}

# alive PID: the process exists and is not a zombie waiting to be reaped
alive() { local state; state=$(ps -o stat= -p "$1" 2>/dev/null) && [[ $state != Z* ]]; }

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
pss_kb() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }

# memory: prints "jvm_rss_mib pg_rss_mib total_rss_mib total_pss_mib pg_processes".
# RSS counts PostgreSQL's shared memory once per process that touched it; PSS shares
# it out, so the PSS total is what the processes really occupy together.
memory() {
  local pid jvm_rss=0 pg_rss=0 pss=0 count=0 r
  for pid in $(app_pids); do
    r=$(rss_kb "$pid"); r=${r:-0}
    if [ "$pid" = "$APP_PID" ]; then jvm_rss=$r; else pg_rss=$((pg_rss + r)); count=$((count + 1)); fi
    pss=$((pss + $(pss_kb "$pid")))
  done
  echo "$((jvm_rss / 1024)) $((pg_rss / 1024)) $(((jvm_rss + pg_rss) / 1024)) $((pss / 1024)) $count"
}

# stop_app: SIGTERM to the JVM (which stops its PostgreSQL), wait up to 60 s, then SIGKILL
# the JVM and, if it was left behind, the postmaster of this data directory.
stop_app() {
  [ -n "${APP_PID:-}" ] || return 0
  local pm waited=0
  pm=$(postmaster_pid || true)
  if kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    while kill -0 "$APP_PID" 2>/dev/null && [ $waited -lt 600 ]; do sleep 0.1; waited=$((waited + 1)); done
    if kill -0 "$APP_PID" 2>/dev/null; then
      log "Watchkeeper (pid $APP_PID) did not stop in 60 s: SIGKILL"
      kill -KILL "$APP_PID" 2>/dev/null || true
    fi
  fi
  wait "$APP_PID" 2>/dev/null || true
  # the JVM asks PostgreSQL to stop; give the postmaster a moment to finish exiting
  waited=0
  while [ -n "$pm" ] && alive "$pm" && [ $waited -lt 100 ]; do sleep 0.1; waited=$((waited + 1)); done
  if [ -n "$pm" ] && alive "$pm"; then
    log "PostgreSQL (pid $pm) outlived Watchkeeper by 10 s: stopping it"
    kill -TERM "$pm" 2>/dev/null || true
    sleep 2
    alive "$pm" && kill -KILL "$pm" 2>/dev/null || true
  fi
  APP_PID=""
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

machine_summary() {
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) memory, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java: $JAVA_VERSION"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with local changes)')"
}
