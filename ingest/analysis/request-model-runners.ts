// A request's model runners: the pool's, cancelled with the request's deadline, or the inline fits.
import { inlineModelRunners, type ModelRunners } from "./model-runners.js";
import type { ModelWorkerPool } from "./model-worker-pool.js";

export function requestModelRunners(pool: ModelWorkerPool | undefined, signal?: AbortSignal): ModelRunners {
  return pool ? pool.runners(signal) : inlineModelRunners;
}
