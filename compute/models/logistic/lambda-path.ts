import type { Matrix } from "../../stats/matrix.js";
import type { LambdaPathOptions } from "./types.js";

/** λmax (all-zero) downwards, log-spaced. */
export function lambdaPath(X: Matrix, y: Uint8Array, options: LambdaPathOptions): Float64Array {
  void X; void y; void options;
  throw new Error("not implemented yet");
}
