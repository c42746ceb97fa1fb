// A job's snapshots as an async stream: the current one at once, then one after each change (when the
// reader is slower than the job, only the newest of the waiting changes), ending with the final snapshot.
// What the GraphQL subscription `jobUpdated(id)` sends; listening starts at the call, not at first read.
import type { JobSnapshot } from "./job.js";
import type { JobRegistry } from "./job-registry.js";

const isActive = (snapshot: JobSnapshot) => snapshot.status === "QUEUED" || snapshot.status === "RUNNING";

/** Undefined when the registry does not know the job. */
export function jobUpdates(registry: JobRegistry, id: string): AsyncGenerator<JobSnapshot> | undefined {
  const events = registry.events(id);
  const first = registry.get(id);
  if (!events || !first) return undefined;
  let latest: JobSnapshot | undefined;
  let wake: (() => void) | undefined;
  const changed = () => {
    latest = registry.get(id) ?? latest;
    wake?.();
  };
  const unsubscribe = [events.on("started", changed), events.on("progress", changed), events.on("finished", changed)];
  async function* follow(): AsyncGenerator<JobSnapshot> {
    try {
      yield first!;
      if (!isActive(first!)) return;
      for (;;) {
        if (!latest) await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        const next = latest!;
        latest = undefined;
        yield next;
        if (!isActive(next)) return;
      }
    } finally {
      for (const off of unsubscribe) off();
    }
  }
  return follow();
}
