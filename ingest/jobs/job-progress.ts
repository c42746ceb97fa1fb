// Counts of one run (done, failed, skipped, running keys, upstream waits) and the per-item errors, kept small.

import type { UpstreamWaitNotice } from "../http/upstream-wait-report.js";
import type { ItemError, JobProgress, UpstreamWait } from "./job.js";
import { withUpstreamWait } from "./upstream-waits.js";

export class ProgressTracker {
  private done = 0;
  private failed = 0;
  private skipped = 0;
  private readonly running = new Set<string>();
  private readonly errors: ItemError[] = [];
  private upstreamWaits: UpstreamWait[] = [];

  constructor(
    private total: number | undefined,
    private readonly maxRecordedErrors: number,
  ) {}

  start(key: string): void {
    this.running.add(key);
  }

  succeed(key: string): void {
    this.running.delete(key);
    this.done++;
  }

  fail(error: ItemError): void {
    this.running.delete(error.key);
    this.failed++;
    if (this.errors.length < this.maxRecordedErrors) this.errors.push(error);
  }

  /** The item stopped because the job was cancelled: neither done nor failed. */
  abandon(key: string): void {
    this.running.delete(key);
  }

  skip(): void {
    this.skipped++;
  }

  /** An item waited for an upstream's quota or rate (ingest/http/upstream-wait-report.ts). */
  upstreamWait(notice: UpstreamWaitNotice, at: Date): void {
    this.upstreamWaits = withUpstreamWait(this.upstreamWaits, notice, at);
  }

  /** Once a lazy source is exhausted its size is known. */
  setTotal(total: number): void {
    this.total = total;
  }

  snapshot(): JobProgress {
    return {
      total: this.total,
      done: this.done,
      failed: this.failed,
      skipped: this.skipped,
      running: [...this.running],
      ...(this.upstreamWaits.length > 0 ? { upstreamWaits: this.upstreamWaits.map((w) => ({ ...w })) } : {}),
    };
  }

  recordedErrors(): ItemError[] {
    return [...this.errors];
  }
}
