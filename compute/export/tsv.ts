// TSV as IANA text/tab-separated-values (https://www.iana.org/assignments/media-types/text/tab-separated-values):
// one record per line, fields separated by a tab, the first record the header; the format itself
// forbids tabs and newlines inside fields, so they are escaped the way PostgreSQL COPY TEXT and
// "linear TSV" do: \t, \n, \r, and \\ for a backslash. Lines end with LF. Provenance comes first as
// lines starting with '#'; a field starting with '#' is written as \# so no data line looks like one.
import { cellText, checkRectangular, commentLine, type Cell, type Table } from "./table.js";

export const TSV_CONTENT_TYPE = "text/tab-separated-values; charset=utf-8";

const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

export function tsvField(cell: Cell): string {
  return cellText(cell).replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!).replace(/^#/, "\\#");
}

/** The inverse of tsvField, for readers of our files. */
export function unescapeTsvField(field: string): string {
  return field.replace(/\\([\\tnr#])/g, (_, c: string) => ({ t: "\t", n: "\n", r: "\r" })[c] ?? c);
}

export function formatTsv(table: Table): string {
  checkRectangular(table);
  const records = [table.columns, ...table.rows].map((row) => row.map(tsvField).join("\t"));
  return [...table.comments.map(commentLine), ...records].map((line) => `${line}\n`).join("");
}
