import type { Matrix } from "../../stats/matrix.js";
import type { LogisticFit, PenalisedLogisticOptions } from "./types.js";

/** One penalised logistic fit at one λ (see index.ts for the objective). */
export function fitPenalisedLogistic(X: Matrix, y: Uint8Array, options: PenalisedLogisticOptions): LogisticFit {
  void X; void y; void options;
  throw new Error("not implemented yet");
}
