// The in-memory list of jobs of this process: queues submitted jobs (at most maxRunningJobs run at
// once), keeps each job's status, timestamps, progress and item errors up to date from its events,
// and cancels. The GraphQL `Job` and `job(id)` read snapshots from here.

import { BadUserInputError } from "../../compute/errors.js";
import { outsideRequestDeadline } from "../../compute/request-deadline.js";
import { assertValidJobId } from "./checkpoint-store.js";
import { JobCancelledError } from "./job-errors.js";
import { JobEvents } from "./job-events.js";
import type { JobDefinition, JobSnapshot } from "./job.js";
import type { JobJournal, JobOrigin, JournalRecord } from "./job-journal.js";
import { DEFAULT_MAX_RECORDED_ERRORS, type JobRunner } from "./job-runner.js";
import { jobUpdates } from "./job-updates.js";

export interface JobRegistryOptions {
  runner: JobRunner;
  /** Jobs running at once; the rest wait QUEUED (default 1). */
  maxRunningJobs?: number;
  /** Finished jobs remembered; the oldest are forgotten first (default 100). */
  keepFinished?: number;
  /** Records jobs submitted with an origin, so a restart lists them INTERRUPTED (job-journal.ts). */
  journal?: JobJournal;
  now?: () => Date;
}

export interface JobHandle {
  readonly id: string;
  readonly events: JobEvents;
  /** Settles with the final snapshot (never rejects). */
  readonly result: Promise<JobSnapshot>;
  cancel(): void;
}

interface Entry {
  snapshot: JobSnapshot;
  events: JobEvents;
  controller: AbortController;
  start: () => void;
  result: Promise<JobSnapshot>;
}

const ACTIVE = new Set(["QUEUED", "RUNNING"]);

export class JobRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly queue: string[] = [];
  /** The API-key scope of each submitted job's mutation (cancelJob needs it too). */
  private readonly scopes = new Map<string, string>();
  private running = 0;
  private readonly now: () => Date;

  constructor(private readonly options: JobRegistryOptions) {
    this.now = options.now ?? (() => new Date());
  }

  get journal(): JobJournal | undefined {
    return this.options.journal;
  }

  /**
   * Queues the job; it starts as soon as a slot is free. Its id must not be queued or running. With an
   * origin (what rebuilds it), the journal records it; `journaled` settles once that record is on disk.
   */
  submit<T>(job: JobDefinition<T>, origin?: JobOrigin): JobHandle & { journaled: Promise<void> } {
    assertValidJobId(job.id);
    const existing = this.entries.get(job.id);
    if (existing !== undefined && ACTIVE.has(existing.snapshot.status)) {
      throw new BadUserInputError(`Job '${job.id}' is already ${existing.snapshot.status.toLowerCase()}`, { jobId: job.id });
    }
    const entry = this.createEntry(job);
    if (origin) this.scopes.set(job.id, origin.scope);
    this.entries.delete(job.id);
    this.entries.set(job.id, entry);
    const journaled = origin && this.options.journal ? this.options.journal.follow(entry.snapshot, origin, entry.events) : Promise.resolve();
    this.queue.push(job.id);
    // A job outlives the request that submitted it: never under that request's deadline.
    outsideRequestDeadline(() => this.startQueued());
    return { id: job.id, events: entry.events, result: entry.result, cancel: () => this.cancel(job.id), journaled };
  }

  /** Lists the jobs the journal found interrupted by the last restart (INTERRUPTED until resubmitted). */
  async restoreInterrupted(): Promise<JobSnapshot[]> {
    const interrupted = (await this.options.journal?.recoverInterrupted()) ?? [];
    for (const snapshot of interrupted) {
      if (this.entries.has(snapshot.id)) continue;
      const entry: Entry = { snapshot, events: new JobEvents(), controller: new AbortController(), start: () => undefined, result: Promise.resolve(snapshot) };
      this.entries.set(snapshot.id, entry);
    }
    return interrupted;
  }

  get(id: string): JobSnapshot | undefined {
    const entry = this.entries.get(id);
    return entry === undefined ? undefined : copyOf(entry.snapshot);
  }

  /** `get` for every caller: an engine whose jobs live elsewhere (bullmq/distributed-job-registry.ts) reads them there. */
  async lookup(id: string): Promise<JobSnapshot | undefined> {
    return this.get(id);
  }

  /** Whether a job of this origin kind runs on another engine (distributed-job-registry.ts); in-process: never. */
  distributes(_kind: string): boolean {
    return false;
  }

  /** `list` for every caller, newest first (see lookup). */
  async lookupAll(): Promise<JobSnapshot[]> {
    return this.list();
  }

  /** Newest first. */
  list(): JobSnapshot[] {
    return [...this.entries.values()].reverse().map((entry) => copyOf(entry.snapshot));
  }

  /** `jobUpdated`: the job's snapshots as a stream (job-updates.ts); undefined for an unknown job. */
  async watch(id: string): Promise<AsyncGenerator<JobSnapshot> | undefined> {
    return jobUpdates(this, id);
  }

  /** What rebuilds the job (kind, arguments, scope, key id) and its last recorded status: the journal's record. */
  async recordOf(id: string): Promise<JournalRecord | undefined> {
    return this.options.journal?.get(id);
  }

  /**
   * resumeJob for an engine that continues an INTERRUPTED job where it is (bullmq/distributed-job-registry.ts:
   * its unsettled tasks queued again); undefined here: the caller rebuilds and resubmits it (the checkpoint skips).
   */
  async resumeShared(_id: string): Promise<JobSnapshot | undefined> {
    return undefined;
  }

  /** The API-key scope the job's mutation needed, when known. */
  async scopeOf(id: string): Promise<string | undefined> {
    return this.scopes.get(id) ?? (await this.options.journal?.get(id))?.scope;
  }

  /**
   * `cancelJob`: cancels a queued or running job and waits (at most `waitMs`) for its running items to
   * stop, so the answer is usually the final CANCELLED snapshot. Undefined for an unknown job.
   */
  async cancelJob(id: string, waitMs = 5000): Promise<JobSnapshot | undefined> {
    const entry = this.entries.get(id);
    if (entry === undefined) return undefined;
    if (this.cancel(id)) await Promise.race([entry.result, new Promise((resolve) => setTimeout(resolve, waitMs).unref())]);
    return this.get(id);
  }

  events(id: string): JobEvents | undefined {
    return this.entries.get(id)?.events;
  }

  /** Cancels a queued or running job; false if it is unknown or already finished. */
  cancel(id: string): boolean {
    const entry = this.entries.get(id);
    if (entry === undefined || !ACTIVE.has(entry.snapshot.status)) return false;
    entry.controller.abort(new JobCancelledError(id));
    const queuedAt = this.queue.indexOf(id);
    if (queuedAt >= 0) {
      this.queue.splice(queuedAt, 1);
      this.running++;
      entry.start();
    }
    return true;
  }

  private createEntry<T>(job: JobDefinition<T>): Entry {
    const events = new JobEvents();
    const controller = new AbortController();
    const createdAt = this.now();
    const snapshot: JobSnapshot = {
      id: job.id,
      name: job.name,
      status: "QUEUED",
      createdAt,
      progress: { total: undefined, done: 0, failed: 0, skipped: 0, running: [] },
      errors: [],
    };
    let start!: () => void;
    const started = new Promise<void>((resolve) => (start = resolve));
    const entry: Entry = { snapshot, events, controller, start, result: Promise.resolve(snapshot) };
    this.track(entry);
    entry.result = started.then(() => this.execute(job, entry, createdAt));
    return entry;
  }

  private async execute<T>(job: JobDefinition<T>, entry: Entry, createdAt: Date): Promise<JobSnapshot> {
    try {
      if (entry.controller.signal.aborted) return this.finishUnstarted(entry);
      return await this.options.runner.run(job, { signal: entry.controller.signal, events: entry.events, createdAt });
    } catch (error) {
      const failed: JobSnapshot = {
        ...entry.snapshot,
        status: "FAILED",
        finishedAt: this.now(),
        failure: { code: "INTERNAL", message: error instanceof Error ? error.message : String(error) },
      };
      entry.snapshot = failed;
      entry.events.emit("finished", failed);
      return failed;
    } finally {
      this.running--;
      this.forgetOldFinished();
      this.startQueued();
    }
  }

  /** A job cancelled while queued never runs. */
  private finishUnstarted(entry: Entry): JobSnapshot {
    const cancelled: JobSnapshot = { ...entry.snapshot, status: "CANCELLED", finishedAt: this.now() };
    entry.snapshot = cancelled;
    entry.events.emit("finished", cancelled);
    return cancelled;
  }

  private track(entry: Entry): void {
    entry.events.on("started", (snapshot) => (entry.snapshot = { ...snapshot }));
    entry.events.on("progress", (event) => (entry.snapshot = { ...entry.snapshot, progress: event.progress }));
    entry.events.on("itemFailed", ({ jobId: _jobId, ...error }) => {
      if (entry.snapshot.errors.length < DEFAULT_MAX_RECORDED_ERRORS) entry.snapshot.errors.push(error);
    });
    entry.events.on("finished", (snapshot) => (entry.snapshot = { ...snapshot }));
  }

  private startQueued(): void {
    const limit = Math.max(1, this.options.maxRunningJobs ?? 1);
    while (this.running < limit && this.queue.length > 0) {
      const id = this.queue.shift()!;
      const entry = this.entries.get(id);
      if (entry === undefined) continue;
      this.running++;
      entry.start();
    }
  }

  private forgetOldFinished(): void {
    const keep = this.options.keepFinished ?? 100;
    const finished = [...this.entries.values()].filter((entry) => !ACTIVE.has(entry.snapshot.status));
    for (const entry of finished.slice(0, Math.max(0, finished.length - keep))) {
      this.entries.delete(entry.snapshot.id);
      this.scopes.delete(entry.snapshot.id);
    }
  }
}

function copyOf(snapshot: JobSnapshot): JobSnapshot {
  return {
    ...snapshot,
    progress: { ...snapshot.progress, running: [...snapshot.progress.running] },
    errors: [...snapshot.errors],
  };
}
