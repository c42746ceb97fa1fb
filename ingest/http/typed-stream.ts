// A streamed body under an idle timeout (no bytes for timeoutMs while the reader is keeping up),
// whose mid-way failures (idle timeout, connection cut) become the same typed errors as a failed
// request — so a job records UPSTREAM_UNAVAILABLE rather than a raw socket error. A slow reader
// (backpressure) never counts as an idle upstream.

import { PassThrough, type Readable } from "node:stream";
import type { AttemptFailure } from "./attempt-failure.js";
import { failureToError, type RequestContext } from "./failure-to-error.js";

export function withTypedErrors(source: Readable, context: RequestContext, timeoutMs: number, status: number): Readable {
  const out = new PassThrough();
  let timer: NodeJS.Timeout | undefined;
  const fail = (failure: AttemptFailure): void => {
    stopTimer();
    out.destroy(failureToError(failure, context));
    source.destroy();
  };
  const stopTimer = (): void => clearTimeout(timer);
  const restartTimer = (): void => {
    stopTimer();
    timer = setTimeout(() => fail({ kind: "timeout", timeoutMs }), timeoutMs);
  };
  source.on("data", (chunk: Buffer) => {
    restartTimer();
    if (!out.write(chunk)) {
      stopTimer();
      source.pause();
    }
  });
  out.on("drain", () => {
    restartTimer();
    source.resume();
  });
  source.on("end", () => {
    stopTimer();
    out.end();
  });
  source.on("error", (error) => fail(failureOfStream(error, status)));
  out.on("close", () => {
    stopTimer();
    source.destroy();
  });
  restartTimer();
  return out;
}

function failureOfStream(error: Error, status: number): AttemptFailure {
  return { kind: "invalid-body", status, reason: `the body stream broke off (${error.message})` };
}
