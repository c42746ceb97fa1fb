// Per-feature batch-effect test (Kruskal–Wallis across batches) before and after harmonisation.
import type { Matrix } from "../stats/matrix.js";

export interface BatchEffectDiagnostic {
  feature: number;
  before: { statistic: number; p: number };
  after: { statistic: number; p: number };
}

export function batchEffectDiagnostics(before: Matrix, after: Matrix, batch: readonly string[]): BatchEffectDiagnostic[] {
  void before;
  void after;
  void batch;
  throw new Error("not implemented yet");
}
