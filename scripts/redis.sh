#!/usr/bin/env bash
# A real Redis (Debian's redis-server) on 127.0.0.1 for the distributed job engine (BullMQ), for tests
# and local use. Usage: scripts/redis.sh start [--fresh] | stop | status   (env REDIS_PORT, default 6379)
# Data (AOF, so a restart keeps the queue) lives in .services/redis; no password (loopback only).
set -euo pipefail
SERVICE=redis
source "$(dirname "$0")/lib.sh"
STATE=$SERVICES_DIR/redis
PORT=${REDIS_PORT:-6379}
PIDFILE=$STATE/redis.pid
LOG=$STATE/redis.log

ensure_installed() { [ -x /usr/bin/redis-server ] || apt_install redis-server; }

answers() { /usr/bin/redis-cli -p "$PORT" ping | grep -q PONG; }

start() {
  mkdir -p "$STATE"
  if pid_alive "$PIDFILE"; then say "already running on redis://127.0.0.1:$PORT (pid $(cat "$PIDFILE"))"; return; fi
  if port_open "$PORT"; then die "port $PORT is taken by another process (a packaged Redis daemon? 'systemctl stop redis-server'); or set REDIS_PORT"; fi
  ensure_installed
  if [ "${1:-}" = "--fresh" ]; then rm -rf "$STATE/data"; fi
  mkdir -p "$STATE/data"
  say "starting on redis://127.0.0.1:$PORT"
  # BullMQ needs keys never evicted (noeviction); AOF every second survives a restart of Redis.
  nohup /usr/bin/redis-server --bind 127.0.0.1 --port "$PORT" --dir "$STATE/data" --appendonly yes \
    --appendfsync everysec --save "" --maxmemory-policy noeviction --daemonize no --protected-mode yes >"$LOG" 2>&1 &
  echo $! >"$PIDFILE"
  wait_until 30 "$PIDFILE" "$LOG" answers
  say "ready: redis://127.0.0.1:$PORT (pid $(cat "$PIDFILE"))"
}

case "${1:-}" in
  start) start "${2:-}" ;;
  stop) stop_pid "$PIDFILE" ;;
  status) if pid_alive "$PIDFILE"; then say "running on redis://127.0.0.1:$PORT (pid $(cat "$PIDFILE"))"; else say "not running"; exit 1; fi ;;
  *) echo "usage: $0 start [--fresh] | stop | status" >&2; exit 2 ;;
esac
