// A JSON GET through the host's UpstreamLimiter. A 429 pauses the host's shared bucket for its
// Retry-After (or an exponential wait when it sends none) and is logged, so every concurrent request —
// in every process when the bucket is in Redis — backs off together; after `maxRateLimitHits` 429s in a
// row, or a Retry-After longer than `maxRetryAfterMs`, the request fails as UpstreamQuotaExceededError.
// 5xx and dropped connections are retried with full-jitter backoff; other 4xx fail at once.
import type { Logger } from "pino";
import { UpstreamHttpUnavailableError, UpstreamRequestRejectedError } from "./http-errors.js";
import { UpstreamQuotaExceededError } from "./quota-exceeded-error.js";
import { parseRetryAfter } from "./retry-after.js";
import { realSleep, type Sleep } from "./sleep.js";
import { reportUpstreamWait } from "./upstream-wait-report.js";
import type { UpstreamLimiter } from "./upstream-limiter.js";

export interface RateLimitedNotice {
  readonly upstream: string;
  readonly host: string;
  readonly waitMs: number;
  /** 429s in a row for this request. */
  readonly hits: number;
}

export interface LimitedFetchOptions {
  readonly upstream: string;
  readonly limiter: UpstreamLimiter;
  readonly headers?: Record<string, string>;
  readonly signal?: AbortSignal;
  readonly logger?: Pick<Logger, "warn">;
  /** Told of every 429 (a job reports it in its progress log). */
  readonly onRateLimited?: (notice: RateLimitedNotice) => void;
  /** 429s in a row before giving up (default 6). */
  readonly maxRateLimitHits?: number;
  /** A Retry-After longer than this is not waited for (default 10 min): the quota is spent for now. */
  readonly maxRetryAfterMs?: number;
  /** Tries for 5xx / connection failures (default 4). */
  readonly attempts?: number;
  readonly baseDelayMs?: number;
  readonly sleep?: Sleep;
}

const RETRIED_STATUS = new Set([408, 500, 502, 503, 504]);

export async function limitedFetchJson<T>(url: string, options: LimitedFetchOptions): Promise<T> {
  const { limiter, upstream, signal } = options;
  const sleep = options.sleep ?? realSleep;
  const maxHits = options.maxRateLimitHits ?? 6;
  const attempts = options.attempts ?? 4;
  const base = options.baseDelayMs ?? 500;
  const path = new URL(url).pathname;
  let hits = 0;
  for (let failures = 0; ; ) {
    let response: Response;
    try {
      response = await limiter.run(() => fetch(url, { headers: { accept: "application/dicom+json, application/json", ...options.headers }, signal }), signal);
    } catch (error) {
      signal?.throwIfAborted();
      if (++failures >= attempts) throw new UpstreamHttpUnavailableError(`${upstream}: GET ${path} failed ${failures} times: ${(error as Error).message}`, { upstream, method: "GET", url, path, attempts: failures });
      await sleep(Math.random() * base * 2 ** (failures - 1), signal);
      continue;
    }
    if (response.status === 429) {
      hits++;
      const asked = parseRetryAfter(response.headers.get("retry-after") ?? undefined, Date.now());
      await response.body?.cancel();
      // The wait itself is the limiter's (the pause below makes its next token wait): it reports that part.
      reportUpstreamWait({ upstream, host: limiter.host, waitMs: 0, rateLimited: true, ...(asked !== undefined ? { retryAfterMs: asked } : {}) });
      if (hits >= maxHits || (asked !== undefined && asked > (options.maxRetryAfterMs ?? 600_000))) throw new UpstreamQuotaExceededError(upstream, limiter.host, hits, asked);
      const waitMs = asked ?? Math.min(60_000, 1000 * 2 ** (hits - 1));
      await limiter.pause(waitMs);
      options.logger?.warn({ upstream, host: limiter.host, waitMs, hits }, `${upstream} answered 429 (rate limit / quota): every request to ${limiter.host} waits ${Math.ceil(waitMs / 1000)} s (${hits} in a row)`);
      options.onRateLimited?.({ upstream, host: limiter.host, waitMs, hits });
      continue;
    }
    if (response.status === 204) return null as T; // some archives answer an empty search with No Content
    if (response.ok) return (await response.json()) as T;
    const body = (await response.text()).slice(0, 200);
    const details = { upstream, method: "GET", url, path, attempts: failures + 1, status: response.status, bodyExcerpt: body };
    if (!RETRIED_STATUS.has(response.status)) throw new UpstreamRequestRejectedError(`${upstream}: GET ${path} → HTTP ${response.status}: ${body}`, details);
    if (++failures >= attempts) throw new UpstreamHttpUnavailableError(`${upstream}: GET ${path} → HTTP ${response.status} after ${failures} attempts: ${body}`, details);
    await sleep(Math.random() * base * 2 ** (failures - 1), signal);
  }
}
