// The job registry with RG_REDIS_URL set: a job of a distributed kind (computeFeatures) becomes one
// BullMQ task per item, its state lives in Redis (redis-job-state.ts), and `lookup` / `lookupAll` read
// Redis first, so every server instance answers `job(id)` and `jobs` alike; `watch` (jobUpdated) follows
// the job through Redis pub/sub, so a subscriber on any instance sees the tasks every worker runs; and
// `cancelJob` marks it CANCELLED in Redis and removes its waiting tasks (workers start none of its tasks
// and abort those running). Its record (kind, arguments, scope, key id) is in Redis too: on start an instance
// marks the jobs whose tasks were lost INTERRUPTED (lost-task-check.ts), and `resumeShared` (resumeJob, on
// any instance) queues their unsettled keys again in the same run. Other kinds run in-process exactly as in
// the JobRegistry it extends.
import type { Queue } from "bullmq";
import { BadUserInputError } from "../../../compute/errors.js";
import { JobEvents } from "../job-events.js";
import type { JobDefinition, JobSnapshot } from "../job.js";
import type { JobOrigin, JournalRecord } from "../job-journal.js";
import { JobRegistry, type JobHandle, type JobRegistryOptions } from "../job-registry.js";
import { taskIdOf, type JobTask } from "./job-task.js";
import { interruptJobsWithLostTasks } from "./lost-task-check.js";
import { RedisJobFeed } from "./redis-job-feed.js";
import { JOB_UPDATED_CHANNEL, type RedisJobState } from "./redis-job-state.js";
import { redisJobUpdates } from "./redis-job-updates.js";
import type { TaskRetryPolicy } from "./task-retry-policy.js";

export interface DistributedJobRegistryOptions extends JobRegistryOptions {
  queue: Queue<JobTask>;
  state: RedisJobState;
  policy: TaskRetryPolicy;
  /** Job kinds whose items go to the queue (workers run them); the rest run in this process. */
  kinds: ReadonlySet<string>;
  /** How often a submitted job's result promise re-reads Redis (default 500 ms). */
  pollMs?: number;
}

/** Waiting tasks removed from the queue at once when a job is cancelled. */
const REMOVE_BATCH = 500;
/** Tasks added to the queue at once (the enqueuing lease is renewed between batches). */
const ADD_BATCH = 1000;

const ACTIVE = new Set(["QUEUED", "RUNNING"]);

export class DistributedJobRegistry extends JobRegistry {
  private updates?: RedisJobFeed;

  constructor(private readonly distributed: DistributedJobRegistryOptions) {
    super(distributed);
  }

  override submit<T>(job: JobDefinition<T>, origin?: JobOrigin): JobHandle & { journaled: Promise<void> } {
    if (origin === undefined || !this.distributed.kinds.has(origin.kind)) return super.submit(job, origin);
    const enqueued = this.enqueue(job, origin);
    const result = enqueued.then(() => this.finished(job.id));
    return { id: job.id, events: new JobEvents(), result, cancel: () => void this.cancelJob(job.id).catch(() => undefined), journaled: enqueued };
  }

  override async cancelJob(id: string, waitMs?: number): Promise<JobSnapshot | undefined> {
    const known = await this.distributed.state.runOf(id);
    if (known === undefined) return super.cancelJob(id, waitMs);
    if (await this.distributed.state.cancel(id)) await this.removeWaitingTasks(id, known.run);
    return this.distributed.state.get(id);
  }

  override async watch(id: string): Promise<AsyncGenerator<JobSnapshot> | undefined> {
    this.updates ??= new RedisJobFeed(this.distributed.state.redis, JOB_UPDATED_CHANNEL);
    return (await redisJobUpdates(this.distributed.state, this.updates, id)) ?? super.watch(id);
  }

  override async scopeOf(id: string): Promise<string | undefined> {
    return (await this.distributed.state.runOf(id))?.scope ?? super.scopeOf(id);
  }

  /** The journal's interrupted jobs, and the distributed jobs whose tasks were lost (marked INTERRUPTED in Redis). */
  override async restoreInterrupted(): Promise<JobSnapshot[]> {
    const local = await super.restoreInterrupted();
    return [...local, ...(await interruptJobsWithLostTasks(this.distributed.state, this.distributed.queue))];
  }

  override async recordOf(id: string): Promise<JournalRecord | undefined> {
    return (await this.distributed.state.recordOf(id)) ?? super.recordOf(id);
  }

  /** An INTERRUPTED distributed job carries on in its run: only its unsettled keys are queued again (same task ids). */
  override async resumeShared(id: string): Promise<JobSnapshot | undefined> {
    const { state } = this.distributed;
    const record = await state.recordOf(id);
    if (record === undefined) return super.resumeShared(id);
    const run = await state.resume(id);
    if (run === undefined) throw new BadUserInputError(`Job '${id}' is no longer interrupted (another instance resumed it)`, { jobId: id });
    await this.addTasks(id, run, record, await state.unsettledKeys(id));
    await state.markEnqueued(id, run);
    return state.get(id);
  }

  /** Closes the pub/sub connection of `watch` (the queue and state clients are the caller's). */
  close(): void {
    this.updates?.close();
  }

  override distributes(kind: string): boolean {
    return this.distributed.kinds.has(kind);
  }

  override async lookup(id: string): Promise<JobSnapshot | undefined> {
    return (await this.distributed.state.get(id)) ?? super.get(id);
  }

  override async lookupAll(): Promise<JobSnapshot[]> {
    const shared = await this.distributed.state.list();
    const ids = new Set(shared.map((s) => s.id));
    return [...shared, ...super.list().filter((s) => !ids.has(s.id))].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }

  /** A new run of the job in Redis, then one task per distinct item key. */
  private async enqueue<T>(job: JobDefinition<T>, origin: JobOrigin): Promise<void> {
    const keys = new Set<string>();
    for await (const item of job.items) keys.add(job.keyOf(item));
    const run = await this.distributed.state.create(job.id, job.name, [...keys], origin.scope, { kind: origin.kind, args: origin.args, ...(origin.keyId ? { keyId: origin.keyId } : {}) });
    await this.addTasks(job.id, run, origin, [...keys]);
    await this.distributed.state.markEnqueued(job.id, run);
  }

  /** One task per key (deterministic ids: a task still on the queue is not added twice), renewing the enqueuing lease per batch. */
  private async addTasks(id: string, run: number, origin: Pick<JobOrigin, "kind" | "args">, keys: readonly string[]): Promise<void> {
    const { attempts, backoffMs } = this.distributed.policy;
    for (let i = 0; i < keys.length; i += ADD_BATCH) {
      if (i > 0) await this.distributed.state.renewEnqueueLease(id);
      await this.distributed.queue.addBulk(keys.slice(i, i + ADD_BATCH).map((key) => {
        const data: JobTask = { jobId: id, run, kind: origin.kind, args: origin.args, key };
        return { name: origin.kind, data, opts: { jobId: taskIdOf(data), attempts, backoff: { type: "exponential", delay: backoffMs }, removeOnComplete: true, removeOnFail: 1000 } };
      }));
    }
  }

  /** Takes the job's tasks that no worker holds off the queue (a held one is skipped or aborted by its worker). */
  private async removeWaitingTasks(id: string, run: number): Promise<void> {
    const keys = await this.distributed.state.keysOf(id);
    for (let i = 0; i < keys.length; i += REMOVE_BATCH) {
      await Promise.all(keys.slice(i, i + REMOVE_BATCH).map((key) => this.distributed.queue.remove(taskIdOf({ jobId: id, run, key })).catch(() => 0)));
    }
  }

  /** Settles with the job's final snapshot (polls Redis; workers finish it). */
  private async finished(id: string): Promise<JobSnapshot> {
    for (;;) {
      // Redis away (restarting): try again on the next tick; the handle's result never rejects.
      const snapshot = await this.distributed.state.get(id).catch(() => undefined);
      if (snapshot !== undefined && !ACTIVE.has(snapshot.status)) return snapshot;
      await new Promise((resolve) => setTimeout(resolve, this.distributed.pollMs ?? 500).unref());
    }
  }
}
