// dicomweb-client does not retry. Public DICOMweb servers (IDC's proxy has a per-IP quota) answer
// 429/5xx or drop connections now and then: retry those with exponential backoff and full jitter,
// honouring Retry-After (seconds) when the server sends one.

export interface RetryOptions {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  /** Cap on one wait, ms. */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 10_000 };

interface FailedRequest {
  status?: number;
  request?: { getResponseHeader?(name: string): string | null };
}

export function isTransient(error: unknown): boolean {
  const status = (error as FailedRequest)?.status;
  return status === 0 || status === 429 || status === 408 || (status !== undefined && status >= 500);
}

/** `onRateLimited`: told of each 429 and the wait before the retry (the shared limiter pauses the host for it). */
export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions = DEFAULT_RETRY, onRateLimited?: (waitMs: number) => Promise<void>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= options.maxAttempts || !isTransient(error)) throw error;
      const wait = delayBeforeRetry(error, attempt, options);
      if ((error as FailedRequest).status === 429) await onRateLimited?.(wait);
      await sleep(wait);
    }
  }
}

function delayBeforeRetry(error: unknown, attempt: number, options: RetryOptions): number {
  const retryAfter = Number((error as FailedRequest)?.request?.getResponseHeader?.("Retry-After"));
  if (Number.isFinite(retryAfter) && retryAfter > 0) return Math.min(retryAfter * 1000, options.maxDelayMs);
  return Math.random() * Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
