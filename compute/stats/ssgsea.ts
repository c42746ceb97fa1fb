// ssGSEA (Barbie et al. 2009) as implemented by the GSVA package, method "ssgsea".
//
// Per sample j: genes are ranked by expression, R = average rank (1 = lowest) truncated to an integer
// (GSVA stores ranks as integers), and ordered by decreasing R (ties by gene order, as R's stable
// order()). With member positions p_i (1-based) in that order, weights w_i = R_i^α, N genes and k
// members, the enrichment score is the sum over the walk of (in-set ECDF − out-of-set ECDF):
//   ES = Σ_i w_i (N − p_i + 1) / Σ_i w_i − [N(N+1)/2 − Σ_i (N − p_i + 1)] / (N − k)
// (the closed form GSVA uses in .fastRndWalk). With normalize (GSVA's default), every score is divided
// by (max − min) over all gene sets and samples.
//
// Ties: GSVA's ssgsea ranks with ties.method = "average" and stores the ranks as integers (classic
// 1.x: as.integer(rank(x)); current R/ssgsea.R: colRanks(ties.method = "average") then integer), which
// is what is done here. Some GSVA releases ranked dense matrices with ties.method = "last" instead;
// scores differ from those releases only in samples with tied expression values.
//
// Missing values: a gene with a NaN in any sample is dropped from the ranking of every sample (so
// rankings stay comparable) and listed in droppedGenes; sets are scored over their remaining members.
import { normaliseGeneSets } from "./gene-sets.js";
import type { Matrix } from "./matrix.js";
import { averageRanksInto } from "./ranks.js";
import { StatsInputError, undefinedResult, type Undefined, type UndefinedReason } from "./stats-errors.js";

export interface SsgseaOptions {
  /** Weight exponent of the walk; default 0.25 (Barbie et al.). */
  readonly alpha?: number;
  /** Divide all scores by their range (GSVA's normalize / ssgsea.norm). Default true. */
  readonly normalize?: boolean;
  /** Sets with fewer usable members are undefined ("no-usable-genes"). Default 1 (GSVA's minSize). */
  readonly minSize?: number;
}

/** Status of one gene set; 0 means scored. */
export const SsgseaStatus = { ok: 0, noUsableGenes: 1, setCoversAllGenes: 2, noVariation: 3 } as const;
const STATUS_REASON: Record<number, UndefinedReason> = {
  1: "no-usable-genes",
  2: "set-covers-all-genes",
  3: "no-variation",
};

export interface SsgseaResult {
  /** S × n scores (row-major); a row is NaN exactly where status[set] ≠ 0. */
  readonly scores: Matrix;
  readonly status: Uint8Array;
  /** Members of each set that were scored (present in the ranking). */
  readonly genesUsed: Uint32Array;
  /** Genes left out of the ranking because they had a NaN, ascending. */
  readonly droppedGenes: Uint32Array;
  /** The range (max − min) the raw scores were divided by, when normalize is on. */
  readonly normalization?: { readonly min: number; readonly max: number };
}

/** Decreasing-rank order of the kept genes: positions[g'] = 1-based place of kept gene g' in the walk. */
function walkPositions(ranks: Float64Array, positions: Uint32Array, bucketStart: Uint32Array): void {
  const N = ranks.length;
  bucketStart.fill(0);
  for (let g = 0; g < N; g++) bucketStart[ranks[g]!]!++; // counts per integer rank 1 … N
  let next = 1;
  for (let r = N; r >= 1; r--) {
    const count = bucketStart[r]!;
    bucketStart[r] = next; // first position of rank r, highest rank first
    next += count;
  }
  for (let g = 0; g < N; g++) positions[g] = bucketStart[ranks[g]!]!++; // stable: lower gene index first
}

/** ssGSEA enrichment scores of each gene set in each sample. */
export function ssgsea(expression: Matrix, geneSets: ReadonlyArray<ArrayLike<number>>, options: SsgseaOptions = {}): SsgseaResult {
  const alpha = options.alpha ?? 0.25;
  const normalize = options.normalize ?? true;
  const minSize = options.minSize ?? 1;
  if (!Number.isFinite(alpha) || alpha < 0) throw new StatsInputError("alpha must be a finite, non-negative number", { alpha });
  if (!Number.isInteger(minSize) || minSize < 1) throw new StatsInputError("minSize must be a positive integer", { minSize });
  const sets = normaliseGeneSets(geneSets, expression.rows);
  const { rows: G, cols: n, data } = expression;

  // genes kept in the ranking, and the index of each kept gene among them
  const keptIndex = new Int32Array(G).fill(-1);
  const kept: number[] = [];
  const dropped: number[] = [];
  for (let g = 0; g < G; g++) {
    let hasNaN = false;
    for (let s = 0; s < n; s++) if (Number.isNaN(data[g * n + s]!)) hasNaN = true;
    if (hasNaN) dropped.push(g);
    else {
      keptIndex[g] = kept.length;
      kept.push(g);
    }
  }
  const N = kept.length;
  const members = sets.map((set) => Uint32Array.from([...set].filter((g) => keptIndex[g]! >= 0).map((g) => keptIndex[g]!)));
  const status = new Uint8Array(sets.length);
  members.forEach((m, p) => {
    if (m.length < minSize || m.length === 0) status[p] = SsgseaStatus.noUsableGenes;
    else if (m.length === N) status[p] = SsgseaStatus.setCoversAllGenes;
  });

  const scores = new Float64Array(sets.length * n).fill(NaN);
  const column = new Float64Array(N);
  const ranks = new Float64Array(N);
  const keys = new Float64Array(N);
  const order = new Uint32Array(N);
  const positions = new Uint32Array(N);
  const buckets = new Uint32Array(N + 1);
  const total = (N * (N + 1)) / 2; // Σ_{p=1..N} (N − p + 1)
  for (let s = 0; s < n; s++) {
    for (let k = 0; k < N; k++) column[k] = data[kept[k]! * n + s]!;
    averageRanksInto(column, ranks, keys, order);
    for (let k = 0; k < N; k++) ranks[k] = Math.trunc(ranks[k]!); // GSVA keeps integer ranks
    walkPositions(ranks, positions, buckets);
    members.forEach((m, p) => {
      if (status[p] !== SsgseaStatus.ok) return;
      let weighted = 0;
      let weights = 0;
      let tails = 0;
      for (const g of m) {
        const w = Math.pow(ranks[g]!, alpha); // w = R^α
        const tail = N - positions[g]! + 1; // N − p + 1
        weighted += w * tail;
        weights += w;
        tails += tail;
      }
      scores[p * n + s] = weighted / weights - (total - tails) / (N - m.length);
    });
  }

  const genesUsed = Uint32Array.from(members, (m) => m.length);
  const result = { scores: { rows: sets.length, cols: n, data: scores }, status, genesUsed, droppedGenes: Uint32Array.from(dropped) };
  if (!normalize) return result;
  return normalizeSsgseaByRange(result);
}

/**
 * Divides every defined score by (max − min) over all defined scores, as GSVA does. Exported for
 * chunked runs: score chunks of gene sets with normalize: false, concatenate, then normalise once
 * (the range is global over all sets and samples). Mutates and returns the result.
 */
export function normalizeSsgseaByRange(result: SsgseaResult): SsgseaResult {
  const data = result.scores.data;
  let min = Infinity;
  let max = -Infinity;
  for (const v of data) {
    if (Number.isNaN(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(max > min)) {
    // no defined score, or all equal: the range is undefined
    result.status.forEach((st, p) => {
      if (st === SsgseaStatus.ok) result.status[p] = SsgseaStatus.noVariation;
    });
    data.fill(NaN);
    return result;
  }
  const range = max - min;
  for (let i = 0; i < data.length; i++) data[i] = data[i]! / range;
  return { ...result, normalization: { min, max } };
}

/** One score as a typed result. */
export function ssgseaCell(result: SsgseaResult, set: number, sample: number): { readonly ok: true; readonly score: number } | Undefined {
  const st = result.status[set]!;
  if (st !== SsgseaStatus.ok) return undefinedResult(STATUS_REASON[st]!, { genes: result.genesUsed[set]! });
  return { ok: true, score: result.scores.data[set * result.scores.cols + sample]! };
}
