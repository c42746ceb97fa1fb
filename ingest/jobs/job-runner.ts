// Runs a job: skips keys its checkpoint already holds, runs the rest with bounded concurrency,
// records each completion in the checkpoint before counting it, isolates item failures, reports
// progress (upstream waits included: an item's requests that wait for a quota say so), and stops cleanly
// when its signal aborts.

import type { Logger } from "pino";
import { reportingUpstreamWaits, type UpstreamWaitNotice } from "../http/upstream-wait-report.js";
import type { CheckpointStore } from "./checkpoint-store.js";
import { assertValidJobId } from "./checkpoint-store.js";
import { MemoryCheckpointStore } from "./memory-checkpoint-store.js";
import { describeError } from "./job-errors.js";
import { JobEvents, type ItemOutcome } from "./job-events.js";
import type { ItemError, JobDefinition, JobFailure, JobSnapshot, JobStatus } from "./job.js";
import { ProgressTracker } from "./job-progress.js";
import { runWithTimeout } from "./item-timeout.js";

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_MAX_RECORDED_ERRORS = 1000;

export interface JobRunnerOptions {
  /** Items in flight at once (default 4). */
  concurrency?: number;
  /** Per-item deadline, ms (default none). */
  itemTimeoutMs?: number;
  /** Default: in memory (no resume across processes). Use FileCheckpointStore for `<dataDir>/jobs`. */
  checkpoints?: CheckpointStore;
  /** Per-item errors kept in the report (all are counted). Default 1000. */
  maxRecordedErrors?: number;
  logger?: Pick<Logger, "warn">;
  now?: () => Date;
}

export interface RunOptions {
  /** Aborting it cancels the job: no new items start, running items see their signal abort. */
  signal?: AbortSignal;
  /** Receives started/progress/itemFailed/finished; a fresh one is made if absent. */
  events?: JobEvents;
  /** When the job was created (a registry queues before running). */
  createdAt?: Date;
}

interface RunState<T> {
  job: JobDefinition<T>;
  tracker: ProgressTracker;
  events: JobEvents;
  signal: AbortSignal;
  completed: Set<string>;
  seen: Set<string>;
}

export class JobRunner {
  private readonly concurrency: number;
  private readonly checkpoints: CheckpointStore;
  private readonly now: () => Date;

  constructor(private readonly options: JobRunnerOptions = {}) {
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
    this.checkpoints = options.checkpoints ?? new MemoryCheckpointStore();
    this.now = options.now ?? (() => new Date());
  }

  async run<T>(job: JobDefinition<T>, options: RunOptions = {}): Promise<JobSnapshot> {
    assertValidJobId(job.id);
    const createdAt = options.createdAt ?? this.now();
    const signal = options.signal ?? new AbortController().signal;
    const events = options.events ?? new JobEvents();
    const state: RunState<T> = {
      job,
      tracker: new ProgressTracker(totalOf(job), this.options.maxRecordedErrors ?? DEFAULT_MAX_RECORDED_ERRORS),
      events,
      signal,
      completed: await this.checkpoints.load(job.id),
      seen: new Set(),
    };
    const startedAt = this.now();
    events.emit("started", snapshotOf(state, "RUNNING", createdAt, startedAt));
    let failure: JobFailure | undefined;
    try {
      await this.runItems(state);
    } catch (error) {
      failure = describeError(error);
      this.options.logger?.warn({ jobId: job.id, err: failure }, `job ${job.id}: item source failed`);
    } finally {
      await this.checkpoints.close(job.id);
    }
    const status = finalStatus(state, failure);
    const report = { ...snapshotOf(state, status, createdAt, startedAt), finishedAt: this.now(), failure };
    events.emit("finished", report);
    return report;
  }

  /** Pulls items while a slot is free; waits for all started items even when the source throws. */
  private async runItems<T>(state: RunState<T>): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    let count = 0;
    try {
      for await (const item of state.job.items) {
        if (state.signal.aborted) break;
        count++;
        const key = state.job.keyOf(item);
        if (this.skipIfDone(state, key)) continue;
        const running = this.runItem(state, item, key).finally(() => inFlight.delete(running));
        inFlight.add(running);
        if (inFlight.size >= this.concurrency) await Promise.race(inFlight);
      }
      if (!state.signal.aborted) state.tracker.setTotal(count);
    } finally {
      await Promise.all(inFlight);
    }
  }

  /** A key completed earlier (checkpoint) or already taken in this run is not run again. */
  private skipIfDone<T>(state: RunState<T>, key: string): boolean {
    if (state.completed.has(key)) {
      state.tracker.skip();
      this.report(state, key, "skipped");
      return true;
    }
    if (state.seen.has(key)) {
      this.options.logger?.warn({ jobId: state.job.id, key }, `job ${state.job.id}: duplicate item key ignored`);
      return true;
    }
    state.seen.add(key);
    return false;
  }

  /** Never rejects: the outcome goes to the tracker and the events. */
  private async runItem<T>(state: RunState<T>, item: T, key: string): Promise<void> {
    const controller = new AbortController();
    const stopWithJob = (): void => controller.abort(state.signal.reason);
    state.signal.addEventListener("abort", stopWithJob, { once: true });
    state.tracker.start(key);
    this.report(state, key, "started");
    try {
      const context = { jobId: state.job.id, key, signal: controller.signal };
      const heard = (notice: UpstreamWaitNotice): void => {
        state.tracker.upstreamWait(notice, this.now());
        this.report(state, key, "waited");
      };
      await runWithTimeout(() => reportingUpstreamWaits(heard, () => state.job.handle(item, context)), key, this.options.itemTimeoutMs, controller);
      await this.checkpoints.append(state.job.id, key);
      state.tracker.succeed(key);
      this.report(state, key, "done");
    } catch (error) {
      this.recordFailure(state, key, error);
    } finally {
      state.signal.removeEventListener("abort", stopWithJob);
    }
  }

  private recordFailure<T>(state: RunState<T>, key: string, error: unknown): void {
    if (state.signal.aborted) {
      state.tracker.abandon(key);
      this.report(state, key, "abandoned");
      return;
    }
    const itemError: ItemError = { key, ...describeError(error), at: this.now() };
    state.tracker.fail(itemError);
    state.events.emit("itemFailed", { ...itemError, jobId: state.job.id });
    this.report(state, key, "failed");
  }

  private report<T>(state: RunState<T>, key: string, outcome: ItemOutcome): void {
    state.events.emit("progress", { jobId: state.job.id, key, outcome, progress: state.tracker.snapshot() });
  }
}

function totalOf<T>(job: JobDefinition<T>): number | undefined {
  if (job.total !== undefined) return job.total;
  return Array.isArray(job.items) ? job.items.length : undefined;
}

/** CANCELLED if aborted; FAILED if the source threw or nothing completed but items failed; else PARTIAL/SUCCEEDED. */
function finalStatus<T>(state: RunState<T>, failure: JobFailure | undefined): JobStatus {
  if (state.signal.aborted) return "CANCELLED";
  if (failure !== undefined) return "FAILED";
  const { done, failed, skipped } = state.tracker.snapshot();
  if (failed === 0) return "SUCCEEDED";
  return done + skipped === 0 ? "FAILED" : "PARTIAL";
}

function snapshotOf<T>(state: RunState<T>, status: JobStatus, createdAt: Date, startedAt: Date): JobSnapshot {
  return {
    id: state.job.id,
    name: state.job.name,
    status,
    createdAt,
    startedAt,
    progress: state.tracker.snapshot(),
    errors: state.tracker.recordedErrors(),
  };
}
