// A rectangular table with provenance lines above its header: what the CSV and TSV writers take.
export type Cell = string | number | null;

export interface Table {
  /** Provenance written as `# ` lines before the header (settings, source, release, time). */
  comments: string[];
  columns: string[];
  rows: Cell[][];
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

/** A provenance line on one physical line whatever it holds (readers skip lines starting with '#'). */
export function commentLine(text: string): string {
  return `# ${text.replace(/\r\n|[\r\n]/g, " ")}`;
}

export function checkRectangular(table: Table): void {
  table.rows.forEach((row, i) => {
    if (row.length !== table.columns.length) throw new RangeError(`row ${i} has ${row.length} cells for ${table.columns.length} columns`);
  });
}
