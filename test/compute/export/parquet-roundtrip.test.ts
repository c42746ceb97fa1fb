// Parquet read back by the real readers with default options — pandas.read_parquet (pyarrow engine) and
// DuckDB read_parquet (/opt/rgpy) — value for value, with hostile text in cells AND column names, and the
// provenance JSON from the file's key-value metadata (pyarrow.parquet.read_metadata, DuckDB
// parquet_kv_metadata). Parquet is typed: unlike CSV, an empty string stays an empty string, missing stays
// missing, numbers are exact doubles and text is stored as written (no spreadsheet `'`). A missing reader
// fails the test. R: no Parquet reader is installable offline here (arrow and nanoparquet are CRAN-only,
// Debian packages neither), so R is not run on Parquet.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatParquet, PARQUET_PROVENANCE_KEY } from "../../../compute/export/parquet.js";
import { formatProvenance, type Table } from "../../../compute/export/table.js";
import { HOSTILE } from "./fixtures.js";

const PYTHON = "/opt/rgpy/bin/python";
const READER = join(import.meta.dirname, "../../support/read-parquet.py");
const AWKWARD = ["a#b", '"x"', "tab\tin", "new\nline", "=1+1", "+cmd", "-not a number", "@SUM(A1)", "é", "x".repeat(10_240), ...HOSTILE];
const NUMBERS = [0.1 + 0.2, -1e-300, -0.71, 123456789.123, 0, 1 / 3, -42, Number.MAX_VALUE, 5e-324];

const table: Table = {
  comments: ["settings: {\"binCount\":32}", "source: demo # release 1", "line\nbreak é"],
  columns: ["feature", "target", "rho", "n", "a#b \"x\"\tcol\n=1+1 é"],
  rows: AWKWARD.map((name, i) => [name, i % 4 === 0 ? null : `P_${i}#${name.slice(0, 3)}`, NUMBERS[i % NUMBERS.length]!, i % 5 === 0 ? null : i - 3, [...name].reverse().join("")]),
};

interface Read { columns: string[]; types: string[]; rows: unknown[][]; provenance: string | null }

function read(reader: "pandas" | "duckdb", file: string): Read {
  return JSON.parse(execFileSync(PYTHON, [READER, reader, file, PARQUET_PROVENANCE_KEY], { encoding: "utf8", maxBuffer: 64 << 20, env: { ...process.env, LANG: "C.UTF-8", LC_ALL: "C.UTF-8" } })) as Read;
}

describe("Parquet round-trip through pandas and DuckDB with default options", () => {
  const dir = mkdtempSync(join(tmpdir(), "rg-parquet-"));
  const file = join(dir, "links.parquet");
  writeFileSync(file, formatParquet(table, "links"));

  it.each(["pandas", "duckdb"] as const)("%s reads every value, name and the provenance back exactly", (reader) => {
    const got = read(reader, file);
    expect(got.columns).toEqual(table.columns);
    expect(got.rows).toEqual(table.rows);
    expect(got.provenance).toBe(formatProvenance(table, "links"));
    expect(JSON.parse(got.provenance!).provenance).toEqual(table.comments);
  });

  it("types the number columns as doubles and the text columns as strings", () => {
    expect(read("duckdb", file).types).toEqual(["VARCHAR", "VARCHAR", "DOUBLE", "DOUBLE", "VARCHAR"]);
    expect(read("pandas", file).types.slice(2, 4)).toEqual(["float64", "float64"]);
  });

  it("an all-missing column and an empty table still read back", () => {
    const empty: Table = { comments: [], columns: ["x", "y"], rows: [] };
    const sparse: Table = { comments: ["c"], columns: ["x", "y"], rows: [[null, 1], [null, 2]] };
    writeFileSync(join(dir, "empty.parquet"), formatParquet(empty, "empty"));
    writeFileSync(join(dir, "sparse.parquet"), formatParquet(sparse, "sparse"));
    for (const reader of ["pandas", "duckdb"] as const) {
      expect(read(reader, join(dir, "empty.parquet"))).toMatchObject({ columns: ["x", "y"], rows: [] });
      expect(read(reader, join(dir, "sparse.parquet"))).toMatchObject({ columns: ["x", "y"], rows: sparse.rows });
    }
  });

  it("refuses what Parquet cannot hold: duplicate column names, non-finite numbers", () => {
    expect(() => formatParquet({ comments: [], columns: ["a", "a"], rows: [] }, "t")).toThrow(/distinct column names/);
    expect(() => formatParquet({ comments: [], columns: ["a"], rows: [[Number.NaN]] }, "t")).toThrow(RangeError);
  });
});
