// Benjamini–Hochberg q-values (step-up FDR), as scipy.stats.false_discovery_control(method="bh").
import { bucketSortWithIndex } from "./bucket-sort-with-index.js";
import { StatsInputError, undefinedResult, type Undefined } from "./stats-errors.js";

/**
 * q-values in input order. NaN p-values ("untested") are excluded from the family: they get NaN
 * in q and are listed in `excluded`; m counts only the defined p-values.
 */
export interface BenjaminiHochbergResult {
  readonly q: Float64Array;
  /** Input positions whose p-value was NaN, ascending. */
  readonly excluded: Uint32Array;
  /** Number of p-values in the family (defined ones). */
  readonly m: number;
}

/** q_(k) = min(1, min_{j ≥ k} p_(j) · m / j) over the ascending p-values p_(1) ≤ … ≤ p_(m). */
export function benjaminiHochberg(pValues: ArrayLike<number>): BenjaminiHochbergResult {
  const total = pValues.length;
  const excluded: number[] = [];
  const keys = new Float64Array(total);
  const order = new Uint32Array(total);
  let m = 0;
  for (let i = 0; i < total; i++) {
    const p = pValues[i]!;
    if (Number.isNaN(p)) {
      excluded.push(i);
      continue;
    }
    if (!(p >= 0 && p <= 1)) throw new StatsInputError("p-values must lie in [0, 1] (or be NaN for untested)", { index: i, p });
    keys[m] = p;
    order[m++] = i;
  }
  if (m > 0) bucketSortWithIndex(keys, order, m);
  const q = new Float64Array(total).fill(NaN);
  let running = 1;
  for (let k = m; k >= 1; k--) {
    const candidate = keys[k - 1]! * (m / k); // p_(k) · m / k
    if (candidate < running) running = candidate;
    q[order[k - 1]!] = running;
  }
  return { q, excluded: Uint32Array.from(excluded), m };
}

/** The q-value at input position i as a typed result ("missing-p-value" when p was NaN). */
export function qValueAt(result: BenjaminiHochbergResult, i: number): { readonly ok: true; readonly q: number } | Undefined {
  const q = result.q[i]!;
  return Number.isNaN(q) ? undefinedResult("missing-p-value") : { ok: true, q };
}

/** Defined p-values of some cells, ascending, with their cell positions: one worker's share of a BH sort. */
export interface PValueRun {
  readonly keys: Float64Array;
  readonly order: Uint32Array;
  /** Defined p-values in the run (keys[0..count), order[0..count)). */
  readonly count: number;
}

/**
 * Sorts the defined p-values of columns [from, to) of a row-major rows × stride matrix of p into
 * keys/order (from index 0; order holds the cell positions r·stride + c); returns how many there are.
 * Workers sort their own cells this way, and benjaminiHochbergOfRuns merges the runs.
 */
export function sortPValueColumns(
  p: ArrayLike<number>,
  rows: number,
  stride: number,
  from: number,
  to: number,
  keys: Float64Array,
  order: Uint32Array,
): number {
  let count = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = r * stride + from; c < r * stride + to; c++) {
      const v = p[c]!;
      if (Number.isNaN(v)) continue;
      if (!(v >= 0 && v <= 1)) throw new StatsInputError("p-values must lie in [0, 1] (or be NaN for untested)", { index: c, p: v });
      keys[count] = v;
      order[count++] = c;
    }
  }
  bucketSortWithIndex(keys, order, count);
  return count;
}

/**
 * The same q-values as benjaminiHochberg over `total` cells whose defined p-values come as sorted
 * runs covering them all: the runs are merged from the largest p down while the running minimum is
 * taken. Ties may come in any order: a tie group all gets the candidate at its largest rank.
 */
export function benjaminiHochbergOfRuns(total: number, runs: readonly PValueRun[]): BenjaminiHochbergResult {
  const q = new Float64Array(total).fill(NaN);
  const next = runs.map((r) => r.count - 1); // per run, the index of its largest unmerged p
  const m = runs.reduce((sum, r) => sum + r.count, 0);
  let running = 1;
  for (let k = m; k >= 1; k--) {
    let best = -1;
    for (let r = 0; r < runs.length; r++) if (next[r]! >= 0 && (best < 0 || runs[r]!.keys[next[r]!]! > runs[best]!.keys[next[best]!]!)) best = r;
    const run = runs[best]!;
    const at = next[best]!--;
    const candidate = run.keys[at]! * (m / k); // p_(k) · m / k
    if (candidate < running) running = candidate;
    q[run.order[at]!] = running;
  }
  const excluded: number[] = [];
  for (let i = 0; i < total; i++) if (Number.isNaN(q[i]!)) excluded.push(i);
  return { q, excluded: Uint32Array.from(excluded), m };
}
