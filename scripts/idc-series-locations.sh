#!/usr/bin/env bash
# Writes IDC's series locations (SeriesInstanceUID → series_aws_url, s3://<bucket>/<crdc_series_uuid>/*) as a
# Parquet file the s5cmd manifest export reads (ingest/cohorts/idc-series-locations.ts), from the offline
# index idc-index-data ships (pip: idc-index-data, installed into the Python venv when missing).
# usage: idc-series-locations.sh [OUT]   (default: $RG_IDC_SERIES_LOCATIONS or ./data/idc-series-locations.parquet)
set -euo pipefail
SERVICE=idc-series-locations
source "$(dirname "$0")/lib.sh"
python="${RG_PYTHON:-/opt/rgpy/bin/python}"
out="${1:-${RG_IDC_SERIES_LOCATIONS:-./data/idc-series-locations.parquet}}"
"$python" -c "import idc_index_data, duckdb" 2>/dev/null || "$python" -m pip install -q idc-index-data==25.0.5 duckdb
mkdir -p "$(dirname "$out")"
"$python" - "$out" <<'PY'
import sys, duckdb, idc_index_data
out = sys.argv[1]
con = duckdb.connect()
con.execute("SET enable_progress_bar = false")
# Snappy: the codec the Node reader (hyparquet) decodes without extra packages; idc-index-data itself uses ZSTD.
con.execute(f"COPY (SELECT SeriesInstanceUID, series_aws_url FROM read_parquet(?) ORDER BY SeriesInstanceUID) TO '{out.replace(chr(39), chr(39) * 2)}' (FORMAT parquet, CODEC 'snappy')", [str(idc_index_data.IDC_INDEX_PARQUET_FILEPATH)])
n = con.execute("SELECT count(*) FROM read_parquet(?)", [out]).fetchone()[0]
print(f"[idc-series-locations] wrote {n} series of IDC {idc_index_data.__version__} to {out}", file=sys.stderr)
PY
