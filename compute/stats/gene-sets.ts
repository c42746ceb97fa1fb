// Gene sets as row indices into an expression matrix (G genes × n samples).
import { StatsInputError } from "./stats-errors.js";

/** Member rows of each set, deduplicated and sorted; throws on indices outside 0 … genes − 1. */
export function normaliseGeneSets(sets: ReadonlyArray<ArrayLike<number>>, genes: number): Uint32Array[] {
  return sets.map((set, s) => {
    const unique = new Set<number>();
    for (let k = 0; k < set.length; k++) {
      const g = set[k]!;
      if (!Number.isInteger(g) || g < 0 || g >= genes) {
        throw new StatsInputError("gene set member is not a row of the expression matrix", { set: s, member: g, genes });
      }
      unique.add(g);
    }
    return Uint32Array.from([...unique].sort((a, b) => a - b));
  });
}
