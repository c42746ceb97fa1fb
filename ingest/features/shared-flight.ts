// One computation shared by every identical concurrent request, with its own deadline: it stops only
// when every waiter has gone (each waiter's request deadline passed or its client left). A waiter
// with no deadline (a background job) keeps it alive to the end. So a first request that times out
// cannot cancel the work a second request, still within its deadline, is waiting for.
import { RequestDeadline, currentDeadline, withRequestDeadline } from "../../compute/request-deadline.js";

export class SharedFlight<T> {
  private readonly deadline = new RequestDeadline(0);
  private readonly result: Promise<T>;
  private waiting = 0;
  private keptAlive = false;

  /** Starts `work` under the flight's own deadline (store queries and pool tasks see it). */
  constructor(work: () => Promise<T>) {
    this.result = withRequestDeadline(this.deadline, work);
    this.result.catch(() => undefined);
  }

  /** The result for the calling request; rejects at once with its own reason when its deadline passes first. */
  join(): Promise<T> {
    const signal = currentDeadline()?.signal;
    if (!signal) {
      this.keptAlive = true;
      return this.result;
    }
    if (signal.aborted) {
      // A caller already past its deadline never waits; when it was the flight's only caller, stop the work.
      this.stopIfUnwanted(signal.reason as Error);
      return Promise.reject(signal.reason as Error);
    }
    this.waiting++;
    return new Promise<T>((resolve, reject) => {
      const leave = () => {
        this.waiting--;
        reject(signal.reason as Error);
        this.stopIfUnwanted(signal.reason as Error);
      };
      signal.addEventListener("abort", leave, { once: true });
      this.result.then(
        (value) => (signal.removeEventListener("abort", leave), resolve(value)),
        (error: unknown) => (signal.removeEventListener("abort", leave), reject(error)),
      );
    });
  }

  private stopIfUnwanted(reason: Error): void {
    if (this.waiting === 0 && !this.keptAlive) this.deadline.abort(reason);
  }

  /** Every waiter has gone and the work was stopped: a new request must start its own flight. */
  get abandoned(): boolean {
    return this.deadline.signal.aborted;
  }

  /** Settles with the work, success or not (for clean-up). */
  get settled(): Promise<void> {
    return this.result.then(() => undefined, () => undefined);
  }
}
