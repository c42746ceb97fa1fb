// cancelJob: stops a queued or running job on either engine (in-process: no more items start, running
// ones see their signal abort; BullMQ: CANCELLED in Redis, waiting tasks removed, workers abort theirs).
// The caller needs the scope the job's mutation needed; without a key that could start any job it
// learns nothing (not even whether the id exists), as for resumeJob.
import { BadUserInputError, NotFoundError } from "../compute/errors.js";
import { assertValidJobId } from "../ingest/jobs/checkpoint-store.js";
import type { JobSnapshot } from "../ingest/jobs/job.js";
import { SCOPES, type Scope } from "./api-keys.js";
import type { RequestContext } from "./context.js";
import { requireAnyJobScope } from "./job-resume.js";

export async function cancelJob(ctx: RequestContext, id: string): Promise<JobSnapshot> {
  requireAnyJobScope(ctx, "cancelJob");
  assertValidJobId(id);
  const current = await ctx.jobs.lookup(id);
  if (current === undefined) throw new NotFoundError("Job", id);
  const scope = await ctx.jobs.scopeOf(id);
  if (scope !== undefined && SCOPES.includes(scope as Scope)) ctx.authority.require(scope as Scope, "cancelling this job");
  // Cancelling twice is a no-op: the caller gets the cancelled job.
  if (current.status === "CANCELLED") return current;
  if (current.status !== "QUEUED" && current.status !== "RUNNING")
    throw new BadUserInputError(`Job '${id}' is ${current.status.toLowerCase()}: only a queued or running job can be cancelled`, { jobId: id, status: current.status });
  return (await ctx.jobs.cancelJob(id)) ?? current;
}
