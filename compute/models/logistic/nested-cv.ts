import type { Matrix } from "../../stats/matrix.js";
import type { NestedCvOptions, NestedCvResult } from "./types.js";

/** Nested stratified k-fold CV of a penalised logistic signature. */
export function nestedCrossValidatedLogistic(X: Matrix, y: Uint8Array, options: NestedCvOptions): NestedCvResult {
  void X; void y; void options;
  throw new Error("not implemented yet");
}
