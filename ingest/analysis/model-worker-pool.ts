// A pool of worker threads running the CPU-heavy model fits (nested-CV logistic, Cox, penalised Cox CV,
// combined Cox models, ComBat) off the request thread. Results' typed arrays come back transferred; a
// fit's typed error is rethrown as the same class and code; an aborted signal takes a queued fit off the
// queue or terminates the worker running it (a fresh one replaces it); the queue is bounded.
import os from "node:os";
import { Worker } from "node:worker_threads";
import { RateLimitedError } from "../../compute/errors.js";
import { platformErrorOf } from "./model-error.js";
import { MODEL_FITS, type ModelFitName, type ModelRunners } from "./model-runners.js";
import type { ModelTask, ModelTaskResult } from "./model-task.js";

interface Pending {
  task: ModelTask;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

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
  readonly size: number;
  private readonly maxQueued: number;
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: ModelWorkerPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? os.availableParallelism());
    this.maxQueued = options.maxQueued ?? 64;
    for (let i = 0; i < this.size; i++) this.idle.push(this.spawn());
  }

  /** The fits as ModelRunners; with a signal (a request's deadline, a job's cancel) each fit can be stopped. */
  runners(signal?: AbortSignal): ModelRunners {
    const run = <K extends ModelFitName>(fit: K) => ((...args: unknown[]) => this.run(fit, args, signal)) as unknown as ModelRunners[K];
    return Object.fromEntries(Object.keys(MODEL_FITS).map((k) => [k, run(k as ModelFitName)])) as unknown as ModelRunners;
  }

  /** Fits waiting or running now (what a test checks after a cancel). */
  get activeTasks(): number {
    return this.queue.length + this.busy.size;
  }

  run(fit: ModelFitName, args: unknown[], signal?: AbortSignal): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason as Error);
      if (this.closed) return reject(new RateLimitedError("the model worker pool is shut down", 0));
      if (this.queue.length >= this.maxQueued && !this.idle.length)
        return reject(new RateLimitedError(`${this.queue.length} model fits are already waiting for a worker; retry later`, 5));
      const pending: Pending = { task: { id: this.nextId++, fit, args }, resolve, reject };
      if (signal) {
        const cancel = () => this.cancel(pending, signal.reason as Error);
        signal.addEventListener("abort", cancel, { once: true });
        const settle = <A>(done: (a: A) => void) => (a: A) => (signal.removeEventListener("abort", cancel), done(a));
        pending.resolve = settle(resolve);
        pending.reject = settle(reject);
      }
      this.queue.push(pending);
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new RateLimitedError("the model worker pool shut down before this fit started", 0));
    await Promise.all([...this.idle, ...this.busy.keys()].map((worker) => worker.terminate()));
  }

  private cancel(pending: Pending, reason: Error): void {
    const queued = this.queue.indexOf(pending);
    if (queued >= 0) this.queue.splice(queued, 1);
    const worker = [...this.busy].find(([, p]) => p === pending)?.[0];
    if (worker) {
      this.busy.delete(worker);
      worker.removeAllListeners();
      void worker.terminate();
      if (!this.closed) this.idle.push(this.spawn());
      this.dispatch();
    }
    pending.reject(reason);
  }

  private spawn(): Worker {
    const worker = new Worker(workerUrl());
    worker.on("message", (reply: ModelTaskResult) => this.settle(worker, reply));
    worker.on("error", (error) => {
      this.busy.get(worker)?.reject(error);
      this.busy.delete(worker);
      if (!this.closed) this.idle.push(this.spawn());
      this.dispatch();
    });
    worker.unref();
    return worker;
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const pending = this.queue.shift()!;
      this.busy.set(worker, pending);
      worker.ref(); // a busy worker keeps the process alive until its answer arrives
      worker.postMessage(pending.task);
    }
  }

  private settle(worker: Worker, reply: ModelTaskResult): void {
    const pending = this.busy.get(worker);
    this.busy.delete(worker);
    worker.unref();
    this.idle.push(worker);
    if (pending) {
      if (reply.error) pending.reject(platformErrorOf(reply.error));
      else pending.resolve(reply.result);
    }
    this.dispatch();
  }
}
