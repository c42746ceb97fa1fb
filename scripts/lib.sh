# Shared helpers for the service scripts: state directory, PID files, readiness polling, installs.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SERVICES_DIR=${RG_SERVICES_DIR:-$ROOT/.services}

say() { printf '[%s] %s\n' "$SERVICE" "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# wait_until SECONDS PIDFILE LOGFILE COMMAND...: polls COMMAND until it succeeds, the process dies, or time runs out.
wait_until() {
  local seconds=$1 pidfile=$2 log=$3; shift 3
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if ! pid_alive "$pidfile"; then tail -n 40 "$log" >&2 || true; die "the process exited during start-up (log: $log)"; fi
    if ((SECONDS >= deadline)); then tail -n 40 "$log" >&2 || true; die "not ready after ${seconds}s (log: $log)"; fi
    sleep 0.5
  done
}

stop_pid() {
  local pidfile=$1
  if pid_alive "$pidfile"; then
    local pid; pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    say "stopped (pid $pid)"
  else
    say "not running"
  fi
  rm -f "$pidfile"
}

# apt_install PACKAGE...: installs Debian packages when root; otherwise says exactly what to run.
apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    die "missing packages: $*. Install them with: sudo apt-get update && sudo apt-get install -y $*"
  fi
  say "installing $* from Debian's packages"
  if [ -z "${RG_APT_UPDATED:-}" ]; then apt-get update -qq >&2; export RG_APT_UPDATED=1; fi
  # Debian's postinst may try to start the packaged daemon; we run our own instance instead.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
