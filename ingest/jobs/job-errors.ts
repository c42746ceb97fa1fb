// Errors the job runner raises itself, and how any thrown value becomes an item's code and message.

import { PlatformError, type ErrorCode } from "../../compute/errors.js";

/** An item ran past the runner's itemTimeoutMs; its signal was aborted. */
export class ItemTimeoutError extends PlatformError {
  constructor(key: string, timeoutMs: number) {
    super("INTERNAL", `Item '${key}' did not finish within ${timeoutMs} ms and was abandoned`, {
      key,
      timeoutMs,
      reason: "ITEM_TIMEOUT",
    });
  }
}

/** The reason given to the signals of a cancelled job. */
export class JobCancelledError extends PlatformError {
  constructor(jobId: string) {
    super("INTERNAL", `Job '${jobId}' was cancelled`, { jobId, reason: "CANCELLED" });
  }
}

export function describeError(error: unknown): { code: ErrorCode; message: string } {
  if (error instanceof PlatformError) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: "INTERNAL", message: error.message || error.name };
  return { code: "INTERNAL", message: String(error) };
}
