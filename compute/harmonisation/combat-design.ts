// neuroCombat's design matrix (make_design_matrix): batch one-hot (all batches; with a reference batch its
// column becomes all ones, an intercept), then per categorical covariate the one-hot of its sorted levels
// without the first, then each continuous covariate as a column. Rows = samples.
// A column in the span of the earlier ones makes XᵀX singular (neuroCombat's la.inv fails or returns
// garbage); we find the first such column by Gram–Schmidt and name its covariate.
import { StatsInputError } from "../stats/stats-errors.js";
import type { CombatCovariates } from "./combat.js";
import { sortedLevels } from "./code-point-order.js";

export interface CombatDesign {
  /** n × p, row-major. */
  design: Float64Array;
  n: number;
  p: number;
  columns: string[];
  batches: string[];
  /** Batch index (into `batches`) of each sample. */
  batchOf: Uint32Array;
  /** Sample indices of each batch, ascending. */
  members: Uint32Array[];
  referenceLevel: number | null;
}

/** Relative residual norm below which a column counts as a linear combination of the earlier ones. */
const COLLINEAR = 1e-10;

export function combatDesign(batch: readonly string[], covariates: CombatCovariates, referenceBatch?: string): CombatDesign {
  const n = batch.length;
  const batches = sortedLevels(batch);
  const index = new Map(batches.map((b, i) => [b, i]));
  const batchOf = Uint32Array.from(batch, (b) => index.get(b)!);
  const members = batches.map((_, b) => Uint32Array.from([...batchOf.keys()].filter((j) => batchOf[j] === b)));
  const small = batches.filter((_, b) => members[b]!.length < 2);
  if (small.length > 0) {
    throw new StatsInputError(
      `${small.map((b) => `batch '${b}'`).join(", ")} ${small.length === 1 ? "has" : "have"} only one sample; ComBat needs at least 2 per batch to estimate a batch variance — merge ${small.length === 1 ? "it" : "them"} with a similar batch or drop ${small.length === 1 ? "it" : "them"}`,
      { batches: small },
    );
  }
  if (batches.length < 2) throw new StatsInputError("ComBat needs at least 2 batches; all samples are in one batch", { batch: batches[0] });
  let referenceLevel: number | null = null;
  if (referenceBatch !== undefined) {
    const r = index.get(referenceBatch);
    if (r === undefined) throw new StatsInputError(`reference batch '${referenceBatch}' is not one of the batches: ${batches.join(", ")}`, { referenceBatch, batches });
    referenceLevel = r;
  }

  const columns: Array<{ name: string; covariate: string | null; values: Float64Array }> = [];
  batches.forEach((b, k) => {
    const values = Float64Array.from(batchOf, (c) => (c === k || k === referenceLevel ? 1 : 0));
    columns.push({ name: `batch:${b}`, covariate: null, values });
  });
  for (const [name, levels] of Object.entries(covariates.categorical ?? {})) {
    checkLength(name, levels.length, n);
    for (const level of sortedLevels(levels).slice(1)) {
      columns.push({ name: `${name}:${level}`, covariate: name, values: Float64Array.from(levels, (l) => (l === level ? 1 : 0)) });
    }
  }
  for (const [name, values] of Object.entries(covariates.continuous ?? {})) {
    checkLength(name, values.length, n);
    values.forEach((v, j) => {
      if (!Number.isFinite(v)) throw new StatsInputError(`continuous covariate '${name}' is not a finite number for sample ${j}`, { covariate: name, sample: j });
    });
    columns.push({ name, covariate: name, values: Float64Array.from(values) });
  }
  checkFullRank(columns, batches.length, n);

  const p = columns.length;
  const design = new Float64Array(n * p);
  columns.forEach((c, k) => c.values.forEach((v, j) => (design[j * p + k] = v)));
  return { design, n, p, columns: columns.map((c) => c.name), batches, batchOf, members, referenceLevel };
}

function checkLength(name: string, length: number, n: number): void {
  if (length !== n) throw new StatsInputError(`covariate '${name}' has ${length} values for ${n} samples`, { covariate: name, length, samples: n });
}

/** Modified Gram–Schmidt (twice, for stability) over the columns; throws at the first dependent one. */
function checkFullRank(columns: ReadonlyArray<{ name: string; covariate: string | null; values: Float64Array }>, batchCount: number, n: number): void {
  if (columns.length > n) {
    throw new StatsInputError(`the ComBat design has ${columns.length} columns (batches + covariate levels) for only ${n} samples; use fewer covariates or levels`, { columns: columns.length, samples: n });
  }
  const basis: Float64Array[] = [];
  columns.forEach((column, k) => {
    const r = residual(column.values, basis);
    if (norm(r) <= COLLINEAR * Math.max(norm(column.values), Number.MIN_VALUE)) {
      const onBatchAlone = norm(residual(column.values, basis.slice(0, batchCount))) <= COLLINEAR * norm(column.values);
      const what = column.name === column.covariate ? `covariate '${column.covariate}'` : `covariate '${column.covariate}' (level '${column.name.slice(column.covariate!.length + 1)}')`;
      throw new StatsInputError(
        onBatchAlone
          ? `${what} is confounded with batch: it is determined by the batch labels (e.g. constant within every batch), so ComBat cannot separate the batch effect from it — drop the covariate or choose a batch variable that varies within its levels`
          : `${what} is a linear combination of batch and the covariates before it, so the ComBat design is not of full rank — drop it or merge levels`,
        { covariate: column.covariate, column: column.name, confoundedWithBatch: onBatchAlone, columnIndex: k },
      );
    }
    basis.push(scale(r, 1 / norm(r)));
  });
}

function residual(v: Float64Array, basis: readonly Float64Array[]): Float64Array {
  const r = Float64Array.from(v);
  for (let pass = 0; pass < 2; pass++) {
    for (const q of basis) {
      let dot = 0;
      for (let j = 0; j < r.length; j++) dot += q[j]! * r[j]!;
      for (let j = 0; j < r.length; j++) r[j] -= dot * q[j]!;
    }
  }
  return r;
}

function norm(v: Float64Array): number {
  let s = 0;
  for (let j = 0; j < v.length; j++) s += v[j]! * v[j]!;
  return Math.sqrt(s);
}

function scale(v: Float64Array, s: number): Float64Array {
  return v.map((x) => x * s);
}
