// ROC AUC and ROC curve of scores against 1/0 labels, as scikit-learn's roc_auc_score / roc_curve.
//
// AUC = (Σ over positive–negative pairs of [s⁺ > s⁻] + ½ [s⁺ = s⁻]) / (n⁺ n⁻) (Hanley & McNeil 1982),
// the area under the trapezoidal ROC curve, so ties count ½ exactly as sklearn's trapezoid does.
// Computed from midranks: AUC = (R⁺ − n⁺(n⁺+1)/2) / (n⁺ n⁻), R⁺ = rank sum of the positives.
import { averageRanksInto } from "./ranks.js";
import { StatsInputError } from "./stats-errors.js";

/** Checks scores/labels and returns the number of positives; throws on NaN, bad labels, one class. */
export function checkBinaryScores(scores: ArrayLike<number>, y: ArrayLike<number>, what = "AUC"): number {
  if (scores.length !== y.length) {
    throw new StatsInputError(`${what}: scores and labels must have the same length`, { scores: scores.length, labels: y.length });
  }
  let positives = 0;
  for (let i = 0; i < y.length; i++) {
    const label = y[i]!;
    if (label !== 0 && label !== 1) throw new StatsInputError(`${what}: labels must be 1 (positive) or 0 (negative)`, { index: i, value: label });
    if (Number.isNaN(scores[i]!)) throw new StatsInputError(`${what}: score ${i} is NaN; drop or impute it first`, { index: i });
    positives += label;
  }
  if (positives === 0 || positives === y.length) {
    throw new StatsInputError(`${what} needs both classes: all ${y.length} labels are ${positives === 0 ? 0 : 1}`, { n: y.length, positives });
  }
  return positives;
}

/** Area under the ROC curve (= sklearn.metrics.roc_auc_score for binary labels; ties count ½). */
export function rocAuc(scores: ArrayLike<number>, y: ArrayLike<number>): number {
  const positives = checkBinaryScores(scores, y);
  const n = y.length;
  const ranks = new Float64Array(n);
  averageRanksInto(scores, ranks, new Float64Array(n));
  let rankSum = 0;
  for (let i = 0; i < n; i++) if (y[i] === 1) rankSum += ranks[i]!;
  const negatives = n - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export interface RocCurve {
  fpr: Float64Array;
  tpr: Float64Array;
  /** Decreasing; thresholds[0] = +Infinity (the "predict nothing positive" point), as sklearn ≥ 1.3. */
  thresholds: Float64Array;
}

/**
 * ROC curve as sklearn.metrics.roc_curve(y, scores, drop_intermediate=True): one point per distinct
 * score (descending), collinear interior points dropped, and a leading (0, 0) point at +Infinity.
 */
export function rocCurve(scores: ArrayLike<number>, y: ArrayLike<number>): RocCurve {
  const positives = checkBinaryScores(scores, y, "ROC curve");
  const n = y.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const tps: number[] = [];
  const fps: number[] = [];
  const thresholds: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    if (y[i] === 1) tp++;
    else fp++;
    if (k === n - 1 || scores[order[k + 1]!] !== scores[i]) {
      tps.push(tp);
      fps.push(fp);
      thresholds.push(scores[i]!);
    }
  }
  // sklearn: keep index 0, the last, and every point where the second difference of fps or tps ≠ 0.
  const keep: number[] = [];
  for (let k = 0; k < tps.length; k++) {
    if (k === 0 || k === tps.length - 1) keep.push(k);
    else if (fps[k - 1]! - 2 * fps[k]! + fps[k + 1]! !== 0 || tps[k - 1]! - 2 * tps[k]! + tps[k + 1]! !== 0) keep.push(k);
  }
  const negatives = n - positives;
  const m = keep.length + 1;
  const curve: RocCurve = { fpr: new Float64Array(m), tpr: new Float64Array(m), thresholds: new Float64Array(m) };
  curve.thresholds[0] = Infinity;
  for (let c = 0; c < keep.length; c++) {
    const k = keep[c]!;
    curve.fpr[c + 1] = fps[k]! / negatives;
    curve.tpr[c + 1] = tps[k]! / positives;
    curve.thresholds[c + 1] = thresholds[k]!;
  }
  return curve;
}
