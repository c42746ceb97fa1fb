// resumeJob: a job a restart left INTERRUPTED is rebuilt from its journal record (kind + arguments) and
// submitted again under its id, so its checkpoint skips the items it had completed. A distributed job
// (RG_REDIS_URL) whose tasks were lost continues in place: its record is in Redis and only its unsettled
// keys are queued again, from whichever instance is asked. The caller needs the
// scope the original mutation needed; without a key that could start any job it learns nothing (not
// even whether the id exists).
import { BadUserInputError, NotFoundError, PlatformError } from "../compute/errors.js";
import { assertValidJobId } from "../ingest/jobs/checkpoint-store.js";
import type { JobSnapshot } from "../ingest/jobs/job.js";
import type { RequestContext } from "./context.js";
import { JOB_SCOPES, jobKindOf, submitJobOfKind, type JobKindName } from "./job-kinds.js";

export async function resumeJob(ctx: RequestContext, id: string): Promise<JobSnapshot> {
  requireAnyJobScope(ctx, "resumeJob");
  assertValidJobId(id);
  // Distributed jobs: their record and state are in Redis, the same on every instance.
  const record = await ctx.jobs.recordOf(id);
  const current = await ctx.jobs.lookup(id);
  if (record === undefined && current === undefined) throw new NotFoundError("Job", id);
  const kind = record ? jobKindOf(record.kind) : undefined;
  if (record && kind) ctx.authority.require(kind.scope, `resuming a ${record.kind} job`);
  const status = current?.status ?? record?.status;
  if (status !== "INTERRUPTED")
    throw new BadUserInputError(`Job '${id}' is ${status?.toLowerCase()}, not interrupted: only a job a restart interrupted can be resumed (send its mutation again to re-run it)`, { jobId: id, status });
  if (!record || !kind) throw new BadUserInputError(`Job '${id}' has no journal record of a known kind, so it cannot be rebuilt: send its mutation again`, { jobId: id });
  return (await ctx.jobs.resumeShared(id)) ?? submitJobOfKind(ctx, record.kind as JobKindName, record.args as never, id);
}

/** UNAUTHENTICATED without a key, FORBIDDEN with a key that may start no kind of job. */
export function requireAnyJobScope(ctx: RequestContext, what: string): void {
  for (const scope of JOB_SCOPES) {
    try {
      ctx.authority.require(scope, what);
      return;
    } catch (error) {
      if (!(error instanceof PlatformError) || error.code !== "FORBIDDEN") throw error;
    }
  }
  throw new PlatformError("FORBIDDEN", `${what} needs an API key with one of the scopes ${JOB_SCOPES.join(", ")} (the one the job's mutation needs)`, { scopes: JOB_SCOPES });
}
