// Multi-class labels → one binary target per class (1 = this class, 0 = any other), classes sorted.
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
