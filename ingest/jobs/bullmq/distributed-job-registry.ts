// The job registry with RG_REDIS_URL set: a job of a distributed kind (computeFeatures) becomes one
// BullMQ task per item, its state lives in Redis (redis-job-state.ts), and `lookup` / `lookupAll` read
// Redis first, so every server instance answers `job(id)` and `jobs` alike. Other kinds run in-process
// exactly as in the JobRegistry it extends.
import type { Queue } from "bullmq";
import { JobEvents } from "../job-events.js";
import type { JobDefinition, JobSnapshot } from "../job.js";
import type { JobOrigin } from "../job-journal.js";
import { JobRegistry, type JobHandle, type JobRegistryOptions } from "../job-registry.js";
import { taskIdOf, type JobTask } from "./job-task.js";
import type { RedisJobState } from "./redis-job-state.js";
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

const ACTIVE = new Set(["QUEUED", "RUNNING"]);

export class DistributedJobRegistry extends JobRegistry {
  constructor(private readonly distributed: DistributedJobRegistryOptions) {
    super(distributed);
  }

  override submit<T>(job: JobDefinition<T>, origin?: JobOrigin): JobHandle & { journaled: Promise<void> } {
    if (origin === undefined || !this.distributed.kinds.has(origin.kind)) return super.submit(job, origin);
    const enqueued = this.enqueue(job, origin);
    const result = enqueued.then(() => this.finished(job.id));
    // Cancelling distributed jobs is not built yet (issue 17): cancel() does nothing.
    return { id: job.id, events: new JobEvents(), result, cancel: () => undefined, journaled: enqueued };
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
    const run = await this.distributed.state.create(job.id, job.name, keys.size);
    const { attempts, backoffMs } = this.distributed.policy;
    await this.distributed.queue.addBulk([...keys].map((key) => {
      const data: JobTask = { jobId: job.id, run, kind: origin.kind, args: origin.args, key };
      return { name: origin.kind, data, opts: { jobId: taskIdOf(data), attempts, backoff: { type: "exponential", delay: backoffMs }, removeOnComplete: true, removeOnFail: 1000 } };
    }));
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
