# Reads a Parquet file with a real reader and default options; prints
# {"columns": [...], "types": [...], "rows": [[...]], "provenance": "<key-value metadata value>"} as JSON.
# usage: read-parquet.py pandas|duckdb FILE KEY   (missing values -> null)
import json, math, sys

reader, path, key = sys.argv[1], sys.argv[2], sys.argv[3]

def clean(v):
    if v is None or (isinstance(v, float) and math.isnan(v)): return None
    if hasattr(v, "item"): v = v.item()
    return v

if reader == "duckdb":
    import duckdb
    con = duckdb.connect()
    cur = con.execute("SELECT * FROM read_parquet(?)", [path])
    columns = [d[0] for d in cur.description]
    types = [str(d[1]) for d in cur.description]
    rows = [[clean(v) for v in r] for r in cur.fetchall()]
    kv = con.execute("SELECT value FROM parquet_kv_metadata(?) WHERE decode(key) = ?", [path, key]).fetchall()
    provenance = kv[0][0].decode("utf-8") if kv else None
else:
    import pandas as pd, pyarrow.parquet as pq
    df = pd.read_parquet(path)
    columns = list(df.columns)
    types = [str(t) for t in df.dtypes]
    rows = [[clean(v) for v in r] for r in df.astype(object).itertuples(index=False, name=None)]
    meta = pq.read_metadata(path).metadata or {}
    value = meta.get(key.encode("utf-8"))
    provenance = value.decode("utf-8") if value is not None else None
json.dump({"columns": columns, "types": types, "rows": rows, "provenance": provenance}, sys.stdout, ensure_ascii=False)
