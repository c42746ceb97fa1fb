# Picks N real SeriesInstanceUIDs from the offline index idc-index-data ships (deterministic: a hash order).
# usage: idc-pick-series.py N   → JSON list
import json, sys, duckdb, idc_index_data
n = int(sys.argv[1])
con = duckdb.connect()
con.execute("SET enable_progress_bar = false")
rows = con.execute("SELECT SeriesInstanceUID FROM read_parquet(?) ORDER BY hash(SeriesInstanceUID) LIMIT ?", [str(idc_index_data.IDC_INDEX_PARQUET_FILEPATH), n]).fetchall()
json.dump([r[0] for r in rows], sys.stdout)
