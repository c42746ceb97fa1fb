#!/usr/bin/env bash
# A real Orthanc with its DICOMweb plugin (Debian packages), private config and storage, for tests
# and local use. Usage: scripts/orthanc.sh start [--fresh] | stop | status   (env ORTHANC_PORT, default 8042)
# Orthanc 1.10 has no bind-address option: it listens on all interfaces but, with RemoteAccessAllowed
# false, answers only loopback clients.
set -euo pipefail
SERVICE=orthanc
source "$(dirname "$0")/lib.sh"
STATE=$SERVICES_DIR/orthanc
PORT=${ORTHANC_PORT:-8042}
PIDFILE=$STATE/orthanc.pid
LOG=$STATE/orthanc.log
PLUGIN=/usr/share/orthanc/plugins/libOrthancDicomWeb.so

ensure_installed() {
  if [ ! -x /usr/sbin/Orthanc ] || [ ! -e "$PLUGIN" ]; then apt_install orthanc orthanc-dicomweb; fi
  command -v curl >/dev/null || apt_install curl
}

write_config() {
  mkdir -p "$STATE/config" "$STATE/storage"
  cat >"$STATE/config/orthanc.json" <<JSON
{
  "Name": "radiogenomics-test",
  "StorageDirectory": "$STATE/storage",
  "IndexDirectory": "$STATE/storage",
  "Plugins": ["$PLUGIN"],
  "HttpServerEnabled": true,
  "HttpPort": $PORT,
  "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false,
  "DicomServerEnabled": false,
  "OrthancExplorerEnabled": false,
  "WebDavEnabled": false,
  "StableAge": 2,
  "SaveJobs": false,
  "DicomWeb": { "Enable": true, "Root": "/dicom-web/", "EnableWado": true, "WadoRoot": "/wado", "Ssl": false }
}
JSON
}

answers() { curl -sf "http://127.0.0.1:$PORT/dicom-web/studies" >/dev/null; }

start() {
  if pid_alive "$PIDFILE"; then say "already running on http://127.0.0.1:$PORT (pid $(cat "$PIDFILE"))"; return; fi
  if port_open "$PORT"; then die "port $PORT is taken by another process (a packaged Orthanc daemon? 'systemctl stop orthanc'); or set ORTHANC_PORT"; fi
  ensure_installed
  if [ "${1:-}" = "--fresh" ]; then rm -rf "$STATE/storage"; fi
  write_config
  say "starting on http://127.0.0.1:$PORT/dicom-web"
  nohup /usr/sbin/Orthanc "$STATE/config/" >"$LOG" 2>&1 &
  echo $! >"$PIDFILE"
  wait_until 60 "$PIDFILE" "$LOG" answers
  say "ready: http://127.0.0.1:$PORT/dicom-web (pid $(cat "$PIDFILE"))"
}

case "${1:-}" in
  start) start "${2:-}" ;;
  stop) stop_pid "$PIDFILE" ;;
  status) if pid_alive "$PIDFILE"; then say "running on http://127.0.0.1:$PORT (pid $(cat "$PIDFILE"))"; else say "not running"; exit 1; fi ;;
  *) echo "usage: $0 start [--fresh] | stop | status" >&2; exit 2 ;;
esac
