// A pool of worker threads running the CPU-heavy model fits (nested-CV logistic, Cox, penalised Cox CV,
// combined Cox models, ComBat) off the request thread. Results' typed arrays come back transferred; a
// fit's typed error is rethrown as the same class and code; an aborted signal takes a queued fit off the
// queue or terminates the worker running it (replaced when a later fit needs it); the queue is bounded.
import os from "node:os";
import { WorkerThreadPool } from "../workers/worker-thread-pool.js";
import { platformErrorOf } from "./model-error.js";
import { MODEL_FITS, type ModelFitName, type ModelRunners } from "./model-runners.js";
import type { ModelTask, ModelTaskResult } from "./model-task.js";

export interface ModelWorkerPoolOptions {
  /** Workers (default: one per core, as the feature pool). */
  size?: number;
  /** Fits allowed to wait for a worker; one more is refused with RATE_LIMITED (default 64). */
  maxQueued?: number;
}

/** The compiled worker next to this module; from TypeScript sources (tests), the build's copy in dist/. */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith(".ts") ? new URL("../../dist/ingest/analysis/model-worker.js", here) : new URL("./model-worker.js", here);
}

export class ModelWorkerPool {
  private readonly pool: WorkerThreadPool<ModelTask, ModelTaskResult, unknown>;
  private nextId = 1;

  constructor(options: ModelWorkerPoolOptions = {}) {
    this.pool = new WorkerThreadPool({
      workerUrl: workerUrl(),
      size: Math.max(1, options.size ?? os.availableParallelism()),
      maxQueued: options.maxQueued ?? 64,
      taskNoun: "model fits",
      outcome: (reply) => (reply.error ? { error: platformErrorOf(reply.error) } : { result: reply.result }),
    });
  }

  get size(): number {
    return this.pool.size;
  }

  /** The fits as ModelRunners; with a signal (a request's deadline, a job's cancel) each fit can be stopped. */
  runners(signal?: AbortSignal): ModelRunners {
    const run = <K extends ModelFitName>(fit: K) => ((...args: unknown[]) => this.run(fit, args, signal)) as unknown as ModelRunners[K];
    return Object.fromEntries(Object.keys(MODEL_FITS).map((k) => [k, run(k as ModelFitName)])) as unknown as ModelRunners;
  }

  /** Fits waiting or running now (what a test checks after a cancel). */
  get activeTasks(): number {
    return this.pool.activeTasks;
  }

  run(fit: ModelFitName, args: unknown[], signal?: AbortSignal): Promise<unknown> {
    return this.pool.run({ id: this.nextId++, fit, args }, signal);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
