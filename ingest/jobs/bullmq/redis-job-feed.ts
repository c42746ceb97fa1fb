// Job ids announced on a Redis pub/sub channel (redis-job-state.ts publishes them), handed to the
// listeners of each id in this process. One subscriber connection per feed, opened on first use;
// ioredis re-subscribes by itself after a reconnect. Pub/sub delivers at most once, so readers that
// must not miss the end also re-read the state now and then (redis-job-updates.ts).
import type { Redis } from "ioredis";

export type JobIdListener = (jobId: string) => void;

export class RedisJobFeed {
  private subscriber?: Redis;
  private readonly listeners = new Map<string, Set<JobIdListener>>();

  /** `client` is duplicated: a subscribed connection can run no other command. */
  constructor(private readonly client: Redis, private readonly channel: string) {}

  /** Calls `listener` whenever the job's id is published; returns the unsubscribe function. */
  on(jobId: string, listener: JobIdListener): () => void {
    this.open();
    const set = this.listeners.get(jobId) ?? new Set();
    set.add(listener);
    this.listeners.set(jobId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(jobId) === set) this.listeners.delete(jobId);
    };
  }

  /** Resolves once the subscription is active (a publish after this reaches the listeners). */
  async ready(): Promise<void> {
    await this.open();
  }

  close(): void {
    this.subscriber?.disconnect();
    this.subscriber = undefined;
    this.listeners.clear();
  }

  private subscribed?: Promise<unknown>;

  private open(): Promise<unknown> {
    if (this.subscriber === undefined) {
      const subscriber = this.client.duplicate();
      subscriber.on("error", () => undefined); // reconnects by itself; readers fall back to re-reading
      subscriber.on("message", (_channel: string, jobId: string) => {
        for (const listener of [...(this.listeners.get(jobId) ?? [])]) listener(jobId);
      });
      this.subscriber = subscriber;
      this.subscribed = subscriber.subscribe(this.channel).catch(() => undefined);
    }
    return this.subscribed!;
  }
}
