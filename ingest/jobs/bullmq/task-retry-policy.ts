// How often a task is tried and how long BullMQ waits between tries; a task's lock, renewed while it
// runs, lapses when its worker dies, and the stalled check hands it to another worker.
export interface TaskRetryPolicy {
  /** Tries per task before it ends as a per-item error of its job (default 3). */
  attempts: number;
  /** First backoff, doubled each retry (default 1000 ms), for upstream faults. */
  backoffMs: number;
  /** A running task's lock; lapses this long after its worker died (BullMQ default 30000 ms). */
  lockDurationMs: number;
  /** How often workers look for lapsed locks (BullMQ default 30000 ms). */
  stalledIntervalMs: number;
  /** Lapsed locks a task survives before it fails (default 3). */
  maxStalledCount: number;
}

/** RG_QUEUE_ATTEMPTS, RG_QUEUE_BACKOFF_MS, RG_QUEUE_LOCK_MS, RG_QUEUE_STALLED_INTERVAL_MS, RG_QUEUE_MAX_STALLED. */
export function taskRetryPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): TaskRetryPolicy {
  const int = (name: string, fallback: number): number => {
    const value = Number(env[name]);
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return {
    attempts: int("RG_QUEUE_ATTEMPTS", 3),
    backoffMs: int("RG_QUEUE_BACKOFF_MS", 1000),
    lockDurationMs: int("RG_QUEUE_LOCK_MS", 30_000),
    stalledIntervalMs: int("RG_QUEUE_STALLED_INTERVAL_MS", 30_000),
    maxStalledCount: int("RG_QUEUE_MAX_STALLED", 3),
  };
}
