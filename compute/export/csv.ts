// CSV as RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): records end with CRLF; a field holding a
// comma, a double quote, CR or LF is enclosed in double quotes and its quotes are doubled; the first
// record is the header. No provenance lines in the body (see table.ts: it goes to the sidecar), so
// pandas, R and DuckDB read it with default options. Formula-looking text is prefixed with `'`.
import { checkRectangular, safeCellText, type Cell, type Table, type TableFormatOptions } from "./table.js";

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8; header=present";

export function csvField(cell: Cell, options: TableFormatOptions = {}): string {
  const text = safeCellText(cell, options);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatCsv(table: Table, options: TableFormatOptions = {}): string {
  checkRectangular(table);
  const records = [table.columns, ...table.rows].map((row) => row.map((c) => csvField(c, options)).join(","));
  return records.map((line) => `${line}\r\n`).join("");
}
