// A pool of worker threads computing IBSI features, one lesion per task, so a cohort uses every core.
// Pixel buffers are transferred (not copied) to the worker.
import os from "node:os";
import { Worker } from "node:worker_threads";
import { PlatformError } from "../../compute/errors.js";
import type { FeatureResult } from "../../compute/features/types.js";
import type { FeatureComputer, FeatureTask, FeatureTaskResult } from "./feature-task.js";

interface Pending {
  task: FeatureTask;
  resolve: (results: FeatureResult[]) => void;
  reject: (error: Error) => void;
}

/** The compiled worker next to this module; from TypeScript sources (tests), the build's copy in dist/. */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith(".ts") ? new URL("../../dist/ingest/features/feature-worker.js", here) : new URL("./feature-worker.js", here);
}

export class FeatureWorkerPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];
  private nextId = 1;

  constructor(readonly size: number = os.availableParallelism()) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  /**
   * The pool as a FeatureComputer (what FeatureService takes). An aborted signal (the request's
   * deadline) takes a queued task off the queue, or terminates the worker running it (a fresh one
   * replaces it): the computation really stops.
   */
  readonly compute: FeatureComputer = (volume, mask, settings, families, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason as Error);
      const pending: Pending = { task: { id: this.nextId++, volume, mask, settings, families }, resolve, reject };
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

  /** Tasks waiting or running now (what a test checks after a deadline). */
  get activeTasks(): number {
    return this.queue.length + this.busy.size;
  }

  private cancel(pending: Pending, reason: Error): void {
    const queued = this.queue.indexOf(pending);
    if (queued >= 0) this.queue.splice(queued, 1);
    const worker = [...this.busy].find(([, p]) => p === pending)?.[0];
    if (worker) {
      this.busy.delete(worker);
      worker.removeAllListeners();
      void worker.terminate();
      this.idle.push(this.spawn());
      this.dispatch();
    }
    pending.reject(reason);
  }

  async close(): Promise<void> {
    await Promise.all([...this.idle, ...this.busy.keys()].map((worker) => worker.terminate()));
  }

  private spawn(): Worker {
    const worker = new Worker(workerUrl());
    worker.on("message", (reply: FeatureTaskResult) => this.settle(worker, reply));
    worker.on("error", (error) => {
      this.busy.get(worker)?.reject(error);
      this.busy.delete(worker);
      this.idle.push(this.spawn());
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
      const { volume, mask } = pending.task;
      worker.postMessage(pending.task, [volume.data.buffer as ArrayBuffer, mask.data.buffer as ArrayBuffer]);
    }
  }

  private settle(worker: Worker, reply: FeatureTaskResult): void {
    const pending = this.busy.get(worker);
    this.busy.delete(worker);
    worker.unref(); // an idle worker does not
    this.idle.push(worker);
    if (pending) {
      if (reply.error) pending.reject(new PlatformError(reply.error.code, reply.error.message, reply.error.details));
      else pending.resolve(reply.results);
    }
    this.dispatch();
  }
}
