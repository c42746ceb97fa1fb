// A bound on the decoded lesion volumes (image + mask) one process holds at once: the feature service takes
// a permit before it loads a lesion's image and mask and gives it back once that lesion's features are
// computed (or the load, the check or the computation failed, was cancelled or ran past its deadline). Job
// concurrency, worker --concurrency and concurrent GraphQL requests can then be raised without a cohort's
// volumes piling up in memory: the rest wait for a permit. One instance per process (processVolumePermits)
// serves the in-process job runner, GraphQL requests and the `worker` command's BullMQ tasks alike.
// Written here rather than taken from p-limit / async-mutex: a waiter must leave the queue when its own
// signal aborts (a job cancel, a request deadline) and the bound's high-water mark is what tests read.
import os from "node:os";
import { BadUserInputError } from "../../compute/errors.js";
import { DEFAULT_RESOURCE_CAPS, resourceCapsFromEnv } from "../../compute/features/resource-estimate.js";

export const MAX_LIVE_VOLUMES_ENV = "RG_MAX_LIVE_VOLUMES";

/** Gives the permit back; calling it again does nothing. */
export type VolumeRelease = () => void;

interface Waiter {
  grant: (release: VolumeRelease) => void;
  reject: (reason: unknown) => void;
}

export class VolumePermits {
  private live = 0;
  private peak = 0;
  private readonly waiting: Waiter[] = [];

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new BadUserInputError(`${MAX_LIVE_VOLUMES_ENV} must be a whole number of at least 1 (got ${max})`);
  }

  /** Permits held now. */
  get held(): number {
    return this.live;
  }

  /** The most permits ever held at once (never above `max`). */
  get highWater(): number {
    return this.peak;
  }

  /** Callers waiting for a permit now. */
  get queued(): number {
    return this.waiting.length;
  }

  /** A permit, at once when one is free, else in arrival order; rejects with the signal's reason if it aborts first. */
  acquire(signal?: AbortSignal): Promise<VolumeRelease> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.live < this.max) return Promise.resolve(this.take());
    return new Promise<VolumeRelease>((resolve, reject) => {
      const waiter: Waiter = {
        grant: (release) => (signal?.removeEventListener("abort", leave), resolve(release)),
        reject,
      };
      const leave = (): void => {
        const at = this.waiting.indexOf(waiter);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(signal!.reason);
      };
      signal?.addEventListener("abort", leave, { once: true });
      this.waiting.push(waiter);
    });
  }

  /** Runs `work` holding one permit; the permit is given back however `work` ends. */
  async with<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(signal);
    try {
      return await work();
    } finally {
      release();
    }
  }

  private take(): VolumeRelease {
    this.live++;
    this.peak = Math.max(this.peak, this.live);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.live--;
      // Handed straight to the next waiter: no caller arriving meanwhile can overtake it.
      const next = this.waiting.shift();
      if (next) next.grant(this.take());
    };
  }
}

/**
 * RG_MAX_LIVE_VOLUMES, else derived from memory: half the machine's RAM divided by the peak one computation
 * may use (RG_MAX_FEATURE_MEMORY_MB, default 1024 MB), at least 1; e.g. 8 on a 16 GB machine.
 */
export function maxLiveVolumesFromEnv(env: Record<string, string | undefined> = process.env, totalBytes = os.totalmem()): number {
  const set = env[MAX_LIVE_VOLUMES_ENV]?.trim();
  if (set) {
    const value = Number(set);
    if (!Number.isInteger(value) || value < 1) throw new BadUserInputError(`${MAX_LIVE_VOLUMES_ENV} must be a whole number of at least 1 (got '${set}')`);
    return value;
  }
  const perVolumeMb = resourceCapsFromEnv(env).maxFeatureMemoryMb || DEFAULT_RESOURCE_CAPS.maxFeatureMemoryMb;
  return Math.max(1, Math.floor(totalBytes / 2 / (perVolumeMb * 2 ** 20)));
}

let shared: VolumePermits | undefined;

/** The process's permits (created on first use from the environment). */
export function processVolumePermits(): VolumePermits {
  shared ??= new VolumePermits(maxLiveVolumesFromEnv());
  return shared;
}
