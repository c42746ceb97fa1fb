// A bounded pool of worker threads running one task at a time each: the feature pool and the model
// pool are this with their own messages. An aborted signal (a request's deadline, a job's cancel)
// takes a queued task off the queue or terminates the worker running it, so the work really stops.
// A retired worker is replaced only when a later task needs it: a timed-out request leaves the
// process idle (a worker's start-up costs a few hundred ms of CPU).
import { Worker } from "node:worker_threads";
import { RateLimitedError } from "../../compute/errors.js";

export interface WorkerThreadPoolOptions<Task, Reply, Result> {
  /** The compiled worker script. */
  readonly workerUrl: URL;
  /** Workers at most (and started at once). */
  readonly size: number;
  /** Tasks allowed to wait for a worker; one more is refused with RATE_LIMITED (default unbounded). */
  readonly maxQueued?: number;
  /** What the queue-full and shut-down refusals call the tasks ("feature tasks", "model fits"). */
  readonly taskNoun: string;
  /** Buffers moved rather than copied to the worker. */
  transferList?(task: Task): ArrayBuffer[];
  /** The worker's reply as the task's result, or the error to reject it with. */
  outcome(reply: Reply): { result: Result } | { error: Error };
}

interface Pending<Task, Result> {
  task: Task;
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

export class WorkerThreadPool<Task, Reply, Result> {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending<Task, Result>>();
  private readonly queue: Pending<Task, Result>[] = [];
  /** Workers alive (idle or busy): below `size` after a cancel or a crash until a task needs one. */
  private alive = 0;
  private closed = false;

  constructor(private readonly options: WorkerThreadPoolOptions<Task, Reply, Result>) {
    for (let i = 0; i < options.size; i++) this.idle.push(this.spawn());
  }

  get size(): number {
    return this.options.size;
  }

  /** Tasks waiting or running now (what a test checks after a deadline or a cancel). */
  get activeTasks(): number {
    return this.queue.length + this.busy.size;
  }

  /** Workers started and not retired (a test checks that a cancel does not start one). */
  get aliveWorkers(): number {
    return this.alive;
  }

  run(task: Task, signal?: AbortSignal): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason as Error);
      const { maxQueued = Infinity, taskNoun } = this.options;
      if (this.closed) return reject(new RateLimitedError(`the ${taskNoun} pool is shut down`, 0));
      if (this.queue.length >= maxQueued && !this.idle.length)
        return reject(new RateLimitedError(`${this.queue.length} ${taskNoun} are already waiting for a worker; retry later`, 5));
      const pending: Pending<Task, Result> = { task, resolve, reject };
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
    for (const pending of this.queue.splice(0)) pending.reject(new RateLimitedError(`the ${this.options.taskNoun} pool shut down before this task started`, 0));
    await Promise.all([...this.idle, ...this.busy.keys()].map((worker) => worker.terminate()));
  }

  private cancel(pending: Pending<Task, Result>, reason: Error): void {
    const queued = this.queue.indexOf(pending);
    if (queued >= 0) this.queue.splice(queued, 1);
    const worker = [...this.busy].find(([, p]) => p === pending)?.[0];
    if (worker) {
      this.busy.delete(worker);
      this.retire(worker);
      this.dispatch();
    }
    pending.reject(reason);
  }

  private spawn(): Worker {
    this.alive++;
    const worker = new Worker(this.options.workerUrl);
    worker.on("message", (reply: Reply) => this.settle(worker, reply));
    worker.on("error", (error) => {
      this.busy.get(worker)?.reject(error);
      this.busy.delete(worker);
      const idleAt = this.idle.indexOf(worker);
      if (idleAt >= 0) this.idle.splice(idleAt, 1);
      this.retire(worker);
      this.dispatch();
    });
    worker.unref();
    return worker;
  }

  private retire(worker: Worker): void {
    worker.removeAllListeners();
    void worker.terminate();
    this.alive--;
  }

  private dispatch(): void {
    while (this.queue.length && !this.closed) {
      if (this.idle.length === 0 && this.alive < this.options.size) this.idle.push(this.spawn());
      const worker = this.idle.pop();
      if (!worker) return;
      const pending = this.queue.shift()!;
      this.busy.set(worker, pending);
      worker.ref(); // a busy worker keeps the process alive until its answer arrives
      worker.postMessage(pending.task, this.options.transferList?.(pending.task) ?? []);
    }
  }

  private settle(worker: Worker, reply: Reply): void {
    const pending = this.busy.get(worker);
    this.busy.delete(worker);
    worker.unref(); // an idle worker does not
    this.idle.push(worker);
    if (pending) {
      const outcome = this.options.outcome(reply);
      if ("error" in outcome) pending.reject(outcome.error);
      else pending.resolve(outcome.result);
    }
    this.dispatch();
  }
}
