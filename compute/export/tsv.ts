// TSV as read by pandas read_table, R read.delim and DuckDB read_csv_auto with default options: fields
// separated by a tab, lines end with LF, the first record the header. A field holding a tab, CR, LF or
// a double quote is quoted as in RFC 4180 (quotes doubled) — all three readers undo that by default,
// whereas backslash escapes (\t \n) are read back literally by every one of them. No provenance lines
// in the body (sidecar, see table.ts). Formula-looking text is prefixed with `'`.
import { checkRectangular, safeCellText, type Cell, type Table, type TableFormatOptions } from "./table.js";

export const TSV_CONTENT_TYPE = "text/tab-separated-values; charset=utf-8";

export function tsvField(cell: Cell, options: TableFormatOptions = {}): string {
  const text = safeCellText(cell, options);
  return /[\t\r\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatTsv(table: Table, options: TableFormatOptions = {}): string {
  checkRectangular(table);
  const records = [table.columns, ...table.rows].map((row) => row.map((c) => tsvField(c, options)).join("\t"));
  return records.map((line) => `${line}\n`).join("");
}
