// Messages between the model pool and its workers. Inputs are structured-cloned (callers reuse their
// matrices, e.g. one design for every one-vs-rest class); results' typed arrays are transferred back.
import type { ErrorCode } from "../../compute/errors.js";
import type { ModelFitName } from "./model-runners.js";

export interface ModelTask {
  id: number;
  fit: ModelFitName;
  args: unknown[];
}

/** A thrown error as data: its class name, code, message and details, so the pool rethrows the same class. */
export interface ModelTaskError {
  name: string;
  code: ErrorCode;
  message: string;
  details: Record<string, unknown>;
}

export type ModelTaskResult = { id: number; result: unknown; error?: never } | { id: number; result?: never; error: ModelTaskError };
