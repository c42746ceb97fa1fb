// A BullMQ worker over the job tasks: rebuilds each task's job from its kind and arguments (once per
// job run), runs the one item, and settles its key in Redis. A failing task is retried with exponential
// backoff; on its last try (or when the error is the caller's, not upstream's) it ends as a per-item
// error of its job. A worker killed mid-task leaves its lock to lapse: another worker's stalled check
// takes the task back (the handler is idempotent: feature writes are upserts). A task of a cancelled job
// is not started (the state says so); a running one has its signal aborted when the cancel is published.
import { Worker, type ConnectionOptions, type Job } from "bullmq";
import type { Logger } from "pino";
import { NotFoundError, PlatformError } from "../../../compute/errors.js";
import { reportingUpstreamWaits, type UpstreamWaitNotice } from "../../http/upstream-wait-report.js";
import { describeError, JobCancelledError } from "../job-errors.js";
import type { JobDefinition } from "../job.js";
import { JOB_TASK_QUEUE, type JobTask } from "./job-task.js";
import { RedisJobFeed } from "./redis-job-feed.js";
import { JOB_CANCELLED_CHANNEL, type RedisJobState } from "./redis-job-state.js";
import type { TaskRetryPolicy } from "./task-retry-policy.js";

export type JobBuilder = (kind: string, args: unknown) => Promise<JobDefinition<unknown>>;

export interface TaskWorkerOptions {
  connection: ConnectionOptions;
  policy: TaskRetryPolicy;
  /** Tasks run at once by this process. */
  concurrency: number;
  state: RedisJobState;
  build: JobBuilder;
  logger?: Pick<Logger, "warn" | "info">;
  /** Recorded on each task it takes (BullMQ's processedBy), e.g. host:pid. */
  name?: string;
}

interface BuiltJob {
  job: JobDefinition<unknown>;
  items: Map<string, unknown>;
}

/** The caller's mistakes: trying again gives the same answer. */
const FINAL_CODES = new Set(["BAD_USER_INPUT", "NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED"]);

export class TaskWorker {
  private readonly worker: Worker<JobTask>;
  private readonly built = new Map<string, Promise<BuiltJob>>();
  private readonly cancels: RedisJobFeed;

  constructor(private readonly options: TaskWorkerOptions) {
    const { policy } = options;
    this.cancels = new RedisJobFeed(options.state.redis, JOB_CANCELLED_CHANNEL);
    this.worker = new Worker<JobTask>(JOB_TASK_QUEUE, (task, _token, signal) => this.process(task, signal), {
      connection: options.connection,
      ...(options.name ? { name: options.name } : {}),
      concurrency: Math.max(1, options.concurrency),
      lockDuration: policy.lockDurationMs,
      stalledInterval: policy.stalledIntervalMs,
      maxStalledCount: policy.maxStalledCount,
    });
    // A task failed by BullMQ itself (stalled too often) never reached our catch: settle it here.
    this.worker.on("failed", (task, error) => void this.settleAbandoned(task, error));
    this.worker.on("error", (error) => options.logger?.warn({ err: error }, "job task worker: Redis error"));
  }

  /** Stops taking tasks and waits for the running ones (`force`: does not wait, their locks lapse as if this process died). */
  async close(force = false): Promise<void> {
    await this.worker.close(force);
    this.cancels.close();
  }

  private async process(task: Job<JobTask>, signal?: AbortSignal): Promise<void> {
    const { jobId, run, key } = task.data;
    const controller = new AbortController();
    const stop = (): void => controller.abort(signal?.reason);
    signal?.addEventListener("abort", stop, { once: true });
    // Listening before the start check: a cancel published after it is never missed.
    const off = this.cancels.on(jobId, () => controller.abort(new JobCancelledError(jobId)));
    try {
      await this.cancels.ready();
      if (!(await this.options.state.start(jobId, run, key))) return;
      await this.runItem(task, controller.signal);
    } finally {
      off();
      signal?.removeEventListener("abort", stop);
    }
  }

  private async runItem(task: Job<JobTask>, signal: AbortSignal): Promise<void> {
    const { jobId, run, key } = task.data;
    try {
      const built = await this.jobOf(task.data);
      if (!built.items.has(key)) throw new NotFoundError("Job item", key);
      // Its requests' waits for an upstream's quota or rate show in the job's progress on every instance.
      const heard = (notice: UpstreamWaitNotice): void => void this.options.state.recordUpstreamWait(jobId, run, notice).catch(() => undefined);
      await reportingUpstreamWaits(heard, () => built.job.handle(built.items.get(key), { jobId, key, signal }));
    } catch (error) {
      // Cancelled under it: neither done nor failed, and never retried.
      if (signal.reason instanceof JobCancelledError) {
        await this.options.state.settle(jobId, run, key, { abandoned: true });
        return;
      }
      const final = error instanceof PlatformError && FINAL_CODES.has(error.code);
      if (!final && task.attemptsMade + 1 < (task.opts.attempts ?? 1)) throw error;
      this.options.logger?.warn({ jobId, key, err: describeError(error) }, `job ${jobId}: item ${key} failed for good`);
      await this.options.state.settle(jobId, run, key, { error: describeError(error) });
      return;
    }
    await this.options.state.settle(jobId, run, key, { done: true });
  }

  /** The task's job, built once per run from its kind and arguments (a failed build is retried next time). */
  private jobOf(task: JobTask): Promise<BuiltJob> {
    const id = `${task.jobId}#${task.run}`;
    let built = this.built.get(id);
    if (built === undefined) {
      built = this.buildJob(task);
      built.catch(() => this.built.delete(id));
      this.built.set(id, built);
    }
    return built;
  }

  private async buildJob(task: JobTask): Promise<BuiltJob> {
    const job = await this.options.build(task.kind, task.args);
    const items = new Map<string, unknown>();
    for await (const item of job.items) items.set(job.keyOf(item), item);
    return { job, items };
  }

  private async settleAbandoned(task: Job<JobTask> | undefined, error: Error): Promise<void> {
    if (task === undefined || task.attemptsMade < (task.opts.attempts ?? 1) && !/stalled/i.test(error.message)) return;
    await this.options.state.settle(task.data.jobId, task.data.run, task.data.key, { error: describeError(error) }).catch(() => undefined);
  }
}
