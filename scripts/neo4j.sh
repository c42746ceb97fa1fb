#!/usr/bin/env bash
# A real Neo4j 5.26 LTS (Community kernel + Bolt) from Maven Central, on 127.0.0.1 without auth.
# Usage: scripts/neo4j.sh start [--fresh] | stop | status      (env NEO4J_PORT, default 7687)
# Idempotent: start does nothing when it already runs; jars come from ~/.m2 after the first run.
set -euo pipefail
SERVICE=neo4j
source "$(dirname "$0")/lib.sh"
STATE=$SERVICES_DIR/neo4j
PORT=${NEO4J_PORT:-7687}
PIDFILE=$STATE/neo4j.pid
LOG=$STATE/neo4j.log

ensure_tools() {
  command -v java >/dev/null || apt_install openjdk-17-jre-headless
  command -v mvn >/dev/null || apt_install maven
}

resolve_jars() {
  if [ -f "$STATE/jars/.complete" ]; then return; fi
  say "resolving Neo4j jars with Maven (first run downloads about 130 MB into ~/.m2)"
  rm -rf "$STATE/jars"
  mvn -q -B -f "$ROOT/scripts/neo4j/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$STATE/jars" -DincludeScope=runtime >&2 || die "Maven could not resolve the Neo4j jars"
  touch "$STATE/jars/.complete"
}

bolt_ready() { grep -q "^READY" "$LOG" && port_open "$PORT"; }

start() {
  mkdir -p "$STATE"
  if pid_alive "$PIDFILE"; then say "already running on bolt://127.0.0.1:$PORT (pid $(cat "$PIDFILE"))"; return; fi
  if port_open "$PORT"; then die "port $PORT is taken by another process; set NEO4J_PORT to a free port"; fi
  ensure_tools
  resolve_jars
  if [ "${1:-}" = "--fresh" ]; then rm -rf "$STATE/db"; fi
  say "starting on bolt://127.0.0.1:$PORT"
  : >"$LOG"
  nohup java -Xms512m -Xmx2g -XX:+UseG1GC \
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true \
    -cp "$STATE/jars/*" "$ROOT/scripts/neo4j/EmbeddedBoltServer.java" "$STATE/db" 127.0.0.1 "$PORT" >"$LOG" 2>&1 &
  echo $! >"$PIDFILE"
  wait_until 180 "$PIDFILE" "$LOG" bolt_ready
  say "ready: bolt://127.0.0.1:$PORT (pid $(cat "$PIDFILE"))"
}

case "${1:-}" in
  start) start "${2:-}" ;;
  stop) stop_pid "$PIDFILE" ;;
  status) if pid_alive "$PIDFILE"; then say "running on bolt://127.0.0.1:$PORT (pid $(cat "$PIDFILE"))"; else say "not running"; exit 1; fi ;;
  *) echo "usage: $0 start [--fresh] | stop | status" >&2; exit 2 ;;
esac
