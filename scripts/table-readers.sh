#!/usr/bin/env bash
# The real table readers the export round-trip tests run: R (Debian's r-base-core: read.csv/read.delim)
# and pandas + DuckDB + pyarrow (Parquet) in the Python venv /opt/rgpy (RG_PYTHON to override), and Debian's
# chromium, which renders the Cytoscape.js export headless, and idc-index (+ its offline index idc-index-data),
# whose manifest reading checks the s5cmd manifest. Installs what is missing.
set -euo pipefail
SERVICE=table-readers
source "$(dirname "$0")/lib.sh"
command -v Rscript >/dev/null || apt_install r-base-core
[ -x /usr/bin/chromium ] || apt_install chromium
python="${RG_PYTHON:-/opt/rgpy/bin/python}"
# A fresh machine has no venv yet: make it from the machine's python3 (the tests call /opt/rgpy/bin/python).
if [ ! -x "$python" ]; then
  venv=$(dirname "$(dirname "$python")")
  say "creating the Python venv $venv"
  python3 -m venv "$venv" || die "python3 -m venv $venv failed (Debian: apt-get install python3-venv)"
  "$python" -m pip install -q --upgrade pip
fi
"$python" -c "import pandas, duckdb, pyarrow" 2>/dev/null || "$python" -m pip install -q pandas duckdb pyarrow
"$python" -c "import idc_index, idc_index_data" 2>/dev/null || "$python" -m pip install -q idc-index==0.13.4 idc-index-data==25.0.5
