#!/usr/bin/env bash
# `npm test`: provisions and starts the real services the suite needs (Neo4j from Maven Central,
# Orthanc and Redis from Debian's packages), builds, runs every test, and stops the services it started.
# Extra arguments go to vitest, e.g. `npm test -- test/graph-model`.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm install --no-audit --no-fund

export NEO4J_PORT=${NEO4J_PORT:-7687} ORTHANC_PORT=${ORTHANC_PORT:-8042} REDIS_PORT=${REDIS_PORT:-6379}
started=()
cleanup() { for service in "${started[@]}"; do bash "scripts/$service.sh" stop || true; done; }
trap cleanup EXIT

for service in neo4j orthanc redis; do
  if bash "scripts/$service.sh" status 2>/dev/null; then continue; fi
  bash "scripts/$service.sh" start --fresh
  started+=("$service")
done
export NEO4J_URI=bolt://127.0.0.1:$NEO4J_PORT
export ORTHANC_URL=http://127.0.0.1:$ORTHANC_PORT/dicom-web
export REDIS_URL=redis://127.0.0.1:$REDIS_PORT

npm run build --silent
npx vitest run --reporter=verbose "$@"
