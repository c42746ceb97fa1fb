// Runs one item's handler under an optional deadline. On timeout the item's signal is aborted and the
// item fails at once; a handler that ignores its signal keeps running but its result is discarded.

import { ItemTimeoutError } from "./job-errors.js";

export async function runWithTimeout(
  work: () => Promise<void>,
  key: string,
  timeoutMs: number | undefined,
  controller: AbortController,
): Promise<void> {
  const running = Promise.resolve().then(work);
  if (timeoutMs === undefined) return running;
  running.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new ItemTimeoutError(key, timeoutMs);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    await Promise.race([running, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
