import { describe, expect, it } from "vitest";
import { stratifiedKFold, StatsInputError } from "../../../compute/stats/index.js";

describe("stratifiedKFold", () => {
  const y = Uint8Array.from({ length: 103 }, (_, i) => (i % 3 === 0 ? 1 : 0)); // 35 positive, 68 negative
  it("partitions every row once, keeps class shares and fold sizes within one", () => {
    const folds = stratifiedKFold(y, 5, 42);
    const seen = new Uint8Array(y.length);
    for (const fold of folds) for (const i of fold) seen[i]!++;
    expect(seen.every((c) => c === 1)).toBe(true);
    const sizes = folds.map((f) => f.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    for (const fold of folds) {
      const pos = Array.from(fold).filter((i) => y[i] === 1).length;
      expect(pos === 7).toBe(true); // 35 / 5
      const neg = fold.length - pos;
      expect(neg === 13 || neg === 14).toBe(true); // 68 / 5
      expect(Array.from(fold)).toEqual(Array.from(fold).sort((a, b) => a - b));
    }
  });
  it("is reproduced by its seed and changes with it", () => {
    expect(stratifiedKFold(y, 5, 42)).toEqual(stratifiedKFold(y, 5, 42));
    expect(stratifiedKFold(y, 5, 43)).not.toEqual(stratifiedKFold(y, 5, 42));
  });
  it("refuses fewer patients of a class than folds, and bad k or labels", () => {
    const few = Uint8Array.from([1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(() => stratifiedKFold(few, 5, 1)).toThrow(/at least 5 patients of each class; there are 3 positive/);
    expect(() => stratifiedKFold(few, 1, 1)).toThrow(StatsInputError);
    expect(() => stratifiedKFold([0, 1, 2], 2, 1)).toThrow(/labels/);
  });
});
