// Per-feature batch-effect test before and after harmonisation: Kruskal–Wallis of each feature's values
// across batches (kruskal-wallis.ts). A removed batch effect shows as a small p before and a large one after.
import type { Matrix } from "../stats/matrix.js";
import { StatsInputError } from "../stats/stats-errors.js";
import { kruskalWallis } from "./kruskal-wallis.js";

export interface BatchEffectDiagnostic {
  feature: number;
  before: { statistic: number; p: number };
  after: { statistic: number; p: number };
}

export function batchEffectDiagnostics(before: Matrix, after: Matrix, batch: readonly string[]): BatchEffectDiagnostic[] {
  if (before.rows !== after.rows || before.cols !== after.cols) {
    throw new StatsInputError("batch-effect diagnostics: the data before and after harmonisation differ in shape", {
      before: [before.rows, before.cols],
      after: [after.rows, after.cols],
    });
  }
  if (batch.length !== before.cols) throw new StatsInputError(`batch has ${batch.length} labels for ${before.cols} samples`, { labels: batch.length, samples: before.cols });
  const n = before.cols;
  const out: BatchEffectDiagnostic[] = [];
  for (let f = 0; f < before.rows; f++) {
    const test = (m: Matrix, when: string) => {
      try {
        const { statistic, p } = kruskalWallis(m.data.subarray(f * n, (f + 1) * n), batch);
        return { statistic, p };
      } catch (error) {
        if (error instanceof StatsInputError) throw new StatsInputError(`feature ${f} (${when} harmonisation): ${error.message}`, { feature: f, ...error.details });
        throw error;
      }
    };
    out.push({ feature: f, before: test(before, "before"), after: test(after, "after") });
  }
  return out;
}
