// `jobUpdated` for a job whose state lives in Redis: the snapshot now, then a fresh one after each
// change announced on the feed (coalesced when the reader is slower), ending with the final snapshot.
// Pub/sub may drop a message (Redis restarting), so it also re-reads every `pollMs`.
import type { JobSnapshot } from "../job.js";
import type { RedisJobFeed } from "./redis-job-feed.js";
import type { RedisJobState } from "./redis-job-state.js";

const isActive = (snapshot: JobSnapshot) => snapshot.status === "QUEUED" || snapshot.status === "RUNNING";

/** Undefined when Redis does not know the job. Listening starts before the first read. */
export async function redisJobUpdates(state: RedisJobState, feed: RedisJobFeed, id: string, pollMs = 2000): Promise<AsyncGenerator<JobSnapshot> | undefined> {
  let changed = false;
  let wake: (() => void) | undefined;
  const off = feed.on(id, () => {
    changed = true;
    wake?.();
  });
  await feed.ready();
  const first = await state.get(id).catch((error: unknown) => (off(), Promise.reject(error)));
  if (first === undefined) {
    off();
    return undefined;
  }
  async function* follow(): AsyncGenerator<JobSnapshot> {
    let last = first!;
    try {
      yield last;
      while (isActive(last)) {
        if (!changed) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, pollMs).unref();
          });
        }
        wake = undefined;
        changed = false;
        const next = await state.get(id).catch(() => undefined);
        if (next === undefined || JSON.stringify(next) === JSON.stringify(last)) continue;
        last = next;
        yield next;
      }
    } finally {
      off();
    }
  }
  return follow();
}
