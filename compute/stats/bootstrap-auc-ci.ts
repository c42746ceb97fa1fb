// Stratified bootstrap CI of an AUC: resample positives and negatives separately with replacement
// (class sizes kept, as pROC's ci.auc(method = "bootstrap", stratified = TRUE)), AUC of each
// resample, percentile interval (type-7 quantiles, numpy's default "linear").
import { SeededRandom } from "../seeded-random.js";
import { checkBinaryScores, rocAuc } from "./roc-auc.js";
import { StatsInputError } from "./stats-errors.js";

export interface BootstrapAucCi {
  auc: number;
  ci95: [number, number];
  samples: number;
  level: number;
}

export function bootstrapAucCi(
  scores: ArrayLike<number>,
  y: ArrayLike<number>,
  options: { samples?: number; seed: number; level?: number },
): BootstrapAucCi {
  const samples = options.samples ?? 2000;
  const level = options.level ?? 0.95;
  if (!Number.isInteger(samples) || samples < 10) throw new StatsInputError("bootstrap samples must be an integer ≥ 10", { samples });
  if (!(level > 0 && level < 1)) throw new StatsInputError("CI level must be in (0, 1)", { level });
  checkBinaryScores(scores, y, "bootstrap AUC CI");
  const auc = rocAuc(scores, y);
  const pos: number[] = [];
  const neg: number[] = [];
  for (let i = 0; i < y.length; i++) (y[i] === 1 ? pos : neg).push(scores[i]!);
  const n = y.length;
  const s = new Float64Array(n);
  const labels = new Uint8Array(n);
  labels.fill(1, 0, pos.length);
  const rng = new SeededRandom(options.seed);
  const aucs = new Float64Array(samples);
  for (let b = 0; b < samples; b++) {
    for (let i = 0; i < pos.length; i++) s[i] = pos[Math.floor(rng.next() * pos.length)]!;
    for (let j = 0; j < neg.length; j++) s[pos.length + j] = neg[Math.floor(rng.next() * neg.length)]!;
    aucs[b] = rocAuc(s, labels);
  }
  aucs.sort();
  return { auc, ci95: [quantile7(aucs, (1 - level) / 2), quantile7(aucs, (1 + level) / 2)], samples, level };
}

/** Type-7 quantile of sorted values: h = (m − 1) q, linear between neighbours. */
function quantile7(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
