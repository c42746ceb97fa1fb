// The Redis the distributed job engine uses: RG_REDIS_URL (e.g. redis://127.0.0.1:6379). Unset: no
// distributed engine, jobs run in-process as always.
import { Redis } from "ioredis";

/** BullMQ's connection options for a URL; BullMQ requires maxRetriesPerRequest null (a blocked worker waits, never errors). */
export function bullmqConnection(url: string): { url: string; maxRetriesPerRequest: null } {
  return { url, maxRetriesPerRequest: null };
}

/** A plain client for the job state (not BullMQ's own connections). */
export function openRedis(url: string, onError: (error: Error) => void = () => undefined): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
  // ioredis reconnects by itself; commands wait meanwhile. Without a listener it prints every failed attempt.
  client.on("error", onError);
  return client;
}

export function redisUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const url = env.RG_REDIS_URL?.trim();
  return url ? url : undefined;
}
