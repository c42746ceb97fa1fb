// Single-sample pathway scores by z-scores of member genes.
//
// Each gene (row of the G × n expression matrix) is standardised across samples:
//   z_gs = (x_gs − mean_g) / sd_g, sd with the n − 1 denominator (as R's scale(), GSVA's "zscore"),
// over the samples where the gene is present (NaN = missing). A gene with fewer than two present
// values or zero variance has no z-score and is left out of every set (listed in unusableGenes).
// A set's score in a sample combines the z of its usable members present in that sample:
//   "mean" (default):      S = Σ z / k              (mean z-score)
//   "stouffer":            S = Σ z / √k             (Lee et al. 2008, GSVA method="zscore")
import { normaliseGeneSets } from "./gene-sets.js";
import type { Matrix } from "./matrix.js";
import { StatsInputError, undefinedResult, type Undefined } from "./stats-errors.js";

export type ZCombine = "mean" | "stouffer";

export interface ZScoreOptions {
  readonly combine?: ZCombine;
}

/**
 * Scores S × n (row-major). Where genesUsed[c] = 0 the score is NaN with reason "no-usable-genes"
 * (see zScoreCell); genesUsed counts the z-scores combined in each cell.
 */
export interface ZScoreResult {
  readonly scores: Matrix;
  readonly genesUsed: Uint32Array;
  /** Genes without a z-score (fewer than two present values, or constant), ascending. */
  readonly unusableGenes: Uint32Array;
}

/** Per-gene z-scores (G × n) with NaN for missing values; `usable[g]` = 0 when the gene has none. */
export function geneZScores(expression: Matrix): { z: Matrix; usable: Uint8Array } {
  const { rows: G, cols: n, data } = expression;
  const z = new Float64Array(G * n).fill(NaN);
  const usable = new Uint8Array(G);
  for (let g = 0; g < G; g++) {
    const base = g * n;
    let count = 0;
    let sum = 0;
    for (let s = 0; s < n; s++) {
      const v = data[base + s]!;
      if (Number.isNaN(v)) continue;
      if (!Number.isFinite(v)) throw new StatsInputError("expression values must be finite or NaN", { gene: g, sample: s, value: v });
      count++;
      sum += v;
    }
    if (count < 2) continue;
    const mean = sum / count;
    let ss = 0;
    for (let s = 0; s < n; s++) {
      const v = data[base + s]!;
      if (!Number.isNaN(v)) ss += (v - mean) * (v - mean);
    }
    const sd = Math.sqrt(ss / (count - 1)); // sample standard deviation
    if (sd === 0) continue;
    usable[g] = 1;
    for (let s = 0; s < n; s++) {
      const v = data[base + s]!;
      if (!Number.isNaN(v)) z[base + s] = (v - mean) / sd;
    }
  }
  return { z: { rows: G, cols: n, data: z }, usable };
}

/** Combined z-score of each gene set in each sample. */
export function zScorePathwayScores(
  expression: Matrix,
  geneSets: ReadonlyArray<ArrayLike<number>>,
  options: ZScoreOptions = {},
): ZScoreResult {
  const combine = options.combine ?? "mean";
  if (combine !== "mean" && combine !== "stouffer") throw new StatsInputError("combine must be 'mean' or 'stouffer'", { combine });
  const sets = normaliseGeneSets(geneSets, expression.rows);
  const n = expression.cols;
  const { z, usable } = geneZScores(expression);
  const scores = new Float64Array(sets.length * n);
  const genesUsed = new Uint32Array(sets.length * n);
  sets.forEach((members, p) => {
    for (let s = 0; s < n; s++) {
      let sum = 0;
      let k = 0;
      for (const g of members) {
        const v = z.data[g * n + s]!;
        if (usable[g] === 1 && !Number.isNaN(v)) {
          sum += v;
          k++;
        }
      }
      const c = p * n + s;
      genesUsed[c] = k;
      scores[c] = k === 0 ? NaN : combine === "mean" ? sum / k : sum / Math.sqrt(k);
    }
  });
  const unusableGenes: number[] = [];
  usable.forEach((u, g) => {
    if (u === 0) unusableGenes.push(g);
  });
  return { scores: { rows: sets.length, cols: n, data: scores }, genesUsed, unusableGenes: Uint32Array.from(unusableGenes) };
}

/** One score as a typed result. */
export function zScoreCell(
  result: ZScoreResult,
  set: number,
  sample: number,
): { readonly ok: true; readonly score: number; readonly genes: number } | Undefined {
  const c = set * result.scores.cols + sample;
  const genes = result.genesUsed[c]!;
  return genes === 0 ? undefinedResult("no-usable-genes") : { ok: true, score: result.scores.data[c]!, genes };
}
