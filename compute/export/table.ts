// A rectangular table and its provenance: what the CSV and TSV writers take. The provenance never
// goes into the table body (a `#` line is misread by readers with default options, and pandas'
// `comment="#"` cuts every value holding '#'); it is written as a sidecar `<name>.provenance.json`.
export type Cell = string | number | null;

export interface Table {
  /** Provenance (settings, source, release, time), one statement each; goes to the sidecar, not the body. */
  comments: string[];
  columns: string[];
  rows: Cell[][];
}

export interface TableFormatOptions {
  /** Prefix formula-looking text cells with `'` (OWASP CSV injection); default true. Numbers are never touched. */
  spreadsheetSafe?: boolean;
}

/** A cell's text: empty for missing, the shortest round-tripping decimal for numbers. */
export function cellText(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw new RangeError(`a table cell must be a finite number or missing, got ${cell}`);
    return String(cell);
  }
  return cell;
}

// OWASP CSV injection: a text cell starting with = + - @ TAB or CR runs as a formula in Excel/LibreOffice/Sheets.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell's text as written: formula-looking *text* (never a number cell) gets a leading `'`. */
export function safeCellText(cell: Cell, { spreadsheetSafe = true }: TableFormatOptions = {}): string {
  const text = cellText(cell);
  return spreadsheetSafe && typeof cell === "string" && FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse of safeCellText for a reader that wants the stored text back. */
export function unneutraliseCell(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** A provenance line on one physical line whatever it holds. */
export function commentLine(text: string): string {
  return `# ${text.replace(/\r\n|[\r\n]/g, " ")}`;
}

/** The sidecar `<name>.provenance.json`: the table's provenance and its columns, as JSON. */
export function formatProvenance(table: Table, fileName: string): string {
  return `${JSON.stringify({ table: fileName, columns: table.columns, rowCount: table.rows.length, provenance: table.comments }, null, 2)}\n`;
}

export function checkRectangular(table: Table): void {
  table.rows.forEach((row, i) => {
    if (row.length !== table.columns.length) throw new RangeError(`row ${i} has ${row.length} cells for ${table.columns.length} columns`);
  });
}
