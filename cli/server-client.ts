// The CLI's way to work through a running server (which holds the embedded store): GraphQL calls
// and following a job to its end.
import { PlatformError, UpstreamUnavailableError, type ErrorCode } from "../compute/errors.js";
import type { JobSnapshot } from "../ingest/jobs/job.js";
import { describeUpstreamWaits } from "../ingest/jobs/upstream-waits.js";

const JOB = `query($id: ID!) { job(id: $id) { id name status progress { total done failed skipped upstreamWaits { upstream host waits waitedMs rateLimited lastRetryAfterMs lastAt } } errors { key code message } } }`;

export async function callServer<T = any>(server: string, apiKey: string | undefined, query: string, variables: object): Promise<T> {
  let response: Response;
  try {
    response = await fetch(new URL("/graphql", server), {
      method: "POST",
      headers: { "content-type": "application/json", ...(apiKey ? { "x-api-key": apiKey } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new UpstreamUnavailableError(`No radiogenomics server answers at ${server} (${(error as Error).message}). Start one with 'npm start'.`);
  }
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (body.errors?.length) throw new PlatformError((body.errors[0]!.extensions?.code ?? "INTERNAL") as ErrorCode, body.errors[0]!.message);
  return body.data as T;
}

/** Polls job(id) until it ends, showing progress on stderr; returns the final snapshot. */
export async function followJob(server: string, apiKey: string | undefined, id: string): Promise<Pick<JobSnapshot, "name" | "status" | "progress" | "errors">> {
  for (;;) {
    const { job } = await callServer(server, apiKey, JOB, { id });
    if (!["QUEUED", "RUNNING"].includes(job.status)) {
      process.stderr.write("\n");
      return job;
    }
    const waits = describeUpstreamWaits(job.progress.upstreamWaits?.map((w: { lastRetryAfterMs: number | null }) => ({ ...w, lastRetryAfterMs: w.lastRetryAfterMs ?? undefined })));
    process.stderr.write(`\r${job.status} ${job.progress.done + job.progress.skipped + job.progress.failed}/${job.progress.total ?? "?"}${waits ? ` | ${waits}` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Prints how a job ended; a failed job sets a non-zero exit code. */
export function reportJob(snapshot: Pick<JobSnapshot, "name" | "status" | "progress" | "errors">): void {
  const { done, failed, skipped } = snapshot.progress;
  process.stdout.write(`${snapshot.name}: ${snapshot.status} — ${done} done, ${skipped} already done earlier, ${failed} failed\n`);
  const waits = describeUpstreamWaits(snapshot.progress.upstreamWaits);
  if (waits) process.stdout.write(`  upstream quotas: ${waits}\n`);
  for (const error of snapshot.errors) process.stdout.write(`  ${error.key}: [${error.code}] ${error.message}\n`);
  if (snapshot.status === "FAILED" || snapshot.status === "PARTIAL") process.exitCode = 1;
}
