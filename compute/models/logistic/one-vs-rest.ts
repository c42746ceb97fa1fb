// Multi-class labels → one binary target per class (1 = this class, 0 = any other), classes sorted.
import type { Matrix } from "../../stats/matrix.js";
import { nestedCrossValidatedLogistic } from "./nested-cv.js";
import type { NestedCvOptions, NestedCvResult } from "./types.js";
import { StatsInputError } from "../../stats/stats-errors.js";

export function oneVsRest(labels: readonly string[]): { classes: string[]; targets: Uint8Array[] } {
  labels.forEach((label, i) => {
    if (typeof label !== "string" || label.length === 0) {
      throw new StatsInputError("one-vs-rest labels must be non-empty strings; drop patients without a label first", { index: i });
    }
  });
  const classes = [...new Set(labels)].sort();
  if (classes.length < 2) {
    throw new StatsInputError(`one-vs-rest needs at least 2 classes; every patient has '${classes[0] ?? ""}'`, { classes });
  }
  const index = new Map(classes.map((c, k) => [c, k]));
  const targets = classes.map(() => new Uint8Array(labels.length));
  labels.forEach((label, i) => {
    targets[index.get(label)!]![i] = 1;
  });
  return { classes, targets };
}

/** Nested CV of each class against the rest (same options and seed for every class). */
export function nestedCvOneVsRest(
  X: Matrix,
  labels: readonly string[],
  options: NestedCvOptions,
): { classes: string[]; results: NestedCvResult[] } {
  const { classes, targets } = oneVsRest(labels);
  return { classes, results: targets.map((y) => nestedCrossValidatedLogistic(X, y, options)) };
}
