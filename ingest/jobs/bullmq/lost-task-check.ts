// What an instance does on start with RG_REDIS_URL: finds the distributed jobs Redis holds as QUEUED or
// RUNNING that can no longer finish, because their tasks are gone — the submitting server died before all
// of them were on the queue (no `enqueued` mark, no lease), or the queue lost them (flushed, obliterated,
// an unsaved Redis restart) while the job's hash survived — and marks them INTERRUPTED, so `jobs` lists
// them and resumeJob (on any instance) queues their unsettled keys again.
import type { Queue } from "bullmq";
import type { JobSnapshot } from "../job.js";
import { taskIdOf, type JobTask } from "./job-task.js";
import type { RedisJobState, UnfinishedJob } from "./redis-job-state.js";

/** Task states read at once. */
const BATCH = 200;

/** Marks every job with lost tasks INTERRUPTED and returns their snapshots. */
export async function interruptJobsWithLostTasks(state: RedisJobState, queue: Queue<JobTask>): Promise<JobSnapshot[]> {
  const interrupted: JobSnapshot[] = [];
  for (const job of await state.unfinished()) {
    if (!(await lostTasks(state, queue, job))) continue;
    if (await state.interrupt(job.id, job.run)) interrupted.push((await state.get(job.id))!);
  }
  return interrupted;
}

async function lostTasks(state: RedisJobState, queue: Queue<JobTask>, job: UnfinishedJob): Promise<boolean> {
  // Someone is queueing its tasks right now; a submitter that died lets the lease lapse.
  if (job.enqueuing) return false;
  if (!job.enqueued) return true;
  const missing: string[] = [];
  const keys = await state.unsettledKeys(job.id);
  for (let i = 0; i < keys.length; i += BATCH) {
    const batch = keys.slice(i, i + BATCH);
    const states = await Promise.all(batch.map((key) => queue.getJobState(taskIdOf({ jobId: job.id, run: job.run, key }))));
    missing.push(...batch.filter((_key, k) => states[k] === "unknown"));
  }
  if (missing.length === 0) return false;
  // A task settles its key before BullMQ removes it: one that finished between the two reads is not lost.
  const settled = await state.settledAmong(job.id, missing);
  return missing.some((key) => !settled.has(key));
}
