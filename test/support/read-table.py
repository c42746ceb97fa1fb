# Reads a CSV/TSV with a real reader and DEFAULT options; prints {"columns": [...], "rows": [[...]]} as JSON.
# usage: read-table.py pandas-csv|pandas-table|duckdb FILE   (missing values -> null)
import json, math, sys

reader, path = sys.argv[1], sys.argv[2]

def clean(v):
    if v is None or (isinstance(v, float) and math.isnan(v)): return None
    if hasattr(v, "item"): v = v.item()
    return v

if reader == "duckdb":
    import duckdb
    con = duckdb.connect()
    cur = con.execute("SELECT * FROM read_csv_auto(?)", [path])
    columns = [d[0] for d in cur.description]
    rows = [[clean(v) for v in r] for r in cur.fetchall()]
else:
    import pandas as pd
    df = pd.read_csv(path) if reader == "pandas-csv" else pd.read_table(path)
    columns = list(df.columns)
    rows = [[clean(v) for v in r] for r in df.astype(object).itertuples(index=False, name=None)]
json.dump({"columns": columns, "rows": rows}, sys.stdout, ensure_ascii=False)
