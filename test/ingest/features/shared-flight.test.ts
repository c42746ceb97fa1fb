// A computation shared by identical requests stops only when all its waiters have gone: the first
// request timing out must not cancel the work a second request, still within its deadline, waits for.
import { describe, expect, it } from "vitest";
import { ResolverTimeoutError } from "../../../compute/errors.js";
import { RequestDeadline, currentDeadline, withRequestDeadline } from "../../../compute/request-deadline.js";
import { SharedFlight } from "../../../ingest/features/shared-flight.js";

/** Work that finishes when `finish` is called, and records whether its own deadline aborted. */
function controllableWork() {
  let finish!: (value: string) => void;
  const seen: { signal?: AbortSignal } = {};
  const work = () => {
    seen.signal = currentDeadline()?.signal;
    return new Promise<string>((resolve, reject) => {
      finish = resolve;
      seen.signal?.addEventListener("abort", () => reject(seen.signal!.reason as Error), { once: true });
    });
  };
  return { work, finish: (v: string) => finish(v), seen };
}

const timeout = () => new ResolverTimeoutError("deadline passed", {});

describe("SharedFlight", () => {
  it("keeps computing for the second waiter when the first one's deadline passes", async () => {
    const { work, finish, seen } = controllableWork();
    const first = new RequestDeadline(0);
    const second = new RequestDeadline(0);
    const flight = withRequestDeadline(first, () => new SharedFlight(work));
    const firstAnswer = withRequestDeadline(first, () => flight.join());
    const secondAnswer = withRequestDeadline(second, () => flight.join());

    first.abort(timeout());
    await expect(firstAnswer).rejects.toBeInstanceOf(ResolverTimeoutError);
    expect(seen.signal?.aborted).toBe(false);
    expect(flight.abandoned).toBe(false);

    finish("values");
    await expect(secondAnswer).resolves.toBe("values");
  });

  it("stops the work once every waiter has gone", async () => {
    const { work, seen } = controllableWork();
    const first = new RequestDeadline(0);
    const second = new RequestDeadline(0);
    const flight = new SharedFlight(work);
    const answers = [withRequestDeadline(first, () => flight.join()), withRequestDeadline(second, () => flight.join())];

    first.abort(timeout());
    second.abort(timeout());
    await Promise.allSettled(answers);
    expect(seen.signal?.aborted).toBe(true);
    expect(flight.abandoned).toBe(true);
    await flight.settled;
  });

  it("is kept alive to the end by a waiter without a deadline (a background job)", async () => {
    const { work, finish, seen } = controllableWork();
    const request = new RequestDeadline(0);
    const flight = new SharedFlight(work);
    const jobAnswer = flight.join();
    const requestAnswer = withRequestDeadline(request, () => flight.join());

    request.abort(timeout());
    await expect(requestAnswer).rejects.toBeInstanceOf(ResolverTimeoutError);
    expect(seen.signal?.aborted).toBe(false);
    finish("values");
    await expect(jobAnswer).resolves.toBe("values");
  });

  it("answers a caller already past its deadline at once with its own reason, and stops the work it alone wanted (CI: sibling fields kept starting flights after TIMEOUT)", async () => {
    const { work, seen } = controllableWork();
    const late = new RequestDeadline(0);
    late.abort(timeout());
    const flight = new SharedFlight(work);
    await expect(withRequestDeadline(late, () => flight.join())).rejects.toBeInstanceOf(ResolverTimeoutError);
    expect(seen.signal?.aborted).toBe(true);
    expect(flight.abandoned).toBe(true);
  });
});

