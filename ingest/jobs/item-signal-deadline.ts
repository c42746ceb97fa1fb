// Runs an item's work under a request deadline that aborts with the item's signal (job cancelled, item
// timed out), so the store queries and worker-pool tasks it starts stop too: the pool task is
// terminated and its write skipped (the FeatureService's shared flights watch the current deadline).
import { RequestDeadline, withRequestDeadline } from "../../compute/request-deadline.js";

export async function underItemSignal<T>(signal: AbortSignal, work: () => Promise<T>): Promise<T> {
  const deadline = new RequestDeadline(0);
  const stop = (): void => deadline.abort(signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));
  if (signal.aborted) stop();
  else signal.addEventListener("abort", stop, { once: true });
  try {
    return await withRequestDeadline(deadline, work);
  } finally {
    signal.removeEventListener("abort", stop);
    deadline.dispose();
  }
}
