// Stratified k-fold split: each class's rows are shuffled (SeededRandom, Fisher–Yates) and dealt
// round-robin to the folds, the deal continuing from class to class, so every fold holds
// ⌊m/k⌋ or ⌈m/k⌉ of each class of size m and fold sizes differ by at most one.
import { SeededRandom } from "../seeded-random.js";
import { StatsInputError } from "./stats-errors.js";

/** Test indices (ascending) of each of k folds; every fold holds both classes. */
export function stratifiedKFold(y: ArrayLike<number>, k: number, seed: number): Uint32Array[] {
  if (!Number.isInteger(k) || k < 2) throw new StatsInputError("the number of folds must be an integer ≥ 2", { folds: k });
  const byClass: number[][] = [[], []];
  for (let i = 0; i < y.length; i++) {
    const label = y[i]!;
    if (label !== 0 && label !== 1) throw new StatsInputError("fold labels must be 1 or 0", { index: i, value: label });
    byClass[label]!.push(i);
  }
  const [negatives, positives] = [byClass[0]!.length, byClass[1]!.length];
  if (Math.min(negatives, positives) < k) {
    throw new StatsInputError(
      `${k}-fold stratified CV needs at least ${k} patients of each class; there are ${positives} positive and ${negatives} negative. Use fewer folds or more patients.`,
      { folds: k, positives, negatives },
    );
  }
  const rng = new SeededRandom(seed);
  const members: number[][] = Array.from({ length: k }, () => []);
  let next = 0;
  for (const rows of [byClass[1]!, byClass[0]!]) {
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
    for (const row of rows) {
      members[next]!.push(row);
      next = (next + 1) % k;
    }
  }
  return members.map((rows) => Uint32Array.from(rows).sort());
}
