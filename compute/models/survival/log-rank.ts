// k-group log-rank test (Mantel–Haenszel; hypergeometric covariance), as lifelines multivariate_logrank_test.
import { regularizedUpperGamma } from "../../stats/normal.js";
import { StatsInputError } from "../../stats/stats-errors.js";
import { checkSurvival } from "./input-checks.js";
import { solveSymmetric } from "./linear-algebra.js";
import type { LogRankResult, SurvivalData } from "./types.js";

/** χ² p-value with df degrees of freedom: Q(df/2, x/2). */
export function chiSquareSf(x: number, df: number): number {
  return x <= 0 ? 1 : regularizedUpperGamma(df / 2, x / 2);
}

export function logRankTest(data: SurvivalData, groups: ArrayLike<string>): LogRankResult {
  checkSurvival(data);
  const n = data.time.length;
  if (groups.length !== n) throw new StatsInputError("groups must have one label per patient", { groups: groups.length, patients: n });
  const labels = [...new Set(Array.from(groups))].sort();
  const k = labels.length;
  if (k < 2) throw new StatsInputError("the log-rank test needs at least two groups", { groups: labels });
  const g = Uint32Array.from(Array.from(groups), (l) => labels.indexOf(l));
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => data.time[a]! - data.time[b]!);
  const atRisk = new Float64Array(k);
  for (let i = 0; i < n; i++) atRisk[g[i]!]!++;
  const O = new Float64Array(k), E = new Float64Array(k), V = new Float64Array(k * k);
  const d = new Float64Array(k), left = new Float64Array(k);
  for (let s = 0; s < n; ) {
    const t = data.time[order[s]!]!;
    d.fill(0); left.fill(0);
    while (s < n && data.time[order[s]!] === t) {
      const i = order[s++]!;
      left[g[i]!]!++;
      if (data.event[i] === 1) d[g[i]!]!++;
    }
    let N = 0, D = 0;
    for (let a = 0; a < k; a++) { N += atRisk[a]!; D += d[a]!; }
    if (D > 0) {
      const f = N > 1 ? (D * (N - D)) / (N * N * (N - 1)) : 0; // hypergeometric variance factor
      for (let a = 0; a < k; a++) {
        O[a]! += d[a]!;
        E[a]! += (D * atRisk[a]!) / N;
        for (let b = 0; b < k; b++) V[a * k + b]! += f * atRisk[a]! * ((a === b ? N : 0) - atRisk[b]!);
      }
    }
    for (let a = 0; a < k; a++) atRisk[a]! -= left[a]!;
  }
  // statistic = (O−E)ᵀ V⁻¹ (O−E) over the first k − 1 groups (V has rank k − 1)
  const m = k - 1;
  const Vm = new Float64Array(m * m), r = new Float64Array(m);
  for (let a = 0; a < m; a++) { r[a] = O[a]! - E[a]!; for (let b = 0; b < m; b++) Vm[a * m + b] = V[a * k + b]!; }
  const x = solveSymmetric(Vm, r, m);
  let statistic = 0;
  for (let a = 0; a < m; a++) statistic += r[a]! * x[a]!;
  return { groups: labels, observed: O, expected: E, statistic, df: m, p: chiSquareSf(statistic, m) };
}
