// Who hears that a request waited for its upstream: every wait for a host's quota — a 429's Retry-After
// (or the exponential wait when it sends none), the pause a 429 set on the host's shared bucket, the shared
// rate limit's next token — is told to the job item the request runs for, so the job's progress can say
// "waiting on IDC's quota". Carried implicitly (AsyncLocalStorage) from the job runner / task worker down to
// the HTTP layers, as the request deadline is (compute/request-deadline.ts): no source needs to pass it on.
import { AsyncLocalStorage } from "node:async_hooks";

export interface UpstreamWaitNotice {
  /** The upstream as its client names it (e.g. "GDC API", "DICOMweb server https://…"), else its host. */
  readonly upstream: string;
  /** host[:port]: one limiter and one entry per host. */
  readonly host: string;
  /** How long the request waits now, ms (0: a 429 answer whose wait another report covers, or that is not waited for). */
  readonly waitMs: number;
  /** The upstream answered 429 (rate limit / quota). */
  readonly rateLimited: boolean;
  /** The 429's Retry-After, ms, when it sent one. */
  readonly retryAfterMs?: number;
}

export type UpstreamWaitListener = (notice: UpstreamWaitNotice) => void;

const listeners = new AsyncLocalStorage<UpstreamWaitListener>();

/** Runs `work` with `listener` hearing of every upstream wait made inside it (nested calls: the innermost listener). */
export function reportingUpstreamWaits<T>(listener: UpstreamWaitListener, work: () => Promise<T>): Promise<T> {
  return listeners.run(listener, work);
}

/** Tells the current job item, if any, of a wait; a listener that throws never breaks the request. */
export function reportUpstreamWait(notice: UpstreamWaitNotice): void {
  try {
    listeners.getStore()?.(notice);
  } catch {
    // progress reporting must not fail the request
  }
}
