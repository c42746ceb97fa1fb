// What a job is: a name, work items with stable string keys, and a handler per item. Shared by every
// ingest source (imaging, genomics, pathways) and by feature computation.

import type { ErrorCode } from "../../compute/errors.js";

/** INTERRUPTED: the process running it died (a restart found it unfinished in the job journal); resumeJob continues it. */
export type JobStatus = "QUEUED" | "RUNNING" | "SUCCEEDED" | "PARTIAL" | "FAILED" | "CANCELLED" | "INTERRUPTED";

export interface ItemContext {
  readonly jobId: string;
  readonly key: string;
  /** Aborts when the job is cancelled or the item times out; pass it to HTTP requests. */
  readonly signal: AbortSignal;
}

export interface JobDefinition<T> {
  /**
   * Stable id ([A-Za-z0-9._-], up to 200 chars): names the checkpoint. Running a job again with the
   * same id resumes it: items completed before are skipped.
   */
  id: string;
  /** Human-readable, e.g. "Ingest imaging TCGA-GBM". */
  name: string;
  items: Iterable<T> | AsyncIterable<T>;
  /** Stable key of an item (e.g. a series UID or case barcode); one completion per key. */
  keyOf(item: T): string;
  /** Does the work for one item; must be idempotent (upserts) and should honour `context.signal`. */
  handle(item: T, context: ItemContext): Promise<void>;
  /** Number of items, when `items` is lazy and the source knows it; arrays are counted. */
  total?: number;
}

export interface ItemError {
  key: string;
  code: ErrorCode;
  message: string;
  at: Date;
}

export interface JobProgress {
  /** Undefined until known (lazy sources without a total). */
  total?: number;
  /** Completed in this run. */
  done: number;
  failed: number;
  /** Completed in an earlier run (from the checkpoint), not run again. */
  skipped: number;
  /** Keys being worked on now. */
  running: string[];
  /** Waits for upstream quotas and rate limits (429 / Retry-After, the shared rate), per host; absent until the first. */
  upstreamWaits?: UpstreamWait[];
}

/** How much a job waited for one upstream host (IDC's proxy has a per-IP quota: the job says when it is hit). */
export interface UpstreamWait {
  /** The upstream as its client names it, e.g. "GDC API". */
  upstream: string;
  /** host[:port]. */
  host: string;
  /** Times a request waited (for a 429's Retry-After or pause, or for the shared rate's next token). */
  waits: number;
  /** Their planned waits, ms, summed. */
  waitedMs: number;
  /** 429 answers. */
  rateLimited: number;
  /** The last Retry-After the upstream sent, ms. */
  lastRetryAfterMs?: number;
  lastAt: Date;
}

export interface JobFailure {
  code: ErrorCode;
  message: string;
}

export interface JobSnapshot {
  id: string;
  name: string;
  status: JobStatus;
  createdAt: Date;
  startedAt?: Date;
  finishedAt?: Date;
  progress: JobProgress;
  /** Per-item errors, the first `maxRecordedErrors` of them (progress.failed counts all). */
  errors: ItemError[];
  /** Why the job as a whole failed (its item source threw), if it did. */
  failure?: JobFailure;
}
