// Dense row-major matrices over Float64Array: the only container the statistics engine takes.
import { StatsInputError } from "./stats-errors.js";

/** A dense row-major matrix: element (i, j) is data[i * cols + j]. NaN marks a missing value. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** Wraps (or copies, for plain arrays) row-major data as a Matrix after checking its length. */
export function matrix(rows: number, cols: number, data: Float64Array | ArrayLike<number>): Matrix {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new StatsInputError("matrix dimensions must be non-negative integers", { rows, cols });
  }
  if (data.length !== rows * cols) {
    throw new StatsInputError("matrix data length must equal rows × cols", {
      rows,
      cols,
      length: data.length,
    });
  }
  const values = data instanceof Float64Array ? data : Float64Array.from(data);
  return { rows, cols, data: values };
}

/** Builds a Matrix from an array of equally long rows. */
export function matrixFromRows(rowsData: ReadonlyArray<ArrayLike<number>>): Matrix {
  const rows = rowsData.length;
  const cols = rows === 0 ? 0 : rowsData[0]!.length;
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const r = rowsData[i]!;
    if (r.length !== cols) {
      throw new StatsInputError("all rows must have the same length", { row: i, expected: cols, got: r.length });
    }
    for (let j = 0; j < cols; j++) data[i * cols + j] = r[j]!;
  }
  return { rows, cols, data };
}

/** A view of row i (no copy). */
export function rowView(m: Matrix, i: number): Float64Array {
  return m.data.subarray(i * m.cols, (i + 1) * m.cols);
}

/** Rows [from, to) as a Matrix sharing m's storage: splits targets into chunks (e.g. one per worker). */
export function sliceRows(m: Matrix, from: number, to: number): Matrix {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > m.rows || from > to) {
    throw new StatsInputError("row range outside the matrix", { from, to, rows: m.rows });
  }
  return { rows: to - from, cols: m.cols, data: m.data.subarray(from * m.cols, to * m.cols) };
}
