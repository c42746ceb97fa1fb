// Counts of one run (done, failed, skipped, running keys) and the per-item errors, kept small.

import type { ItemError, JobProgress } from "./job.js";

export class ProgressTracker {
  private done = 0;
  private failed = 0;
  private skipped = 0;
  private readonly running = new Set<string>();
  private readonly errors: ItemError[] = [];

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
    };
  }

  recordedErrors(): ItemError[] {
    return [...this.errors];
  }
}
