// Worker-thread entry of the association pool: Spearman on its target rows into the shared result,
// then its defined p-values sorted for the BH merge (both in place on SharedArrayBuffers).
import { parentPort } from "node:worker_threads";
import { performance } from "node:perf_hooks";
import { PlatformError } from "../../compute/errors.js";
import { sortPValueColumns, spearmanMatrixRows, type SpearmanStageTimes } from "../../compute/stats/index.js";
import type { AssociationTask, AssociationTaskReply } from "./association-task.js";

parentPort!.on("message", (task: AssociationTask) => {
  let reply: AssociationTaskReply;
  try {
    const stages: SpearmanStageTimes = { ranks: 0, product: 0, p: 0 };
    const result = { targets: task.targets.rows, rho: task.rho, p: task.p, n: task.n, status: task.status };
    spearmanMatrixRows(task.features, task.targets, task.from, task.to, result, { minN: task.minN, stages });
    const t = performance.now();
    const count = sortPValueColumns(task.p, task.features.rows, task.targets.rows, task.from, task.to, task.runKeys, task.runOrder);
    reply = { id: task.id, count, stages: { ...stages, bhSort: (performance.now() - t) / 1000 } };
  } catch (error) {
    const typed = error instanceof PlatformError;
    reply = { id: task.id, error: { name: typed ? error.name : "PlatformError", code: typed ? error.code : "INTERNAL", message: (error as Error).message, details: typed ? error.details : {} } };
  }
  parentPort!.postMessage(reply);
});
