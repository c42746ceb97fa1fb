// Tables read back by the real readers with DEFAULT options — pandas read_csv/read_table and DuckDB
// read_csv_auto (/opt/rgpy), R read.csv/read.delim (/usr/bin/Rscript) — value for value. A missing
// reader fails the test (no skip). Known limits of default options, by design of those readers: an empty
// string reads back as missing; R's read.csv rewrites header names (check.names), so R is checked on values;
// R's scan() reads a CRLF inside a quoted field as LF; pandas' default float parser may be 1 ulp off.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatCsv } from "../../../compute/export/csv.js";
import { formatTsv } from "../../../compute/export/tsv.js";
import { formatProvenance, unneutraliseCell, type Cell, type Table } from "../../../compute/export/table.js";
import { HOSTILE } from "./fixtures.js";

const PYTHON = "/opt/rgpy/bin/python";
const SUPPORT = join(import.meta.dirname, "../../support");
const AWKWARD = ["a#b", '"x"', "tab\tin", "new\nline", "=1+1", "+cmd", "-not a number", "@SUM(A1)", "\tleading tab", "é", "x".repeat(10_240), ...HOSTILE.filter((h) => h !== "")];
const NUMBERS = [0.1 + 0.2, -1e-300, -0.71, 123456789.123, 0, 1 / 3, -42];

const table: Table = {
  comments: ["settings: {\"binCount\":32}", "source: demo # release 1"],
  columns: ["feature", "target", "rho", "n"],
  rows: AWKWARD.map((name, i) => [name, `P_${i}#${name.slice(0, 3)}`, NUMBERS[i % NUMBERS.length]!, i - 3]),
};

interface Read { columns: string[]; rows: unknown[][] }

function read(program: string, args: string[]): Read {
  return JSON.parse(execFileSync(program, args, { encoding: "utf8", maxBuffer: 64 << 20, env: { ...process.env, LANG: "C.UTF-8", LC_ALL: "C.UTF-8" } })) as Read;
}

function expectSameValues(got: Read, { checkHeader, crlfAsLf = false }: { checkHeader: boolean; crlfAsLf?: boolean }) {
  if (checkHeader) expect(got.columns).toEqual(table.columns);
  expect(got.rows).toHaveLength(table.rows.length);
  got.rows.forEach((row, i) => table.rows[i]!.forEach((cell: Cell, j) => {
    const value = row[j];
    // pandas' default C float parser ("high", not "round_trip") may land 1 ulp off; the others are exact.
    if (typeof cell === "number") expect(Math.abs((value as number) - cell), `row ${i} col ${j}: ${value} vs ${cell}`).toBeLessThanOrEqual(2 * Number.EPSILON * Math.abs(cell));
    else expect(unneutraliseCell(String(value)), `row ${i} col ${j}`).toBe(crlfAsLf && cell !== null ? cell.replace(/\r\n/g, "\n") : cell);
  }));
}

describe("CSV/TSV round-trip through pandas, DuckDB and R with default options", () => {
  const dir = mkdtempSync(join(tmpdir(), "rg-roundtrip-"));
  const csv = join(dir, "links.csv");
  const tsv = join(dir, "links.tsv");
  writeFileSync(csv, formatCsv(table));
  writeFileSync(tsv, formatTsv(table));

  it("pandas.read_csv", () => expectSameValues(read(PYTHON, [join(SUPPORT, "read-table.py"), "pandas-csv", csv]), { checkHeader: true }));
  it("pandas.read_table", () => expectSameValues(read(PYTHON, [join(SUPPORT, "read-table.py"), "pandas-table", tsv]), { checkHeader: true }));
  it("duckdb read_csv_auto (CSV)", () => expectSameValues(read(PYTHON, [join(SUPPORT, "read-table.py"), "duckdb", csv]), { checkHeader: true }));
  it("duckdb read_csv_auto (TSV)", () => expectSameValues(read(PYTHON, [join(SUPPORT, "read-table.py"), "duckdb", tsv]), { checkHeader: true }));
  it("R read.csv", () => expectSameValues(read("/usr/bin/Rscript", [join(SUPPORT, "read-table.R"), "read.csv", csv]), { checkHeader: false, crlfAsLf: true }));
  it("R read.delim", () => expectSameValues(read("/usr/bin/Rscript", [join(SUPPORT, "read-table.R"), "read.delim", tsv]), { checkHeader: false, crlfAsLf: true }));

  it("neutralises formula-looking text but never a number, and keeps provenance out of the body", () => {
    const text = formatCsv(table);
    expect(text).toContain("'=1+1,");
    expect(text).toContain("'@SUM(A1),");
    expect(text).toContain(",-0.71,");
    expect(text.startsWith("feature,target,rho,n\r\n")).toBe(true);
    expect(formatCsv(table, { spreadsheetSafe: false })).toContain("\r\n=1+1,");
    expect(JSON.parse(formatProvenance(table, "links")).provenance).toEqual(table.comments);
  });
});
