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

/**
 * `onRateLimited`: told of each 429, the wait before the retry (the shared limiter pauses the host for it; 0 when
 * the 429 ends the tries) and the Retry-After it sent, ms.
 */
export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions = DEFAULT_RETRY, onRateLimited?: (waitMs: number, retryAfterMs?: number) => Promise<void>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const rateLimited = (error as FailedRequest)?.status === 429;
      if (attempt >= options.maxAttempts || !isTransient(error)) {
        if (rateLimited) await onRateLimited?.(0, retryAfterOf(error));
        throw error;
      }
      const wait = delayBeforeRetry(error, attempt, options);
      if (rateLimited) await onRateLimited?.(wait, retryAfterOf(error));
      await sleep(wait);
    }
  }
}

/** The Retry-After (seconds) a failed request carried, ms. */
function retryAfterOf(error: unknown): number | undefined {
  const retryAfter = Number((error as FailedRequest)?.request?.getResponseHeader?.("Retry-After"));
  return Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined;
}

function delayBeforeRetry(error: unknown, attempt: number, options: RetryOptions): number {
  const retryAfter = retryAfterOf(error);
  if (retryAfter !== undefined) return Math.min(retryAfter, options.maxDelayMs);
  return Math.random() * Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
