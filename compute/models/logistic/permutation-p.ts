// Permutation p-value of a cross-validated AUC (Phipson & Smyth 2010, Stat. Appl. Genet. Mol. Biol.
// 9:39): p = (b + 1) / (B + 1), b = number of the B label permutations (Fisher–Yates, seeded) whose
// rerun of the whole procedure reaches an AUC ≥ the observed one. Never 0.
import type { SeededRandom } from "../../seeded-random.js";

/** The B permuted label vectors the procedure is rerun on, drawn from `rng` in order (Fisher–Yates; each shuffles the previous). */
export function permutedLabels(y: Uint8Array, permutations: number, rng: SeededRandom): Uint8Array[] {
  const out: Uint8Array[] = [];
  const permuted = Uint8Array.from(y);
  for (let b = 0; b < permutations; b++) {
    for (let i = permuted.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      const t = permuted[i]!;
      permuted[i] = permuted[j]!;
      permuted[j] = t;
    }
    out.push(Uint8Array.from(permuted));
  }
  return out;
}

/** (b + 1) / (B + 1) from the permutations' AUCs already computed. */
export function permutationPFromAucs(observed: number, aucs: readonly number[]): number {
  let atLeast = 0;
  for (const auc of aucs) if (auc >= observed) atLeast++;
  return (atLeast + 1) / (aucs.length + 1);
}
