// Worker-thread entry: computes features (IBSI or the pyradiomics profile) for one lesion image sent by the pool.
import { parentPort } from "node:worker_threads";
import { computeProfileFeatures } from "../../compute/features/profile-features.js";
import { PlatformError } from "../../compute/errors.js";
import type { FeatureTask, FeatureTaskResult } from "./feature-task.js";

parentPort!.on("message", (task: FeatureTask) => {
  let reply: FeatureTaskResult;
  try {
    reply = { id: task.id, results: computeProfileFeatures(task.volume, task.mask, task.settings, task.families) };
  } catch (error) {
    const typed = error instanceof PlatformError;
    reply = { id: task.id, error: { code: typed ? error.code : "INTERNAL", message: (error as Error).message, details: typed ? error.details : {} } };
  }
  parentPort!.postMessage(reply);
});
