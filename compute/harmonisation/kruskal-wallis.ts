// Kruskal–Wallis H test (Kruskal & Wallis 1952), tie-corrected, as scipy.stats.kruskal:
//   H = [12 / (N(N+1)) Σ_g R_g² / n_g − 3(N+1)] / [1 − Σ(t³ − t) / (N³ − N)],  p = P(χ²_{k−1} > H)
// with R_g the sum of average ranks in group g and t the sizes of tied runs. χ² survival through the
// regularised upper gamma: P(χ²_ν > x) = Q(ν/2, x/2).
import { regularizedUpperGamma } from "../stats/normal.js";
import { averageRanks } from "../stats/ranks.js";
import { StatsInputError } from "../stats/stats-errors.js";

export interface KruskalWallisResult {
  statistic: number;
  degreesOfFreedom: number;
  p: number;
}

export function kruskalWallis(values: ArrayLike<number>, groups: readonly string[]): KruskalWallisResult {
  const N = values.length;
  if (groups.length !== N) throw new StatsInputError(`Kruskal–Wallis: ${groups.length} group labels for ${N} values`, { values: N, labels: groups.length });
  for (let i = 0; i < N; i++) {
    if (!Number.isFinite(values[i]!)) throw new StatsInputError(`Kruskal–Wallis: value ${i} is ${values[i]}; drop missing values first`, { index: i });
  }
  const index = new Map<string, number>();
  const groupOf = Uint32Array.from(groups, (g) => {
    if (!index.has(g)) index.set(g, index.size);
    return index.get(g)!;
  });
  const k = index.size;
  if (k < 2) throw new StatsInputError("Kruskal–Wallis needs at least two groups", { groups: k });
  const { ranks, tieTerm } = averageRanks(values);
  const correction = 1 - tieTerm / (N ** 3 - N);
  if (!(correction > 0)) throw new StatsInputError("Kruskal–Wallis: all values are tied, so the statistic is undefined (the feature is constant)", { n: N });
  const rankSum = new Float64Array(k);
  const size = new Float64Array(k);
  for (let i = 0; i < N; i++) {
    rankSum[groupOf[i]!] += ranks[i]!;
    size[groupOf[i]!] += 1;
  }
  let ssbn = 0;
  for (let g = 0; g < k; g++) ssbn += rankSum[g]! ** 2 / size[g]!;
  const h = ((12 / (N * (N + 1))) * ssbn - 3 * (N + 1)) / correction;
  const df = k - 1;
  return { statistic: h, degreesOfFreedom: df, p: regularizedUpperGamma(df / 2, Math.max(h, 0) / 2) };
}
