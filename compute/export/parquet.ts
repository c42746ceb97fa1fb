// Parquet (https://parquet.apache.org/docs/file-format/) of a Table: the columnar file pandas, polars,
// DuckDB, Spark and R's arrow load fastest. Types are kept, so nothing is neutralised for spreadsheets:
// a column whose cells are all numbers (or missing) is DOUBLE, any other column is UTF-8 text; missing is
// null. The provenance sidecar's JSON goes into the file's key-value metadata under PARQUET_PROVENANCE_KEY.
// Writer: hyparquet-writer (pure JS, no native or wasm build; Snappy by default).
import { parquetWriteBuffer } from "hyparquet-writer";
import { checkRectangular, formatProvenance, type Cell, type Table } from "./table.js";

export const PARQUET_CONTENT_TYPE = "application/vnd.apache.parquet";
/** Key of the provenance JSON (same as `<name>.provenance.json`) in the Parquet key-value metadata. */
export const PARQUET_PROVENANCE_KEY = "radiogenomics.provenance";

type ColumnType = "DOUBLE" | "STRING";

function columnType(cells: Cell[]): ColumnType {
  return cells.every((c) => c === null || typeof c === "number") && cells.some((c) => c !== null) ? "DOUBLE" : "STRING";
}

function columnCells(table: Table, j: number, type: ColumnType): (number | string | null)[] {
  return table.rows.map((row) => {
    const cell = row[j]!;
    if (cell === null) return null;
    if (typeof cell === "number" && !Number.isFinite(cell)) throw new RangeError(`a table cell must be a finite number or missing, got ${cell} in column ${table.columns[j]}`);
    return type === "DOUBLE" ? cell : String(cell);
  });
}

/** The table as Parquet bytes, one row group, with its provenance in the key-value metadata. */
export function formatParquet(table: Table, fileName: string): Uint8Array {
  checkRectangular(table);
  if (new Set(table.columns).size !== table.columns.length) throw new RangeError(`Parquet needs distinct column names: ${table.columns.join(", ")}`);
  const columnData = table.columns.map((name, j) => {
    const type = columnType(table.rows.map((row) => row[j]!));
    return { name, type, nullable: true, data: columnCells(table, j, type) };
  });
  const buffer = parquetWriteBuffer({
    columnData,
    kvMetadata: [{ key: PARQUET_PROVENANCE_KEY, value: formatProvenance(table, fileName) }],
    createdBy: "radiogenomics (hyparquet-writer 0.17.0)",
  });
  return new Uint8Array(buffer);
}
