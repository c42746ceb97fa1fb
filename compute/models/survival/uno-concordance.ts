// Uno's C (IPCW concordance, truncated at τ), as scikit-survival concordance_index_ipcw: the censoring
// survival G is the reverse Kaplan–Meier of the TRAINING data (G(t) = Π_{s ≤ t} (1 − c_s / (n_s − d_s))),
// event i (Tᵢ < τ) weighs 1/G(Tᵢ)², pairs as in Harrell's C (j leaves later, or is censored at Tᵢ),
// ties in risk |Δ| ≤ tiedTolerance count ½. Risk: higher = worse.
import { StatsInputError } from "../../stats/stats-errors.js";
import { checkSurvival } from "./input-checks.js";
import type { SurvivalData } from "./types.js";

export interface UnoOptions {
  /** Truncation time τ: only events before τ count (default: none). */
  tau?: number;
  /** Default 1e-8 (sksurv's tied_tol). */
  tiedTolerance?: number;
}

/** Reverse-KM censoring survival of `train` as a step function. */
export function censoringSurvival(train: SurvivalData): (t: number) => number {
  const n = train.time.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => train.time[a]! - train.time[b]!);
  const times: number[] = [], G: number[] = [];
  let atRisk = n, g = 1;
  for (let k = 0; k < n; ) {
    const t = train.time[order[k]!]!;
    let d = 0, c = 0;
    while (k < n && train.time[order[k]!] === t) (train.event[order[k++]!] === 1 ? d++ : c++);
    if (c > 0) g *= 1 - c / (atRisk - d); // sksurv: n_at_risk − n_events, censorings as the "events"
    times.push(t); G.push(g);
    atRisk -= d + c;
  }
  return (t: number) => {
    if (t > times[times.length - 1]! && G[G.length - 1]! > 0) throw new StatsInputError(`time ${t} lies beyond the largest training time ${times[times.length - 1]}`, { time: t });
    let lo = 0, hi = times.length; // last index with times[idx] ≤ t
    while (lo < hi) { const mid = (lo + hi) >> 1; if (times[mid]! <= t) lo = mid + 1; else hi = mid; }
    return lo === 0 ? 1 : G[lo - 1]!;
  };
}

export function unoConcordance(train: SurvivalData, test: SurvivalData, risk: ArrayLike<number>, options: UnoOptions = {}): number {
  checkSurvival(train);
  checkSurvival(test);
  const n = test.time.length;
  if (risk.length !== n) throw new StatsInputError("risk must have one value per test patient", { risks: risk.length, patients: n });
  const tau = options.tau ?? Infinity, tol = options.tiedTolerance ?? 1e-8;
  const G = censoringSurvival(train);
  let num = 0, den = 0;
  for (let i = 0; i < n; i++) {
    const ti = test.time[i]!;
    if (test.event[i] !== 1 || !(ti < tau)) continue;
    const g = G(ti);
    if (!(g > 0)) throw new StatsInputError("the censoring survival is zero at an event time; lower τ", { time: ti });
    const w = 1 / (g * g);
    const ri = risk[i]!;
    for (let j = 0; j < n; j++) {
      const tj = test.time[j]!;
      if (!(tj > ti || (tj === ti && test.event[j] === 0))) continue;
      den += w;
      const diff = ri - risk[j]!;
      num += Math.abs(diff) <= tol ? 0.5 * w : diff > 0 ? w : 0;
    }
  }
  if (den === 0) throw new StatsInputError("no comparable pairs before τ: Uno's C is undefined", { tau });
  return num / den;
}
