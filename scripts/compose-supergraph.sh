#!/usr/bin/env bash
# Composes the imaging, genomics and radiogenomics subgraphs with @apollo/composition and checks
# that schema/supergraph.graphql is current; fails (exit 1) on any composition error.
#   bash scripts/compose-supergraph.sh           # check
#   bash scripts/compose-supergraph.sh --write   # rewrite schema/supergraph.graphql
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsc -p tsconfig.build.json
if [[ "${1:-}" == "--write" ]]; then
  node dist/cli/radiogenomics.js compose --out schema/supergraph.graphql
else
  node dist/cli/radiogenomics.js compose --check schema/supergraph.graphql
fi
