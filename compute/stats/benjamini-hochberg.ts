// Benjamini–Hochberg q-values (step-up FDR), as scipy.stats.false_discovery_control(method="bh").
import { sortWithIndex } from "./sort-with-index.js";
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
  if (m > 0) sortWithIndex(keys, order, m);
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
