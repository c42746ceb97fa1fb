// The feature × target Spearman matrix with its BH q-values as an injected async runner: inline on
// the calling thread by default, or AssociationWorkerPool.runner() over worker threads (same cells,
// bit for bit: the rank sums are exact integers whatever the split).
import {
  benjaminiHochberg,
  spearmanMatrix,
  type BenjaminiHochbergResult,
  type Matrix,
  type SpearmanMatrixResult,
  type SpearmanStageTimes,
} from "../../compute/stats/index.js";

export interface SpearmanWithQOptions {
  readonly minN?: number;
  /** A request's deadline or a job's cancel: stops the workers' tasks. */
  readonly signal?: AbortSignal;
  /** When given, seconds per stage are added to it (CPU seconds summed over workers; bh = sort + merge). */
  readonly stages?: AssociationStageTimes;
}

export interface AssociationStageTimes extends SpearmanStageTimes {
  bh: number;
}

export interface SpearmanWithQ {
  readonly result: SpearmanMatrixResult;
  readonly bh: BenjaminiHochbergResult;
}

export type SpearmanWithQRunner = (features: Matrix, targets: Matrix, options?: SpearmanWithQOptions) => Promise<SpearmanWithQ>;

/** Both on the calling thread (tests, CLI one-offs, small matrices). */
export const inlineSpearmanWithQ: SpearmanWithQRunner = async (features, targets, options = {}) => {
  options.signal?.throwIfAborted(); // one synchronous run: a deadline already past stops it before it starts
  const result = spearmanMatrix(features, targets, { minN: options.minN ?? 3, ...(options.stages ? { stages: options.stages } : {}) });
  const t = performance.now();
  const bh = benjaminiHochberg(result.p);
  if (options.stages) options.stages.bh += (performance.now() - t) / 1000;
  return { result, bh };
};
