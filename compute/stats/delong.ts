// DeLong's variance of an AUC and its normal CI (DeLong, DeLong & Clarke-Pearson 1988, Biometrics
// 44:837; fast midrank form of Sun & Xu 2014, IEEE Signal Process. Lett. 21:1389), as pROC's
// ci.auc(method = "delong"):
//   V10ᵢ = (Rᵢ − R⁺ᵢ) / n⁻ for each positive i (R = midrank among all, R⁺ = midrank among positives),
//   V01ⱼ = 1 − (Rⱼ − R⁻ⱼ) / n⁺ for each negative j,
//   Var(AUC) = S10 / n⁺ + S01 / n⁻ (S = sample variances, divisor m − 1),
//   CI = AUC ± z₍₁₋α/2₎ √Var, clipped to [0, 1].
import { normalQuantile } from "./normal-quantile.js";
import { averageRanksInto } from "./ranks.js";
import { checkBinaryScores } from "./roc-auc.js";
import { StatsInputError } from "./stats-errors.js";

export interface DelongAucCi {
  auc: number;
  variance: number;
  ci95: [number, number];
  level: number;
}

/** AUC with DeLong's variance and a level-CI (default 0.95; the field is named ci95 whatever the level). */
export function delongAucCi(scores: ArrayLike<number>, y: ArrayLike<number>, level = 0.95): DelongAucCi {
  if (!(level > 0 && level < 1)) throw new StatsInputError("CI level must be in (0, 1)", { level });
  const positives = checkBinaryScores(scores, y, "DeLong AUC CI");
  const n = y.length;
  const negatives = n - positives;
  if (positives < 2 || negatives < 2) {
    throw new StatsInputError("DeLong's variance needs at least 2 positives and 2 negatives", { positives, negatives });
  }
  const pos = new Float64Array(positives);
  const neg = new Float64Array(negatives);
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    if (y[i] === 1) pos[a++] = scores[i]!;
    else neg[b++] = scores[i]!;
  }
  const all = new Float64Array(n);
  all.set(pos, 0);
  all.set(neg, positives);
  const rAll = new Float64Array(n);
  averageRanksInto(all, rAll, new Float64Array(n));
  const rPos = new Float64Array(positives);
  averageRanksInto(pos, rPos, new Float64Array(positives));
  const rNeg = new Float64Array(negatives);
  averageRanksInto(neg, rNeg, new Float64Array(negatives));
  const v10 = new Float64Array(positives);
  const v01 = new Float64Array(negatives);
  let aucSum = 0;
  for (let i = 0; i < positives; i++) {
    v10[i] = (rAll[i]! - rPos[i]!) / negatives;
    aucSum += v10[i]!;
  }
  for (let j = 0; j < negatives; j++) v01[j] = 1 - (rAll[positives + j]! - rNeg[j]!) / positives;
  const auc = aucSum / positives;
  const variance = sampleVariance(v10) / positives + sampleVariance(v01) / negatives;
  const half = normalQuantile(0.5 + level / 2) * Math.sqrt(variance);
  return { auc, variance, ci95: [Math.max(0, auc - half), Math.min(1, auc + half)], level };
}

function sampleVariance(v: Float64Array): number {
  let mean = 0;
  for (let i = 0; i < v.length; i++) mean += v[i]!;
  mean /= v.length;
  let ss = 0;
  for (let i = 0; i < v.length; i++) ss += (v[i]! - mean) ** 2;
  return ss / (v.length - 1);
}
