// A prepared survival analysis as a job: one item ("fit") that fits and saves, so a client polls
// job(id) and then reads survivalAnalysis(id) with the same id. A stored answer is returned as a
// SUCCEEDED job at once (nothing queued, so it never waits behind other jobs); the same question
// while its job runs gets that job.
import type { JobDefinition } from "../jobs/job.js";
import type { JobRegistry } from "../jobs/job-registry.js";
import type { JobSnapshot } from "../jobs/job.js";
import type { PreparedSurvivalAnalysis } from "./survival-service.js";

export function survivalJob(prepared: PreparedSurvivalAnalysis): JobDefinition<string> {
  return {
    id: prepared.id,
    name: prepared.name,
    items: ["fit"],
    keyOf: (item) => item,
    handle: async () => void (await prepared.run()),
  };
}

/** Submits (or finds) the job of a prepared analysis; a stored answer is a finished job. */
export function submitSurvivalJob(jobs: JobRegistry, prepared: PreparedSurvivalAnalysis, now: () => Date = () => new Date()): JobSnapshot {
  if (prepared.stored) {
    const at = new Date(prepared.stored.createdAt ?? now().toISOString());
    return { id: prepared.id, name: prepared.name, status: "SUCCEEDED", createdAt: at, startedAt: at, finishedAt: at, progress: { total: 1, done: 0, failed: 0, skipped: 1, running: [] }, errors: [] };
  }
  const existing = jobs.get(prepared.id);
  if (existing && (existing.status === "QUEUED" || existing.status === "RUNNING")) return existing;
  return jobs.get(jobs.submit(survivalJob(prepared)).id)!;
}
