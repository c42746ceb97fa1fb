// Harrell's C-index with lifelines' concordance_index semantics: a pair (i, j) is comparable when i has
// the event and j left later (Tⱼ > Tᵢ), or j is censored at Tᵢ; tied event times of two events are not
// comparable; tied predictions count ½. `risk` is higher = worse (a Cox linear predictor), i.e. lifelines'
// concordance_index(T, −risk, E).
import { StatsInputError } from "../../stats/stats-errors.js";

export function harrellConcordance(time: ArrayLike<number>, event: ArrayLike<number>, risk: ArrayLike<number>): number {
  const n = time.length;
  if (risk.length !== n || event.length !== n) throw new StatsInputError("time, event and risk must have one value per patient", { times: n, events: event.length, risks: risk.length });
  let concordant = 0, pairs = 0;
  for (let i = 0; i < n; i++) {
    if (event[i] !== 1) continue;
    const ti = time[i]!, ri = risk[i]!;
    if (!Number.isFinite(ri)) throw new StatsInputError("risk scores must be finite", { index: i, value: String(ri) });
    for (let j = 0; j < n; j++) {
      const tj = time[j]!;
      if (!(tj > ti || (tj === ti && event[j] === 0))) continue;
      pairs++;
      const rj = risk[j]!;
      concordant += ri > rj ? 1 : ri === rj ? 0.5 : 0;
    }
  }
  if (pairs === 0) throw new StatsInputError("no comparable pairs: the C-index is undefined (no events, or all events tied at the last time)");
  return concordant / pairs;
}
