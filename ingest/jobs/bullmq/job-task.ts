// One task of a distributed job: one item of the job (for computeFeatures one lesion × the job's settings),
// enough for any worker to rebuild the job from its kind and arguments (resolvers/job-kinds.ts) and run the item.
import { createHash } from "node:crypto";

export const JOB_TASK_QUEUE = "radiogenomics-job-tasks";

export interface JobTask {
  jobId: string;
  /** The run of the job (a resubmitted job starts a new run); tasks of an older run are ignored. */
  run: number;
  /** The job kind and its JSON arguments, as the journal records them. */
  kind: string;
  args: unknown;
  /** The item's key (keyOf): for features, the lesion id. */
  key: string;
}

/** Deterministic BullMQ id: adding the same task twice is a no-op (BullMQ ids may not contain ':'). */
export function taskIdOf(task: Pick<JobTask, "jobId" | "run" | "key">): string {
  return `${task.jobId}.r${task.run}.${createHash("sha256").update(task.key).digest("hex").slice(0, 24)}`;
}
