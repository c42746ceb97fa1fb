import type { JobSnapshot } from "../ingest/jobs/job.js";
import type { Job } from "../schema/job.type.js";

export function toJob(snapshot: JobSnapshot): Job {
  return {
    id: snapshot.id,
    name: snapshot.name,
    status: snapshot.status,
    createdAt: snapshot.createdAt.toISOString(),
    startedAt: snapshot.startedAt?.toISOString() ?? null,
    finishedAt: snapshot.finishedAt?.toISOString() ?? null,
    progress: {
      total: snapshot.progress.total, done: snapshot.progress.done, failed: snapshot.progress.failed, skipped: snapshot.progress.skipped, cancelled: cancelledOf(snapshot),
      upstreamWaits: (snapshot.progress.upstreamWaits ?? []).map((w) => ({ ...w, lastRetryAfterMs: w.lastRetryAfterMs ?? null, lastAt: w.lastAt.toISOString() })),
    },
    errors: snapshot.errors.map(({ key, code, message }) => ({ key, code, message })),
  };
}

/** Items a cancel kept from running: what is left of the total once it settled. */
function cancelledOf({ status, progress }: JobSnapshot): number | null {
  if (status !== "CANCELLED" || progress.total === undefined) return null;
  return Math.max(0, progress.total - progress.done - progress.failed - progress.skipped);
}
