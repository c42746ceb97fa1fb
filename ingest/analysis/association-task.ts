// Messages between the association pool and its workers. Every array lives on a SharedArrayBuffer:
// posting a view shares the memory, so the matrices go to the workers and the results come back with
// no copy. A task computes target rows [from, to) into the shared result and sorts its p-values for BH.
import type { Matrix, SpearmanStageTimes } from "../../compute/stats/index.js";
import type { ModelTaskError } from "./model-task.js";

export interface AssociationTask {
  id: number;
  features: Matrix;
  targets: Matrix;
  from: number;
  to: number;
  minN: number;
  /** Shared F × G result arrays for the whole targets matrix; the task writes its own columns. */
  rho: Float64Array;
  p: Float64Array;
  n: Uint32Array;
  status: Uint8Array;
  /** Shared scratch of F·(to − from) for this task's sorted defined p-values (BH run). */
  runKeys: Float64Array;
  runOrder: Uint32Array;
}

/** The task's share: its run length, and its stage seconds (BH sort included). */
export interface AssociationTaskReply {
  id: number;
  count?: number;
  stages?: SpearmanStageTimes & { bhSort: number };
  error?: ModelTaskError;
}
