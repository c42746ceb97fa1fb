import { describe, expect, it } from "vitest";
import { formatCsv } from "../../../compute/export/csv.js";
import { formatTsv } from "../../../compute/export/tsv.js";
import type { Table } from "../../../compute/export/table.js";
import { readCsv, readTsv } from "../../support/delimited-reader.js";
import { HOSTILE } from "./fixtures.js";

const NUMBERS = [0.1 + 0.2, -1e-300, 123456789.123, 5e-324, 0, 1 / 3];

const table: Table = {
  comments: ["settings: {\"binCount\":32}", "a comment with\na newline"],
  columns: ["name", "value", "missing"],
  rows: HOSTILE.map((h, i) => [h, NUMBERS[i % NUMBERS.length]!, null]),
};

function expectRoundTrip(read: { comments: string[]; records: string[][] }) {
  expect(read.records[0]).toEqual(table.columns);
  expect(read.records).toHaveLength(table.rows.length + 1);
  read.records.slice(1).forEach((record, i) => {
    expect(record).toHaveLength(3);
    expect(record[0]).toBe(HOSTILE[i]);
    expect(Number(record[1])).toBe(table.rows[i]![1]);
    expect(record[2]).toBe("");
  });
}

describe("CSV (RFC 4180)", () => {
  const text = formatCsv(table);

  it("round-trips hostile strings and exact numbers through an RFC 4180 reader", () => expectRoundTrip(readCsv(text)));

  it("ends every line with CRLF, quotes only what needs it, and has no provenance lines", () => {
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.startsWith("name,value,missing\r\n")).toBe(true);
    expect(text).toContain('"comma, ""quote"" and \'apostrophe\'"');
    expect(text).toContain("\r\n#looks like a comment,");
    expect(text).toContain("\r\ntab\there,");
    expect(text).toContain("  leading and trailing spaces  ,");
  });

  it("refuses NaN and ragged rows", () => {
    expect(() => formatCsv({ comments: [], columns: ["a"], rows: [[Number.NaN]] })).toThrow(/finite/);
    expect(() => formatCsv({ comments: [], columns: ["a", "b"], rows: [["x"]] })).toThrow(/row 0/);
  });
});

describe("TSV (quoted as RFC 4180 where a field holds a tab, newline or quote)", () => {
  const text = formatTsv(table);

  it("round-trips hostile strings and exact numbers", () => expectRoundTrip(readTsv(text)));

  it("quotes tabs and newlines instead of backslash-escaping them", () => {
    expect(text.startsWith("name\tvalue\tmissing\n")).toBe(true);
    expect(text).toContain('"tab\there"');
    expect(text).toContain("back\\slash \\t not a tab\t");
    expect(text).toContain('"line\nbreak and\r\nCRLF"');
  });
});
