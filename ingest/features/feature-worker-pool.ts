// A pool of worker threads computing IBSI features, one lesion per task, so a cohort uses every core.
// Pixel buffers are transferred (not copied) to the worker.
import os from "node:os";
import { PlatformError } from "../../compute/errors.js";
import type { FeatureResult } from "../../compute/features/types.js";
import { WorkerThreadPool } from "../workers/worker-thread-pool.js";
import type { FeatureComputer, FeatureTask, FeatureTaskResult } from "./feature-task.js";

/** The compiled worker next to this module; from TypeScript sources (tests), the build's copy in dist/. */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith(".ts") ? new URL("../../dist/ingest/features/feature-worker.js", here) : new URL("./feature-worker.js", here);
}

export class FeatureWorkerPool {
  private readonly pool: WorkerThreadPool<FeatureTask, FeatureTaskResult, FeatureResult[]>;
  private nextId = 1;

  constructor(readonly size: number = os.availableParallelism()) {
    this.pool = new WorkerThreadPool<FeatureTask, FeatureTaskResult, FeatureResult[]>({
      workerUrl: workerUrl(),
      size,
      taskNoun: "feature tasks",
      transferList: ({ volume, mask }) => [volume.data.buffer as ArrayBuffer, mask.data.buffer as ArrayBuffer],
      outcome: (reply) => (reply.error ? { error: new PlatformError(reply.error.code, reply.error.message, reply.error.details) } : { result: reply.results }),
    });
  }

  /**
   * The pool as a FeatureComputer (what FeatureService takes). An aborted signal (the request's
   * deadline) takes a queued task off the queue, or terminates the worker running it.
   */
  readonly compute: FeatureComputer = (volume, mask, settings, families, signal) =>
    this.pool.run({ id: this.nextId++, volume, mask, settings, families }, signal);

  /** Tasks waiting or running now (what a test checks after a deadline). */
  get activeTasks(): number {
    return this.pool.activeTasks;
  }

  /** Workers alive: a cancelled task's worker is replaced only when another task needs one. */
  get aliveWorkers(): number {
    return this.pool.aliveWorkers;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
