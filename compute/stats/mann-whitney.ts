// Mann–Whitney U test (two-sided) and AUC = U / (n1·n2), as scipy.stats.mannwhitneyu.
//
// Group 1 is "x" (e.g. mutated), group 2 is "y" (wild type); U is U1, the statistic of x, so
// AUC = P(X > Y) + ½ P(X = Y) is the probability a mutated sample ranks above a wild-type one.
// NaN values are missing and dropped before anything else (their count is reported).
// p-values: "asymptotic" = normal approximation with tie correction and continuity correction;
// "exact" = exact permutation distribution (only without ties); "auto" = exact when a group has at
// most 8 values and there are no ties (scipy's rule), asymptotic otherwise — and also asymptotic
// when the exact distribution would exceed EXACT_WORK_LIMIT (8 against more than ~60,000), where
// scipy would still compute it exactly.
import { EXACT_WORK_LIMIT, exactWork, mannWhitneyExactSf } from "./mann-whitney-exact.js";
import { normalSf } from "./normal.js";
import { averageRanksInto } from "./ranks.js";
import { StatsInputError, undefinedResult, type Undefined } from "./stats-errors.js";

export type MannWhitneyMethod = "auto" | "exact" | "asymptotic";

export interface MannWhitneyOptions {
  /** Default "auto". */
  readonly method?: MannWhitneyMethod;
  /** Minimum size of each group after dropping NaN; smaller gives "group-too-small". Default 3. */
  readonly minGroupSize?: number;
  /** Continuity correction of the normal approximation. Default true (as scipy). */
  readonly useContinuity?: boolean;
}

export interface MannWhitneyDefined {
  readonly ok: true;
  /** U1 = R1 − n1(n1+1)/2, the statistic of group 1 (x). */
  readonly u: number;
  /** U1 / (n1·n2). */
  readonly auc: number;
  /** Two-sided p-value. */
  readonly p: number;
  readonly n1: number;
  readonly n2: number;
  readonly method: "exact" | "asymptotic";
}

export type MannWhitneyResult = MannWhitneyDefined | Undefined;

export interface Settings {
  readonly method: MannWhitneyMethod;
  readonly minGroupSize: number;
  readonly useContinuity: boolean;
}

/** Options with defaults filled in; throws StatsInputError on an invalid option. */
export function mannWhitneySettings(options: MannWhitneyOptions): Settings {
  const s = {
    method: options.method ?? "auto",
    minGroupSize: options.minGroupSize ?? 3,
    useContinuity: options.useContinuity ?? true,
  };
  if (!["auto", "exact", "asymptotic"].includes(s.method)) throw new StatsInputError("unknown Mann–Whitney method", { method: s.method });
  if (!Number.isInteger(s.minGroupSize) || s.minGroupSize < 1) {
    throw new StatsInputError("minGroupSize must be a positive integer", { minGroupSize: s.minGroupSize });
  }
  return s;
}

/** z = (U − n1n2/2 − ½) / √(n1n2/12 · ((n+1) − Σ(t³−t)/(n(n−1)))), U = max(U1, U2). */
function asymptoticP(uMax: number, n1: number, n2: number, tieTerm: number, continuity: boolean): number {
  const n = n1 + n2;
  const s = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  const numerator = uMax - (n1 * n2) / 2 - (continuity ? 0.5 : 0);
  return Math.min(1, 2 * normalSf(numerator / s));
}

function chooseExact(method: MannWhitneyMethod, n1: number, n2: number, tieTerm: number): boolean {
  if (method === "asymptotic") return false;
  if (method === "exact") {
    if (tieTerm > 0) throw new StatsInputError("the exact Mann–Whitney p-value needs data without ties; use method 'asymptotic'");
    if (exactWork(n1, n2) > EXACT_WORK_LIMIT) {
      throw new StatsInputError("groups too large for the exact Mann–Whitney p-value; use method 'asymptotic'", { n1, n2 });
    }
    return true;
  }
  return (n1 <= 8 || n2 <= 8) && tieTerm === 0 && exactWork(n1, n2) <= EXACT_WORK_LIMIT;
}

/** The test from the rank sum R1 of group 1 and the tie term Σ(t³ − t) of the pooled sample. */
export function mannWhitneyFromRankSum(
  rankSum1: number,
  n1: number,
  n2: number,
  tieTerm: number,
  options: MannWhitneyOptions = {},
): MannWhitneyResult {
  const s = mannWhitneySettings(options);
  if (n1 < s.minGroupSize || n2 < s.minGroupSize) return undefinedResult("group-too-small", { n1, n2 });
  const n = n1 + n2;
  if (tieTerm === n * n * n - n) return undefinedResult("all-values-tied", { n1, n2 });
  const u1 = rankSum1 - (n1 * (n1 + 1)) / 2; // U1 = R1 − n1(n1+1)/2
  const uMax = Math.max(u1, n1 * n2 - u1);
  const exact = chooseExact(s.method, n1, n2, tieTerm);
  const p = exact ? Math.min(1, 2 * mannWhitneyExactSf(uMax, n1, n2)) : asymptoticP(uMax, n1, n2, tieTerm, s.useContinuity);
  return { ok: true, u: u1, auc: u1 / (n1 * n2), p, n1, n2, method: exact ? "exact" : "asymptotic" };
}

/** Mann–Whitney U of x (group 1) against y (group 2), NaN dropped. */
export function mannWhitney(x: ArrayLike<number>, y: ArrayLike<number>, options: MannWhitneyOptions = {}): MannWhitneyResult {
  const pooled: number[] = [];
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i]!)) pooled.push(x[i]!);
  const n1 = pooled.length;
  for (let i = 0; i < y.length; i++) if (!Number.isNaN(y[i]!)) pooled.push(y[i]!);
  const n2 = pooled.length - n1;
  const ranks = new Float64Array(pooled.length);
  const tieTerm = averageRanksInto(pooled, ranks, new Float64Array(pooled.length));
  let r1 = 0;
  for (let i = 0; i < n1; i++) r1 += ranks[i]!;
  return mannWhitneyFromRankSum(r1, n1, n2, tieTerm, options);
}
