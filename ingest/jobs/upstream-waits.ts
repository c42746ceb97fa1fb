// A job's upstream waits, one entry per host: how often and how long its items waited for the host's quota
// or shared rate, how many 429s it answered and the last Retry-After it asked for (ingest/http/upstream-wait-report.ts
// reports them). Both engines keep the same summary (job-progress.ts in process, redis-job-state.ts in Redis).
import type { UpstreamWaitNotice } from "../http/upstream-wait-report.js";
import type { UpstreamWait } from "./job.js";

/** The summaries with one more notice counted (a new array; the host's entry replaced, newest last). */
export function withUpstreamWait(summaries: readonly UpstreamWait[], notice: UpstreamWaitNotice, at: Date): UpstreamWait[] {
  const before = summaries.find((s) => s.host === notice.host);
  const waited = notice.waitMs > 0;
  const next: UpstreamWait = {
    // The limiter knows only the host; a client's name for the upstream ("GDC API") is kept once heard.
    upstream: notice.upstream !== notice.host ? notice.upstream : (before?.upstream ?? notice.host),
    host: notice.host,
    waits: (before?.waits ?? 0) + (waited ? 1 : 0),
    waitedMs: (before?.waitedMs ?? 0) + (waited ? Math.ceil(notice.waitMs) : 0),
    rateLimited: (before?.rateLimited ?? 0) + (notice.rateLimited ? 1 : 0),
    ...(notice.retryAfterMs !== undefined ? { lastRetryAfterMs: notice.retryAfterMs } : before?.lastRetryAfterMs !== undefined ? { lastRetryAfterMs: before.lastRetryAfterMs } : {}),
    lastAt: at,
  };
  return [...summaries.filter((s) => s.host !== notice.host), next];
}

/** One line for a progress display, e.g. "GDC API: 2× 429 (Retry-After 1 s), waited 2.0 s". Empty when nothing waited. */
export function describeUpstreamWaits(summaries: readonly UpstreamWait[] | undefined): string {
  return (summaries ?? [])
    .map((s) => {
      const answers = s.rateLimited > 0 ? `${s.rateLimited}× 429${s.lastRetryAfterMs !== undefined ? ` (Retry-After ${Math.ceil(s.lastRetryAfterMs / 1000)} s)` : ""}, ` : "";
      return `${s.upstream}: ${answers}waited ${(s.waitedMs / 1000).toFixed(1)} s`;
    })
    .join("; ");
}
