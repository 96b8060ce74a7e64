#!/usr/bin/env bash
# Runs a real Neo4j 5.26 Community server without Docker: the server jars come
# from Maven Central (tools/neo4j/pom.xml) and are launched with Neo4j's own
# boot loader (org.neo4j.server.startup.Neo4jCommand), which is what the
# tarball's bin/neo4j runs. See docs/neo4j-local.md.
#
# Usage: scripts/neo4j-local.sh {fetch|start|stop|status|console|reset|env}
#
# Everything lives under .neo4j/ (git-ignored) at the repo root:
#   .neo4j/lib           shared server classpath (+ .stamp of the pinned versions)
#   .neo4j/<instance>/   conf, data, logs, run, plugins, import of one instance
#
# Environment:
#   NEO4J_INSTANCE   dev (default: Bolt 7687, HTTP 7474), test (Bolt 7688, HTTP 7475),
#                    or any other name [a-z0-9-] with NEO4J_BOLT_PORT and NEO4J_HTTP_PORT set
#   NEO4J_BOLT_PORT / NEO4J_HTTP_PORT   override the instance's ports
#   NEO4J_PASSWORD   password of user neo4j (default factgraph-local, min. 8 chars);
#                    set once, before the instance's first start
#   NEO4J_HEAP / NEO4J_PAGECACHE   memory (default 1g / 512m)
#   NEO4J_START_TIMEOUT / NEO4J_STOP_TIMEOUT   seconds (default 180 / 60)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BASE=$ROOT/.neo4j
LIB=$BASE/lib
POM=$ROOT/tools/neo4j/pom.xml

INSTANCE=${NEO4J_INSTANCE:-dev}
case $INSTANCE in
  dev)  def_bolt=7687 def_http=7474 ;;
  test) def_bolt=7688 def_http=7475 ;;
  *)    if [[ ! $INSTANCE =~ ^[a-z0-9-]+$ || -z ${NEO4J_BOLT_PORT:-} || -z ${NEO4J_HTTP_PORT:-} ]]; then
          echo "neo4j-local: NEO4J_INSTANCE '$INSTANCE': use dev, test, or a name of [a-z0-9-] with NEO4J_BOLT_PORT and NEO4J_HTTP_PORT set" >&2
          exit 2
        fi
        def_bolt=$NEO4J_BOLT_PORT def_http=$NEO4J_HTTP_PORT ;;
esac
BOLT_PORT=${NEO4J_BOLT_PORT:-$def_bolt}
HTTP_PORT=${NEO4J_HTTP_PORT:-$def_http}
NEO4J_USER=neo4j
PASSWORD=${NEO4J_PASSWORD:-factgraph-local}
HEAP=${NEO4J_HEAP:-1g}
PAGECACHE=${NEO4J_PAGECACHE:-512m}
START_TIMEOUT=${NEO4J_START_TIMEOUT:-180}
STOP_TIMEOUT=${NEO4J_STOP_TIMEOUT:-60}

IHOME=$BASE/$INSTANCE
CONF_DIR=$IHOME/conf
DATA_DIR=$IHOME/data
LOG_DIR=$IHOME/logs
RUN_DIR=$IHOME/run
PID_FILE=$RUN_DIR/neo4j.pid

BOLT_URL=bolt://127.0.0.1:$BOLT_PORT
HTTP_URL=http://127.0.0.1:$HTTP_PORT
BROWSER_URL=$HTTP_URL/browser/

# The boot loader lets JAVA_OPTS replace every JVM flag of neo4j.conf and
# HEAP_SIZE override the heap: never inherit them from the caller.
unset JAVA_OPTS HEAP_SIZE
# The boot loader and the server resolve home and conf from these.
export NEO4J_HOME=$IHOME NEO4J_CONF=$CONF_DIR

JAVA=java
if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then JAVA=$JAVA_HOME/bin/java; fi

log() { echo "neo4j-local[$INSTANCE]: $*" >&2; }
die() { log "$*"; exit 1; }
now_ms() { date +%s%3N; }
secs_since() { local d=$(( $(now_ms) - $1 )); printf '%d.%01d' $((d / 1000)) $(((d % 1000) / 100)); }

check_java() {
  command -v "$JAVA" >/dev/null 2>&1 || die "java not found (Neo4j 5.26 needs JDK 17 or 21)"
  local v
  v=$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)
  [[ $v == 17 || $v == 21 ]] || die "Neo4j 5.26 needs Java 17 or 21, found '${v:-unknown}' ($JAVA)"
}

# launcher CLASS ARGS...: Neo4j's boot loader JVM (small heap; it forks the server JVM).
launcher() {
  "$JAVA" -Xmx128m -XX:+UseSerialGC -cp "$LIB/*" -Dbasedir="$IHOME" "$@"
}

pom_prop() { sed -n "s:.*<$1>\([^<]*\)</$1>.*:\1:p" "$POM" | head -n1; }

# What a copied lib/ was made from: the pinned versions and the artifact list.
wanted_stamp() {
  echo "neo4j=$(pom_prop neo4j.version) browser=$(pom_prop neo4j-browser.version)"
  sed -n 's:.*<artifactId>\([^<]*\)</artifactId>.*:\1:p' "$POM" | tr '\n' ' '
  echo
}

pid_alive() { [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null; }

# running_pid: prints the pid of this instance's server if it is alive.
running_pid() {
  [[ -f $PID_FILE ]] || return 1
  local pid
  pid=$(tr -dc '0-9' <"$PID_FILE")
  if pid_alive "$pid" && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "--home-dir=$IHOME"; then
    echo "$pid"
    return 0
  fi
  rm -f "$PID_FILE" # stale
  return 1
}

any_instance_running() {
  local f pid
  for f in "$BASE"/*/run/neo4j.pid; do
    [[ -f $f ]] || continue
    pid=$(tr -dc '0-9' <"$f")
    pid_alive "$pid" && return 0
  done
  return 1
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

cmd_fetch() {
  command -v mvn >/dev/null 2>&1 || die "mvn not found (needed once to fetch the server jars)"
  mkdir -p "$BASE"
  exec 8>"$BASE/.fetch.lock"
  flock 8
  local want
  want=$(wanted_stamp)
  if [[ -f $LIB/.stamp && $(cat "$LIB/.stamp") == "$want" ]]; then
    return 0
  fi
  if [[ -d $LIB ]] && any_instance_running; then
    die "tools/neo4j/pom.xml changed but a server still runs on the old jars: stop it first"
  fi
  log "fetching Neo4j $(pom_prop neo4j.version) + Browser $(pom_prop neo4j-browser.version) from Maven Central into .neo4j/lib"
  local t0 tmp
  t0=$(now_ms)
  tmp=$BASE/lib.tmp.$$
  rm -rf "$tmp"
  # copy-dependencies never deletes: copy into a fresh dir and swap it in, so
  # two versions of a jar never meet on the classpath.
  if ! mvn -q -B -Dstyle.color=never -f "$POM" dependency:copy-dependencies \
      -Dneo4j.lib.dir="$tmp" >"$BASE/fetch.log" 2>&1; then
    cat "$BASE/fetch.log" >&2
    rm -rf "$tmp"
    die "mvn dependency:copy-dependencies failed (log: .neo4j/fetch.log)"
  fi
  echo "$want" >"$tmp/.stamp"
  rm -rf "$LIB"
  mv "$tmp" "$LIB"
  log "fetched $(find "$LIB" -name '*.jar' | wc -l) jars in $(secs_since "$t0") s"
}

write_conf() {
  mkdir -p "$CONF_DIR" "$DATA_DIR" "$LOG_DIR" "$RUN_DIR" "$IHOME/plugins" "$IHOME/import"
  local tmp=$CONF_DIR/neo4j.conf.tmp
  cat >"$tmp" <<EOF
# Generated by scripts/neo4j-local.sh on every start: edit the script, not this file.
# Instance '$INSTANCE'. Neo4j $(pom_prop neo4j.version) Community.
server.directories.data=$DATA_DIR
server.directories.logs=$LOG_DIR
server.directories.run=$RUN_DIR
server.directories.plugins=$IHOME/plugins
server.directories.import=$IHOME/import
server.directories.lib=$LIB

# Network: loopback only. The advertised addresses must carry the real ports,
# or the discovery document (and so the Browser) points at 7687/7474.
server.default_listen_address=127.0.0.1
server.default_advertised_address=127.0.0.1
server.bolt.enabled=true
server.bolt.listen_address=127.0.0.1:$BOLT_PORT
server.bolt.advertised_address=127.0.0.1:$BOLT_PORT
server.bolt.tls_level=DISABLED
server.http.enabled=true
server.http.listen_address=127.0.0.1:$HTTP_PORT
server.http.advertised_address=127.0.0.1:$HTTP_PORT
server.https.enabled=false

dbms.security.auth_enabled=true

# The Neo4j Browser may load guides (:play URL) and styles (:style URL) from
# these hosts: the factgraph API serves both under /browser/ on 127.0.0.1.
browser.remote_content_hostname_whitelist=guides.neo4j.com,localhost,127.0.0.1

# Memory: a 2-core machine that also runs Go builds and tests.
server.memory.heap.initial_size=$HEAP
server.memory.heap.max_size=$HEAP
server.memory.pagecache.size=$PAGECACHE
dbms.memory.transaction.total.max=512m

# Housekeeping
db.tx_log.rotation.retention_policy=false
dbms.usage_report.enabled=false
client.allow_telemetry=false
# Bolt shutdown otherwise waits two 5 s Netty quiet periods (stop took 12 s).
internal.dbms.bolt.netty_server_shutdown_quiet_period=0

# JVM flags of the 5.26 distribution's neo4j.conf, minus -XX:+AlwaysPreTouch
# (it commits the whole heap before start).
server.jvm.additional=-XX:+UseG1GC
server.jvm.additional=-XX:-OmitStackTraceInFastThrow
server.jvm.additional=-XX:+UnlockExperimentalVMOptions
server.jvm.additional=-XX:+TrustFinalNonStaticFields
server.jvm.additional=-XX:+DisableExplicitGC
server.jvm.additional=-Djdk.nio.maxCachedBufferSize=1024
server.jvm.additional=-Dio.netty.tryReflectionSetAccessible=true
server.jvm.additional=-Djdk.tls.ephemeralDHKeySize=2048
server.jvm.additional=-Djdk.tls.rejectClientInitiatedRenegotiation=true
server.jvm.additional=-XX:FlightRecorderOptions=stackdepth=256
server.jvm.additional=-XX:+UnlockDiagnosticVMOptions
server.jvm.additional=-XX:+DebugNonSafepoints
server.jvm.additional=--add-opens=java.base/java.nio=ALL-UNNAMED
server.jvm.additional=--add-opens=java.base/java.io=ALL-UNNAMED
server.jvm.additional=--add-opens=java.base/sun.nio.ch=ALL-UNNAMED
server.jvm.additional=--enable-native-access=ALL-UNNAMED
server.jvm.additional=-Dlog4j2.disable.jmx=true
server.jvm.additional=-Dlog4j.layout.jsonTemplate.maxStringLength=32768
EOF
  mv "$tmp" "$CONF_DIR/neo4j.conf"
  local out
  if ! out=$(launcher org.neo4j.server.startup.Neo4jAdminCommand server validate-config 2>&1); then
    echo "$out" >&2
    die "invalid configuration: $CONF_DIR/neo4j.conf"
  fi
}

set_initial_password() {
  # Only possible before the system database exists (first start).
  if [[ -e $DATA_DIR/dbms/auth.ini || -e $DATA_DIR/databases/system ]]; then
    return 0
  fi
  (( ${#PASSWORD} >= 8 )) || die "NEO4J_PASSWORD must have at least 8 characters"
  [[ $PASSWORD != neo4j ]] || die "NEO4J_PASSWORD may not be 'neo4j'"
  local out
  out=$(launcher org.neo4j.server.startup.Neo4jAdminCommand dbms set-initial-password "$PASSWORD" 2>&1) ||
    { echo "$out" >&2; die "set-initial-password failed"; }
  log "initial password of user neo4j set"
}

prepare() {
  check_java
  cmd_fetch
  write_conf
  set_initial_password
}

log_tail() {
  local f
  for f in "$LOG_DIR/launcher.log" "$LOG_DIR/neo4j.log" "$LOG_DIR/debug.log"; do
    [[ -f $f ]] || continue
    echo "----- tail $f" >&2
    tail -n 40 "$f" >&2
  done
}

# query_http: HTTP status of RETURN 1 through the transactional endpoint ("000" if no answer).
query_http() {
  curl -sS -o "$RUN_DIR/ready.json" -w '%{http_code}' -m 5 \
    -u "$NEO4J_USER:$PASSWORD" -H 'Content-Type: application/json' -H 'Accept: application/json' \
    -d '{"statements":[{"statement":"RETURN 1 AS ok"}]}' \
    "$HTTP_URL/db/neo4j/tx/commit" 2>/dev/null || true
}

wait_ready() {
  local pid=$1 t0=$2 code
  local deadline=$(( t0 + START_TIMEOUT * 1000 ))
  while :; do
    if ! pid_alive "$pid"; then
      log_tail
      die "server (pid $pid) exited during start; logs in $LOG_DIR"
    fi
    code=$(query_http)
    if [[ $code == 200 ]] && grep -q '"errors":\[\]' "$RUN_DIR/ready.json" && port_open "$BOLT_PORT"; then
      return 0
    fi
    if [[ $code == 401 ]]; then
      die "server is up but rejects user neo4j with NEO4J_PASSWORD: the data in $DATA_DIR was initialised with another password (use that one, or '$0 reset')"
    fi
    if (( $(now_ms) >= deadline )); then
      log_tail
      die "not ready after ${START_TIMEOUT}s (last HTTP status $code); pid $pid left running, '$0 stop' ends it; logs in $LOG_DIR"
    fi
    sleep 0.5
  done
}

print_where() {
  cat >&2 <<EOF
neo4j-local[$INSTANCE]: Neo4j $(pom_prop neo4j.version) Community, pid $1
  bolt:    $BOLT_URL   (user $NEO4J_USER)
  http:    $HTTP_URL
  browser: $BROWSER_URL
  home:    $IHOME
EOF
}

cmd_start() {
  command -v curl >/dev/null 2>&1 || die "curl not found (used to check readiness)"
  local t0 pid
  t0=$(now_ms)
  mkdir -p "$RUN_DIR"
  exec 9>"$RUN_DIR/.lock"
  flock 9
  if pid=$(running_pid); then
    log "already running (pid $pid): reusing it"
    wait_ready "$pid" "$t0"
    print_where "$pid"
    return 0
  fi
  local p
  for p in "$BOLT_PORT" "$HTTP_PORT"; do
    port_open "$p" && die "port $p is already in use by another process (set NEO4J_BOLT_PORT / NEO4J_HTTP_PORT)"
  done
  prepare
  ulimit -n 40000 2>/dev/null || true # Neo4j recommends 40000 open files; best effort
  # The boot loader forks the server JVM, writes run/neo4j.pid once the server
  # is up, and returns. Own session, no inherited stdio: a CI pipe never waits
  # on the server, and Ctrl-C in the caller's terminal does not reach it.
  echo "=== $(date -u +%FT%TZ) start" >>"$LOG_DIR/launcher.log"
  if ! timeout "$START_TIMEOUT" setsid -w "$JAVA" -Xmx128m -XX:+UseSerialGC -cp "$LIB/*" -Dbasedir="$IHOME" \
      org.neo4j.server.startup.Neo4jCommand start </dev/null >>"$LOG_DIR/launcher.log" 2>&1 8>&- 9>&-; then
    log_tail
    if pid=$(running_pid); then
      die "not ready after ${START_TIMEOUT}s; pid $pid left running, '$0 stop' ends it; logs in $LOG_DIR"
    fi
    die "the boot loader failed to start the server; logs in $LOG_DIR"
  fi
  pid=$(running_pid) || { log_tail; die "no live server after the boot loader returned"; }
  wait_ready "$pid" "$t0"
  print_where "$pid"
  log "ready in $(secs_since "$t0") s"
}

cmd_stop() {
  mkdir -p "$RUN_DIR"
  exec 9>"$RUN_DIR/.lock"
  flock 9
  local pid
  if ! pid=$(running_pid); then
    log "not running"
    return 0
  fi
  local t0 deadline
  t0=$(now_ms)
  deadline=$(( $(date +%s) + STOP_TIMEOUT ))
  kill -TERM "$pid" 2>/dev/null || true
  while pid_alive "$pid"; do
    if (( $(date +%s) >= deadline )); then
      log "still running after ${STOP_TIMEOUT}s: killing pid $pid"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 1
      break
    fi
    sleep 0.2
  done
  rm -f "$PID_FILE"
  log "stopped (pid $pid) in $(secs_since "$t0") s"
}

cmd_status() {
  local pid
  if pid=$(running_pid); then
    if [[ $(query_http) == 200 ]]; then
      print_where "$pid"
    else
      log "running (pid $pid) but not answering queries yet"
    fi
    return 0
  fi
  log "not running"
  return 3
}

cmd_console() {
  local pid
  if pid=$(running_pid); then
    die "already running in the background (pid $pid): '$0 stop' first"
  fi
  prepare
  print_where "(console)"
  exec "$JAVA" -Xmx128m -XX:+UseSerialGC -cp "$LIB/*" -Dbasedir="$IHOME" \
    org.neo4j.server.startup.Neo4jCommand console
}

cmd_reset() {
  cmd_stop
  rm -rf "$DATA_DIR" "$RUN_DIR/ready.json"
  log "data wiped ($DATA_DIR); the next start sets the password again"
}

cmd_env() {
  printf 'export NEO4J_URI=%q\n' "$BOLT_URL"
  printf 'export NEO4J_USER=%q\n' "$NEO4J_USER"
  printf 'export NEO4J_PASSWORD=%q\n' "$PASSWORD"
  printf 'export NEO4J_BROWSER_URL=%q\n' "$BROWSER_URL"
}

case ${1:-} in
  fetch)   check_java; cmd_fetch ;;
  start)   cmd_start ;;
  stop)    cmd_stop ;;
  status)  cmd_status ;;
  console) cmd_console ;;
  reset)   cmd_reset ;;
  env)     cmd_env ;;
  *)
    echo "usage: $0 {fetch|start|stop|status|console|reset|env}  (NEO4J_INSTANCE=dev|test)" >&2
    exit 2 ;;
esac
