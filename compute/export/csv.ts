// CSV as RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): records end with CRLF; a field holding a
// comma, a double quote, CR or LF is enclosed in double quotes and its quotes are doubled; the first
// record is the header. Provenance comes first as lines starting with '#' (not part of RFC 4180;
// read with pandas `comment="#"`, R `comment.char="#"` — or skip lines until the header).
// A field starting with '#' is quoted too, so no data line can be mistaken for a comment.
import { cellText, checkRectangular, commentLine, type Cell, type Table } from "./table.js";

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8; header=present";

export function csvField(cell: Cell): string {
  const text = cellText(cell);
  return /[",\r\n]|^#/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatCsv(table: Table): string {
  checkRectangular(table);
  const records = [table.columns, ...table.rows].map((row) => row.map(csvField).join(","));
  return [...table.comments.map(commentLine), ...records].map((line) => `${line}\r\n`).join("");
}
