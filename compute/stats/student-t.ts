// Student-t distribution via the regularized incomplete beta function.
import { regularizedIncompleteBeta } from "./incomplete-beta.js";
import { logBeta } from "./log-gamma.js";
import { StatsInputError } from "./stats-errors.js";

function checkDf(df: number): void {
  if (!(df > 0) || !Number.isFinite(df)) throw new StatsInputError("degrees of freedom must be positive and finite", { df });
}

/** Two-sided tail P(|T| ≥ |t|) for T ~ t(ν): I_{ν/(ν+t²)}(ν/2, ½). */
export function studentTTwoSidedP(t: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(t)) throw new StatsInputError("t statistic is NaN", { df });
  if (!Number.isFinite(t)) return 0;
  const t2 = t * t;
  return regularizedIncompleteBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2));
}

/** CDF P(T ≤ t) for T ~ t(ν): ½ I_{ν/(ν+t²)}(ν/2, ½) for t < 0, 1 − that for t ≥ 0. */
export function studentTCdf(t: number, df: number): number {
  const tail = studentTTwoSidedP(t, df) / 2;
  return t < 0 ? tail : 1 - tail;
}

/**
 * Two-sided p-value of a correlation r with ν = n − 2 df: t = r √(ν/(1−r²)), so p = I_{1−r²}(ν/2, ½).
 * `lnBeta` may pass a precomputed ln B(ν/2, ½) for a kernel evaluating many cells with one ν.
 */
export function correlationTwoSidedP(r: number, df: number, lnBeta: number = logBeta(df / 2, 0.5)): number {
  checkDf(df);
  if (Number.isNaN(r)) throw new StatsInputError("correlation is NaN", { df });
  const a = Math.min(1, Math.abs(r));
  if (a === 1) return 0;
  const oneMinusR2 = (1 - a) * (1 + a); // 1 − r² without cancellation near |r| = 1
  return regularizedIncompleteBeta(oneMinusR2, df / 2, 0.5, a * a, lnBeta);
}
