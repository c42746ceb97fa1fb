// Average ranks with ties (1-based, as scipy.stats.rankdata(method="average")).
//
// Missing values: NaN is "missing". `averageRanks` refuses NaN (typed error); `ranksOfPresent`
// drops NaN and reports which positions were kept. ±Infinity are ordinary, ordered values.
import { sortWithIndex } from "./sort-with-index.js";
import { StatsInputError } from "./stats-errors.js";

/** Ranks of a complete vector, plus the tie term Σ(t³ − t) over tie groups of size t. */
export interface Ranks {
  /** 1-based average ranks, same order as the input. */
  readonly ranks: Float64Array;
  /** Σ(t³ − t) over groups of t tied values (0 when there are no ties). */
  readonly tieTerm: number;
}

/** Ranks of the non-missing values of a vector. */
export interface PresentRanks extends Ranks {
  /** Input positions of the ranked values, ascending; ranks[k] is the rank of values[kept[k]]. */
  readonly kept: Uint32Array;
}

/**
 * Writes the average ranks of `values` (no NaN) into `out`; `keys` and `order` are scratch of at
 * least the same length. A run of tied values at sorted positions [i, j) gets rank (i + 1 + j) / 2.
 * Returns the tie term Σ(t³ − t).
 */
export function averageRanksInto(
  values: ArrayLike<number>,
  out: Float64Array,
  keys: Float64Array,
  order: Uint32Array = new Uint32Array(values.length),
): number {
  const n = values.length;
  for (let i = 0; i < n; i++) {
    keys[i] = values[i]!;
    order[i] = i;
  }
  sortWithIndex(keys, order, n);
  let tieTerm = 0;
  let i = 0;
  while (i < n) {
    let j = i + 1;
    while (j < n && keys[j] === keys[i]) j++;
    const rank = (i + 1 + j) / 2; // mean of ranks i+1 … j
    for (let k = i; k < j; k++) out[order[k]!] = rank;
    const t = j - i;
    if (t > 1) tieTerm += t * t * t - t; // t³ − t
    i = j;
  }
  return tieTerm;
}

/** Average ranks of a vector without missing values; NaN is refused with a StatsInputError. */
export function averageRanks(values: ArrayLike<number>): Ranks {
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i]!)) {
      throw new StatsInputError("averageRanks: input contains NaN; use ranksOfPresent to drop missing values", {
        index: i,
      });
    }
  }
  const ranks = new Float64Array(values.length);
  const tieTerm = averageRanksInto(values, ranks, new Float64Array(values.length));
  return { ranks, tieTerm };
}

/** Average ranks of the non-NaN values; NaN positions are dropped and listed by omission from `kept`. */
export function ranksOfPresent(values: ArrayLike<number>): PresentRanks {
  let m = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) m++;
  const kept = new Uint32Array(m);
  const present = new Float64Array(m);
  for (let i = 0, k = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) {
      kept[k] = i;
      present[k++] = v;
    }
  }
  const ranks = new Float64Array(m);
  const tieTerm = averageRanksInto(present, ranks, new Float64Array(m));
  return { ranks, tieTerm, kept };
}
