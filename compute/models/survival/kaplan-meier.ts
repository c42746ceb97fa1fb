// Kaplan–Meier estimator per group, Greenwood SE, exponential-Greenwood 95 % CI and median (as lifelines KaplanMeierFitter).
import { normalQuantile } from "../../stats/normal-quantile.js";
import { StatsInputError } from "../../stats/stats-errors.js";
import { checkSurvival } from "./input-checks.js";
import type { KaplanMeierCurve, SurvivalData } from "./types.js";

/** KM curve of the rows listed in `rows` (all rows when omitted). */
export function kaplanMeierCurve(data: SurvivalData, group = "all", atRiskTimes: readonly number[] = [], rows?: ArrayLike<number>): KaplanMeierCurve {
  const idx = rows ? Array.from(rows) : Array.from({ length: data.time.length }, (_, i) => i);
  if (idx.length === 0) throw new StatsInputError(`group '${group}' has no patients`, { group });
  idx.sort((a, b) => data.time[a]! - data.time[b]!);
  const times: number[] = [], ev: number[] = [], cen: number[] = [], risk: number[] = [];
  let atRisk = idx.length;
  for (let k = 0; k < idx.length; ) {
    const t = data.time[idx[k]!]!;
    let d = 0, c = 0;
    while (k < idx.length && data.time[idx[k]!] === t) (data.event[idx[k++]!] === 1 ? d++ : c++);
    times.push(t); ev.push(d); cen.push(c); risk.push(atRisk);
    atRisk -= d + c;
  }
  const m = times.length;
  const survival = new Float64Array(m), se = new Float64Array(m), lower = new Float64Array(m), upper = new Float64Array(m);
  const z = normalQuantile(0.975);
  let s = 1, greenwood = 0;
  for (let i = 0; i < m; i++) {
    const n = risk[i]!, d = ev[i]!;
    s *= 1 - d / n;
    if (d > 0) greenwood += n === d ? Infinity : d / (n * (n - d)); // Σ d/(n(n−d))
    survival[i] = s;
    se[i] = s === 0 ? 0 : s * Math.sqrt(greenwood); // S = 0: Greenwood is ∞·0, reported as 0
    // exp(−exp(log(−log S) ± z·sqrt(Σ)/log S)), lifelines' _bounds
    const v = Math.log(s);
    const a = Math.exp(-Math.exp(Math.log(-v) - (z * Math.sqrt(greenwood)) / v));
    const b = Math.exp(-Math.exp(Math.log(-v) + (z * Math.sqrt(greenwood)) / v));
    const band = s > 0 && s < 1 && Number.isFinite(greenwood); // S = 1 (no event yet) or 0: no band, bounds = S
    lower[i] = band ? Math.min(a, b) : s;
    upper[i] = band ? Math.max(a, b) : s;
  }
  let median: number | null = null;
  for (let i = 0; i < m && median === null; i++) if (survival[i]! <= 0.5) median = times[i]!;
  const atRiskAt = atRiskTimes.map((tau) => {
    let r = 0;
    for (let i = 0; i < m; i++) if (times[i]! >= tau) { r = risk[i]!; break; }
    return { time: tau, atRisk: r };
  });
  return {
    group, n: idx.length, times: Float64Array.from(times), survival, standardError: se, ci95Lower: lower, ci95Upper: upper,
    atRisk: Uint32Array.from(risk), events: Uint32Array.from(ev), censored: Uint32Array.from(cen), medianSurvival: median, atRiskAt,
  };
}

/** One KM curve per distinct group label (sorted). */
export function kaplanMeier(data: SurvivalData, groups: ArrayLike<string>, atRiskTimes: readonly number[] = []): KaplanMeierCurve[] {
  checkSurvival(data);
  if (groups.length !== data.time.length) throw new StatsInputError("groups must have one label per patient", { groups: groups.length, patients: data.time.length });
  const byGroup = new Map<string, number[]>();
  for (let i = 0; i < groups.length; i++) (byGroup.get(groups[i]!) ?? byGroup.set(groups[i]!, []).get(groups[i]!)!).push(i);
  return [...byGroup.keys()].sort().map((g) => kaplanMeierCurve(data, g, atRiskTimes, byGroup.get(g)!));
}
