// Mann–Whitney U / AUC of every feature row against every grouping row (e.g. mutation status).
import type { Matrix } from "./matrix.js";
import { mannWhitneyFromRankSum, mannWhitneySettings, type MannWhitneyOptions, type MannWhitneyResult } from "./mann-whitney.js";
import { averageRanksInto } from "./ranks.js";
import { StatsInputError, undefinedResult } from "./stats-errors.js";

/** Status of one cell of a Mann–Whitney matrix; 0 means defined. */
export const MannWhitneyStatus = { ok: 0, groupTooSmall: 1, allValuesTied: 2 } as const;

/**
 * F × G results, row-major (cell (i, j) at i·G + j). Where status ≠ 0, u/auc/p are NaN and status
 * says why; n1/n2 are always the group sizes used. exact[c] = 1 where the exact p was used.
 */
export interface MannWhitneyMatrixResult {
  readonly features: number;
  readonly groupings: number;
  readonly u: Float64Array;
  readonly auc: Float64Array;
  readonly p: Float64Array;
  readonly n1: Uint32Array;
  readonly n2: Uint32Array;
  readonly exact: Uint8Array;
  readonly status: Uint8Array;
}

/** One cell of a Mann–Whitney matrix as a typed result. */
export function mannWhitneyCell(result: MannWhitneyMatrixResult, feature: number, grouping: number): MannWhitneyResult {
  const c = feature * result.groupings + grouping;
  const n1 = result.n1[c]!;
  const n2 = result.n2[c]!;
  if (result.status[c] === MannWhitneyStatus.groupTooSmall) return undefinedResult("group-too-small", { n1, n2 });
  if (result.status[c] === MannWhitneyStatus.allValuesTied) return undefinedResult("all-values-tied", { n1, n2 });
  return { ok: true, u: result.u[c]!, auc: result.auc[c]!, p: result.p[c]!, n1, n2, method: result.exact[c] ? "exact" : "asymptotic" };
}

/**
 * Every feature row (F × n, NaN = missing) against every grouping row (G × n: 1 = group 1, e.g.
 * mutated; 0 = group 2, wild type; NaN = unknown, excluded). A complete feature row is ranked once
 * and reused for every complete grouping; otherwise the pair's complete samples are ranked.
 */
export function mannWhitneyMatrix(features: Matrix, groupings: Matrix, options: MannWhitneyOptions = {}): MannWhitneyMatrixResult {
  if (features.cols !== groupings.cols) {
    throw new StatsInputError("features and groupings must have the same number of samples (columns)", {
      featureSamples: features.cols,
      groupingSamples: groupings.cols,
    });
  }
  mannWhitneySettings(options); // invalid options fail before any work
  const n = features.cols;
  for (let k = 0; k < groupings.data.length; k++) {
    const g = groupings.data[k]!;
    if (!(g === 0 || g === 1 || Number.isNaN(g))) throw new StatsInputError("grouping values must be 1, 0 or NaN", { index: k, value: g });
  }
  const F = features.rows;
  const G = groupings.rows;
  const result: MannWhitneyMatrixResult = {
    features: F,
    groupings: G,
    u: new Float64Array(F * G),
    auc: new Float64Array(F * G),
    p: new Float64Array(F * G),
    n1: new Uint32Array(F * G),
    n2: new Uint32Array(F * G),
    exact: new Uint8Array(F * G),
    status: new Uint8Array(F * G),
  };
  const completeGrouping = new Uint8Array(G);
  for (let j = 0; j < G; j++) completeGrouping[j] = rowHasNaN(groupings, j) ? 0 : 1;
  const ranks = new Float64Array(n);
  const keys = new Float64Array(n);
  const order = new Uint32Array(n);
  const values = new Float64Array(n);
  const labels = new Uint8Array(n);
  const subRanks = new Float64Array(n);
  const subOrder = new Uint32Array(n);
  for (let i = 0; i < F; i++) {
    const fBase = i * n;
    const featureComplete = !rowHasNaN(features, i);
    const fullTie = featureComplete ? averageRanksInto(features.data.subarray(fBase, fBase + n), ranks, keys, order) : 0;
    for (let j = 0; j < G; j++) {
      const gBase = j * n;
      let r1 = 0;
      let n1 = 0;
      let n2 = 0;
      let tieTerm = fullTie;
      if (featureComplete && completeGrouping[j] === 1) {
        for (let k = 0; k < n; k++) {
          if (groupings.data[gBase + k] === 1) {
            r1 += ranks[k]!;
            n1++;
          }
        }
        n2 = n - n1;
      } else {
        let m = 0;
        for (let k = 0; k < n; k++) {
          const v = features.data[fBase + k]!;
          const g = groupings.data[gBase + k]!;
          if (Number.isNaN(v) || Number.isNaN(g)) continue;
          values[m] = v;
          labels[m] = g;
          m++;
        }
        tieTerm = averageRanksInto(values.subarray(0, m), subRanks, keys, subOrder);
        for (let k = 0; k < m; k++) {
          if (labels[k] === 1) {
            r1 += subRanks[k]!;
            n1++;
          }
        }
        n2 = m - n1;
      }
      storeCell(result, i * G + j, mannWhitneyFromRankSum(r1, n1, n2, tieTerm, options), n1, n2);
    }
  }
  return result;
}

function rowHasNaN(m: Matrix, i: number): boolean {
  for (let k = i * m.cols; k < (i + 1) * m.cols; k++) if (Number.isNaN(m.data[k]!)) return true;
  return false;
}

function storeCell(result: MannWhitneyMatrixResult, c: number, r: MannWhitneyResult, n1: number, n2: number): void {
  result.n1[c] = n1;
  result.n2[c] = n2;
  if (r.ok) {
    result.u[c] = r.u;
    result.auc[c] = r.auc;
    result.p[c] = r.p;
    result.exact[c] = r.method === "exact" ? 1 : 0;
    return;
  }
  result.u[c] = NaN;
  result.auc[c] = NaN;
  result.p[c] = NaN;
  result.status[c] = r.reason === "group-too-small" ? MannWhitneyStatus.groupTooSmall : MannWhitneyStatus.allValuesTied;
}
