// The deadline of one request, carried implicitly (AsyncLocalStorage) from the HTTP or WebSocket
// entry to the places that do the work: store queries (Neo4j transaction timeout, Ladybug query
// timeout) and worker-pool tasks (terminated). Past the deadline, or when the client goes away, the
// signal aborts and no new work starts; background jobs run outside any request's deadline.
import { AsyncLocalStorage } from "node:async_hooks";
import { setMaxListeners } from "node:events";
import { ResolverTimeoutError } from "./errors.js";

export class RequestDeadline {
  private readonly controller = new AbortController();
  private readonly timer?: NodeJS.Timeout;
  /** When the deadline passes (ms since the epoch); Infinity: none. */
  readonly at: number;

  constructor(timeoutMs: number, now = Date.now()) {
    setMaxListeners(0, this.controller.signal); // one listener per store query and pool task of the request: many, by design
    this.at = timeoutMs > 0 ? now + timeoutMs : Infinity;
    if (timeoutMs > 0) {
      this.timer = setTimeout(() => this.abort(new ResolverTimeoutError(
        `the request took longer than ${timeoutMs} ms: run long work as a job (computeFeatures, then read storedFeatures), or ask the operator to raise RG_RESOLVER_TIMEOUT_MS`,
        { timeoutMs },
      )), timeoutMs);
      this.timer.unref();
    }
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Ms left (at least 1) while the deadline runs; undefined when there is none. */
  remainingMs(now = Date.now()): number | undefined {
    return Number.isFinite(this.at) ? Math.max(1, Math.ceil(this.at - now)) : undefined;
  }

  /** Stops the request's work now (deadline passed, client gone). */
  abort(reason: Error): void {
    clearTimeout(this.timer);
    if (!this.controller.signal.aborted) this.controller.abort(reason);
  }

  /** The request ended normally: nothing to abort any more. */
  dispose(): void {
    clearTimeout(this.timer);
  }

  throwIfAborted(): void {
    if (this.controller.signal.aborted) throw this.controller.signal.reason as Error;
  }
}

const storage = new AsyncLocalStorage<RequestDeadline>();

/** Runs `work` (and everything it starts) under the deadline. */
export function withRequestDeadline<T>(deadline: RequestDeadline, work: () => T): T {
  return storage.run(deadline, work);
}

/** Runs `work` outside any request's deadline (a background job outlives the request that started it). */
export function outsideRequestDeadline<T>(work: () => T): T {
  return storage.exit(work);
}

/** The deadline of the request this code runs for; undefined outside any request. */
export function currentDeadline(): RequestDeadline | undefined {
  return storage.getStore();
}

/** Throws the abort reason (TIMEOUT) when the current request's deadline has passed. */
export function throwIfDeadlinePassed(): void {
  currentDeadline()?.throwIfAborted();
}
