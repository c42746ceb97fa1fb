// Spearman rank correlation as a matrix kernel: features (F × n) against targets (G × n) → F × G.
//
// Method: sort each row once, take average ranks, centre the doubled ranks (2r − (m+1), integers),
// take the blocked dense product A · Bᵀ (exact integer sums for m < 3·10⁵; WebAssembly SIMD on Int16
// for m ≤ 2047, int16-rank-product.ts, the same sums), then
// rho = Σ a·b / √(Σa² · Σb²) and p = I_{1−ρ²}(ν/2, ½) with ν = m − 2 (the t approximation of
// scipy.stats.spearmanr).
//
// Missing values (NaN) are handled pairwise-complete, as spearmanr(x, y, nan_policy="omit") on each
// pair: rows are grouped by their pattern of missing columns and sorted once on their own present
// columns; for each (feature group, target group) the ranks on the shared columns come from one walk
// over the sorted rows (subset-ranks.ts, no re-sort), then one dense product. No NaN, or one shared
// pattern, costs nothing extra; each further distinct pattern costs one O(n) walk per row.
import { multiplyABt } from "./dense-product.js";
import { int16ProductAvailable, multiplyABtInt16 } from "./int16-rank-product.js";
import { logBeta } from "./log-gamma.js";
import type { Matrix } from "./matrix.js";
import { centredSubsetRanks, sortRows, subsetPlan, type SortedRows, type SubsetPlan } from "./subset-ranks.js";
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
  /** Target rows ranked and multiplied per block (memory ∝ blockRows × n). Default 256. */
  readonly blockRows?: number;
  /** When given, seconds spent per stage are added to it (the bench's breakdown). */
  readonly stages?: SpearmanStageTimes;
}

/** Seconds spent in each stage of a Spearman run (summed over blocks; over workers in parallel runs). */
export interface SpearmanStageTimes {
  ranks: number;
  product: number;
  p: number;
}

/** Where a run's results go: four arrays of F·G cells (plain or SharedArrayBuffer-backed). */
export interface SpearmanResultBuffers {
  readonly rho: Float64Array;
  readonly p: Float64Array;
  readonly n: Uint32Array;
  readonly status: Uint8Array;
}

/** The four result arrays for F × G cells, on SharedArrayBuffers when `shared` (workers write them in place). */
export function allocateSpearmanResult(F: number, G: number, shared = false): SpearmanMatrixResult {
  const cells = F * G;
  const buffer = (bytes: number) => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  return {
    features: F,
    targets: G,
    rho: new Float64Array(buffer(cells * 8)),
    p: new Float64Array(buffer(cells * 8)),
    n: new Uint32Array(buffer(cells * 4)),
    status: new Uint8Array(buffer(cells)),
  };
}

const now = (): number => performance.now() / 1000;

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

/** Rows sharing one pattern of missing columns, with their present columns. */
interface RowGroup {
  readonly rows: number[];
  readonly cols: Uint32Array; // present columns, ascending
}

/** Groups the rows of m by their set of NaN columns (one group when nothing is missing). */
function groupByMissingPattern(m: Matrix, from = 0, to = m.rows): RowGroup[] {
  const groups = new Map<string, { rows: number[]; nanCols: number[] }>();
  for (let i = from; i < to; i++) {
    const base = i * m.cols;
    const nanCols: number[] = [];
    for (let k = 0; k < m.cols; k++) if (Number.isNaN(m.data[base + k]!)) nanCols.push(k);
    const key = nanCols.join(",");
    let g = groups.get(key);
    if (g === undefined) {
      g = { rows: [], nanCols };
      groups.set(key, g);
    }
    g.rows.push(i);
  }
  return [...groups.values()].map(({ rows, nanCols }) => {
    const missing = new Set(nanCols);
    const cols: number[] = [];
    for (let k = 0; k < m.cols; k++) if (!missing.has(k)) cols.push(k);
    return { rows, cols: Uint32Array.from(cols) };
  });
}

/** Doubled centred ranks on a subset, row-major (m per row), and their sums of squares. */
interface CentredBlock {
  readonly block: Float64Array;
  readonly ss: Float64Array;
}

/** Centred ranks of `count` sorted rows on the plan's subset, written into `into` (allocated when absent). */
function centredBlock(rows: SortedRows, count: number, plan: SubsetPlan, into?: CentredBlock): CentredBlock {
  const m = plan.m;
  const out = into ?? { block: new Float64Array(count * m), ss: new Float64Array(count) };
  for (let r = 0; r < count; r++) out.ss[r] = centredSubsetRanks(rows, r, plan, out.block, r * m);
  return out;
}

/** Columns present in both groups, ascending. */
function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return Uint32Array.from(out);
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
  const result = allocateSpearmanResult(features.rows, targets.rows);
  spearmanMatrixRows(features, targets, 0, targets.rows, result, options);
  return result;
}

/**
 * The cells of target rows [from, to) written into `result` (laid out F × G for the whole targets
 * matrix): what each worker of a parallel run does on its own rows. Every cell depends only on its
 * own pair and the rank sums are exact integers, so any split gives bit-identical results.
 */
export function spearmanMatrixRows(
  features: Matrix,
  targets: Matrix,
  from: number,
  to: number,
  result: SpearmanResultBuffers & { readonly targets: number },
  options: SpearmanOptions = {},
): void {
  const minN = options.minN ?? 3;
  const blockRows = options.blockRows ?? 256;
  checkInputs(features, targets, minN, blockRows);
  if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from <= to && to <= targets.rows))
    throw new StatsInputError("target row range outside the matrix", { from, to, rows: targets.rows });
  const G = result.targets;
  const stages = options.stages;
  let t = stages ? now() : 0;
  const lap = (stage: keyof SpearmanStageTimes): void => {
    if (!stages) return;
    const t1 = now();
    stages[stage] += t1 - t;
    t = t1;
  };
  const featureGroups = groupByMissingPattern(features).map((group) => ({
    group,
    sortedRows: sortRows(features, group.rows, 0, group.rows.length, group.cols),
  }));
  for (const tg of groupByMissingPattern(targets, from, to)) {
    // per feature group: the complete columns shared with this target group, and the feature block on them
    const plans = featureGroups.map(({ group, sortedRows }) => {
      const common = intersect(group.cols, tg.cols);
      const a = common.length < minN ? undefined : centredBlock(sortedRows, group.rows.length, subsetPlan(group.cols, common));
      return { group, m: common.length, a, targetPlan: subsetPlan(tg.cols, common) };
    });
    const chunk = Math.min(blockRows, tg.rows.length);
    const bBuffer: CentredBlock = { block: new Float64Array(chunk * tg.cols.length), ss: new Float64Array(chunk) };
    const dots = new Float64Array(featureGroups.reduce((mx, g) => Math.max(mx, g.group.rows.length), 1) * chunk);
    lap("ranks");
    for (let start = 0; start < tg.rows.length; start += blockRows) {
      const end = Math.min(start + blockRows, tg.rows.length);
      const sortedTargets = sortRows(targets, tg.rows, start, end, tg.cols);
      lap("ranks");
      for (const plan of plans) {
        if (plan.a === undefined) {
          for (const i of plan.group.rows) {
            for (let r = start; r < end; r++) setUndefined(result, i * G + tg.rows[r]!, SpearmanStatus.tooFewObservations, plan.m);
          }
          continue;
        }
        const b = centredBlock(sortedTargets, end - start, plan.targetPlan, bBuffer);
        lap("ranks");
        // the centred ranks are integers |c| ≤ m − 1: the exact Int16 SIMD kernel when it takes m, else float64
        const product = int16ProductAvailable(plan.m) ? multiplyABtInt16 : multiplyABt;
        product(plan.a.block, plan.group.rows.length, b.block, end - start, plan.m, dots, end - start);
        lap("product");
        correlateBlock(plan.group.rows, plan.a, tg.rows, start, end, b, plan.m, dots, result);
        lap("p");
      }
    }
  }
}

/** rho and p for each cell of one feature block × target block, from their dense product `dots`. */
function correlateBlock(
  featureRows: readonly number[],
  a: CentredBlock,
  targetRows: readonly number[],
  from: number,
  to: number,
  b: CentredBlock,
  m: number,
  dots: Float64Array,
  result: SpearmanResultBuffers & { readonly targets: number },
): void {
  const fRows = featureRows.length;
  const bRows = to - from;
  const G = result.targets;
  const lnB = logBeta((m - 2) / 2, 0.5);
  for (let fi = 0; fi < fRows; fi++) {
    const rowBase = featureRows[fi]! * G;
    const ssA = a.ss[fi]!;
    for (let tj = 0; tj < bRows; tj++) {
      const c = rowBase + targetRows[from + tj]!;
      const ssB = b.ss[tj]!;
      if (ssA === 0) setUndefined(result, c, SpearmanStatus.constantFeature, m);
      else if (ssB === 0) setUndefined(result, c, SpearmanStatus.constantTarget, m);
      else setDefined(result, c, dots[fi * bRows + tj]! / Math.sqrt(ssA * ssB), m, lnB); // ρ = Σab / √(Σa²Σb²)
    }
  }
}

function setUndefined(result: SpearmanResultBuffers, c: number, status: SpearmanStatusCode, n: number): void {
  result.rho[c] = NaN;
  result.p[c] = NaN;
  result.n[c] = n;
  result.status[c] = status;
}

/** rho clamped to [−1, 1]; p from the t approximation with ν = n − 2. */
function setDefined(result: SpearmanResultBuffers, c: number, rawRho: number, n: number, lnB: number): void {
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
