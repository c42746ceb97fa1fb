// Spearman rank correlation as a matrix kernel: features (F × n) against targets (G × n) → F × G.
//
// Method: rank each row once (average ranks), centre the doubled ranks (2r − (m+1), integers),
// take the blocked dense product A · Bᵀ (exact integer sums for m < 3·10⁵), then
// rho = Σ a·b / √(Σa² · Σb²) and p = I_{1−ρ²}(ν/2, ½) with ν = m − 2 (the t approximation of
// scipy.stats.spearmanr).
//
// Missing values (NaN) are handled pairwise-complete, as spearmanr(x, y, nan_policy="omit") on each
// pair: rows are grouped by their pattern of missing columns, and each (feature group, target group)
// is ranked again on the columns both have, so the common case (no NaN, or one shared pattern) stays
// one dense product; many distinct patterns degrade gracefully towards per-pair work.
import { multiplyABt } from "./dense-product.js";
import { logBeta } from "./log-gamma.js";
import type { Matrix } from "./matrix.js";
import { averageRanksInto } from "./ranks.js";
import { StatsInputError, undefinedResult, type Undefined, type UndefinedReason } from "./stats-errors.js";
import { correlationTwoSidedP } from "./student-t.js";

/** Status of one cell of a Spearman matrix; 0 means defined. */
export const SpearmanStatus = {
  ok: 0,
  tooFewObservations: 1,
  constantFeature: 2,
  constantTarget: 3,
} as const;
export type SpearmanStatusCode = (typeof SpearmanStatus)[keyof typeof SpearmanStatus];

const STATUS_REASON: Record<number, UndefinedReason> = {
  1: "too-few-observations",
  2: "constant-feature",
  3: "constant-target",
};

export interface SpearmanOptions {
  /** Minimum number of complete pairs for a defined result; at least 3 (ν = n − 2 ≥ 1). Default 3. */
  readonly minN?: number;
  /** Target rows ranked and multiplied per block (memory ∝ blockRows × n). Default 512. */
  readonly blockRows?: number;
}

/**
 * F × G results, row-major (cell (i, j) at i·G + j). Where status[c] ≠ 0, rho[c] and p[c] are NaN
 * and status says why (see SpearmanStatus / spearmanCell); n[c] is always the number of complete pairs.
 */
export interface SpearmanMatrixResult {
  readonly features: number;
  readonly targets: number;
  readonly rho: Float64Array;
  readonly p: Float64Array;
  readonly n: Uint32Array;
  readonly status: Uint8Array;
}

export type SpearmanCell = { readonly ok: true; readonly rho: number; readonly p: number; readonly n: number } | Undefined;

/** One cell of a Spearman matrix as a typed result. */
export function spearmanCell(result: SpearmanMatrixResult, feature: number, target: number): SpearmanCell {
  const c = feature * result.targets + target;
  const n = result.n[c]!;
  const status = result.status[c]!;
  if (status !== SpearmanStatus.ok) return undefinedResult(STATUS_REASON[status]!, { n });
  return { ok: true, rho: result.rho[c]!, p: result.p[c]!, n };
}

/** Rows sharing one pattern of missing columns. */
interface RowGroup {
  readonly rows: number[];
  readonly missing: Uint8Array; // 1 where the column is NaN for every row of the group
}

/** Groups the rows of m by their set of NaN columns (one group when nothing is missing). */
function groupByMissingPattern(m: Matrix): RowGroup[] {
  const groups = new Map<string, RowGroup>();
  for (let i = 0; i < m.rows; i++) {
    const base = i * m.cols;
    const nanCols: number[] = [];
    for (let k = 0; k < m.cols; k++) if (Number.isNaN(m.data[base + k]!)) nanCols.push(k);
    const key = nanCols.join(",");
    let g = groups.get(key);
    if (g === undefined) {
      const missing = new Uint8Array(m.cols);
      for (const k of nanCols) missing[k] = 1;
      g = { rows: [], missing };
      groups.set(key, g);
    }
    g.rows.push(i);
  }
  return [...groups.values()];
}

/** Columns present in both groups. */
function completeColumns(a: RowGroup, b: RowGroup): Uint32Array {
  const cols: number[] = [];
  for (let k = 0; k < a.missing.length; k++) if (a.missing[k] === 0 && b.missing[k] === 0) cols.push(k);
  return Uint32Array.from(cols);
}

/**
 * Writes centred doubled ranks 2r − (m+1) of rows[from..to) restricted to `cols` into out (row-major,
 * m = cols.length per row) and their sums of squares Σ(2r − m − 1)² into ss.
 */
function centredRanks(
  src: Matrix,
  rows: readonly number[],
  from: number,
  to: number,
  cols: Uint32Array,
  out: Float64Array,
  ss: Float64Array,
): void {
  const m = cols.length;
  const values = new Float64Array(m);
  const ranks = new Float64Array(m);
  const keys = new Float64Array(m);
  const order = new Uint32Array(m);
  for (let r = from; r < to; r++) {
    const base = rows[r]! * src.cols;
    for (let k = 0; k < m; k++) values[k] = src.data[base + cols[k]!]!;
    averageRanksInto(values, ranks, keys, order);
    const o = (r - from) * m;
    let sum = 0;
    for (let k = 0; k < m; k++) {
      const c = 2 * ranks[k]! - (m + 1); // doubled centred rank, an integer
      out[o + k] = c;
      sum += c * c;
    }
    ss[r - from] = sum;
  }
}

function checkInputs(features: Matrix, targets: Matrix, minN: number, blockRows: number): void {
  if (features.cols !== targets.cols) {
    throw new StatsInputError("features and targets must have the same number of samples (columns)", {
      featureSamples: features.cols,
      targetSamples: targets.cols,
    });
  }
  if (!Number.isInteger(minN) || minN < 3) throw new StatsInputError("minN must be an integer ≥ 3", { minN });
  if (!Number.isInteger(blockRows) || blockRows < 1) throw new StatsInputError("blockRows must be a positive integer", { blockRows });
}

/** Spearman rho and two-sided p for every (feature row, target row) pair, pairwise-complete on NaN. */
export function spearmanMatrix(features: Matrix, targets: Matrix, options: SpearmanOptions = {}): SpearmanMatrixResult {
  const minN = options.minN ?? 3;
  const blockRows = options.blockRows ?? 512;
  checkInputs(features, targets, minN, blockRows);
  const F = features.rows;
  const G = targets.rows;
  const result: SpearmanMatrixResult = {
    features: F,
    targets: G,
    rho: new Float64Array(F * G),
    p: new Float64Array(F * G),
    n: new Uint32Array(F * G),
    status: new Uint8Array(F * G),
  };
  const featureGroups = groupByMissingPattern(features);
  const targetGroups = groupByMissingPattern(targets);
  for (const fg of featureGroups) {
    for (const tg of targetGroups) correlateGroups(features, fg, targets, tg, minN, blockRows, result);
  }
  return result;
}

/** Fills the cells of one (feature group, target group) pair. */
function correlateGroups(
  features: Matrix,
  fg: RowGroup,
  targets: Matrix,
  tg: RowGroup,
  minN: number,
  blockRows: number,
  result: SpearmanMatrixResult,
): void {
  const cols = completeColumns(fg, tg);
  const m = cols.length;
  const G = result.targets;
  if (m < minN) {
    for (const i of fg.rows) for (const j of tg.rows) setUndefined(result, i * G + j, SpearmanStatus.tooFewObservations, m);
    return;
  }
  const fRows = fg.rows.length;
  const a = new Float64Array(fRows * m);
  const ssA = new Float64Array(fRows);
  centredRanks(features, fg.rows, 0, fRows, cols, a, ssA);
  const df = m - 2;
  const lnB = logBeta(df / 2, 0.5);
  const block = Math.min(blockRows, tg.rows.length);
  const b = new Float64Array(block * m);
  const ssB = new Float64Array(block);
  const dots = new Float64Array(fRows * block);
  for (let from = 0; from < tg.rows.length; from += block) {
    const to = Math.min(from + block, tg.rows.length);
    const bRows = to - from;
    centredRanks(targets, tg.rows, from, to, cols, b, ssB);
    multiplyABt(a, fRows, b, bRows, m, dots, block);
    for (let fi = 0; fi < fRows; fi++) {
      const rowBase = fg.rows[fi]! * G;
      for (let tj = 0; tj < bRows; tj++) {
        const c = rowBase + tg.rows[from + tj]!;
        if (ssA[fi] === 0) setUndefined(result, c, SpearmanStatus.constantFeature, m);
        else if (ssB[tj] === 0) setUndefined(result, c, SpearmanStatus.constantTarget, m);
        else setDefined(result, c, dots[fi * block + tj]! / Math.sqrt(ssA[fi]! * ssB[tj]!), m, lnB);
      }
    }
  }
}

function setUndefined(result: SpearmanMatrixResult, c: number, status: SpearmanStatusCode, n: number): void {
  result.rho[c] = NaN;
  result.p[c] = NaN;
  result.n[c] = n;
  result.status[c] = status;
}

/** rho clamped to [−1, 1]; p from the t approximation with ν = n − 2. */
function setDefined(result: SpearmanMatrixResult, c: number, rawRho: number, n: number, lnB: number): void {
  const rho = Math.max(-1, Math.min(1, rawRho));
  result.rho[c] = rho;
  result.p[c] = correlationTwoSidedP(rho, n - 2, lnB);
  result.n[c] = n;
  result.status[c] = SpearmanStatus.ok;
}

/** Spearman correlation of two vectors (pairwise-complete), as a typed result. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>, options: SpearmanOptions = {}): SpearmanCell {
  if (x.length !== y.length) throw new StatsInputError("x and y must have the same length", { x: x.length, y: y.length });
  const r = spearmanMatrix(
    { rows: 1, cols: x.length, data: Float64Array.from(x) },
    { rows: 1, cols: y.length, data: Float64Array.from(y) },
    options,
  );
  return spearmanCell(r, 0, 0);
}
