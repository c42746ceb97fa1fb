// A small typed event API over a job's life, consumed alike by a CLI progress bar and by the
// GraphQL `Job` (through the registry). A throwing listener never breaks the job.

import type { ItemError, JobProgress, JobSnapshot } from "./job.js";

/** `waited`: the item waited for an upstream's quota or rate (progress.upstreamWaits changed). */
export type ItemOutcome = "started" | "done" | "failed" | "skipped" | "abandoned" | "waited";

export interface JobProgressEvent {
  jobId: string;
  /** The item this event is about. */
  key: string;
  outcome: ItemOutcome;
  progress: JobProgress;
}

export interface JobEventMap {
  started: JobSnapshot;
  progress: JobProgressEvent;
  itemFailed: ItemError & { jobId: string };
  finished: JobSnapshot;
}

export type JobEventName = keyof JobEventMap;
export type JobListener<E extends JobEventName> = (event: JobEventMap[E]) => void;

export class JobEvents {
  private readonly listeners = new Map<JobEventName, Set<(event: never) => void>>();

  /** Subscribes; returns the unsubscribe function. */
  on<E extends JobEventName>(event: E, listener: JobListener<E>): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return () => this.off(event, listener);
  }

  off<E extends JobEventName>(event: E, listener: JobListener<E>): void {
    this.listeners.get(event)?.delete(listener);
  }

  emit<E extends JobEventName>(event: E, payload: JobEventMap[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        (listener as JobListener<E>)(payload);
      } catch {
        // a broken progress display must not fail the job
      }
    }
  }
}
