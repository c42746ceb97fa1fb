// Bounded concurrency and a shared rate per upstream host: one limiter per host per process (every
// source talking to that host goes through it), its token bucket in this process or — with
// RG_REDIS_URL — in Redis, shared by every process. Defaults: IDC's proxy (per-IP quota) 5 requests/s,
// burst 10, 4 in flight per process; any other host (an Orthanc of one's own) no rate, 16 in flight.
// Env for every host: RG_UPSTREAM_RPS, RG_UPSTREAM_BURST, RG_UPSTREAM_CONCURRENCY.
import { Redis } from "ioredis";
import { RedisTokenBucket } from "./redis-token-bucket.js";
import { TokenBucket, type RateLimit, type SharedRateLimiter } from "./token-bucket.js";
import { reportUpstreamWait } from "./upstream-wait-report.js";

export interface UpstreamLimits extends RateLimit {
  /** Requests in flight at once to this host from this process. */
  readonly concurrency: number;
}

export const DEFAULT_UPSTREAM_LIMITS: UpstreamLimits = { requestsPerSecond: 5, burst: 10, concurrency: 4 };
/** Hosts without a known quota: concurrency bounded, no rate. */
export const UNRATED_UPSTREAM_LIMITS: UpstreamLimits = { requestsPerSecond: Infinity, burst: Infinity, concurrency: 16 };
const QUOTA_HOSTS = new Set(["proxy.imaging.datacommons.cancer.gov"]);

/** A bucket that never waits (no rate), still honouring a 429's pause. */
class PauseOnlyBucket implements SharedRateLimiter {
  private pausedUntil = 0;
  async acquire(signal?: AbortSignal, onWait?: (ms: number) => void): Promise<void> {
    while (Date.now() < this.pausedUntil) {
      signal?.throwIfAborted();
      onWait?.(this.pausedUntil - Date.now());
      await new Promise((resolve) => setTimeout(resolve, this.pausedUntil - Date.now()));
    }
  }
  async pause(ms: number): Promise<void> {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
  }
}

export class UpstreamLimiter {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly host: string, readonly limits: UpstreamLimits, readonly bucket: SharedRateLimiter) {}

  /** Runs `call` once a slot is free and a token taken. */
  async run<T>(call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.slot(signal);
    try {
      // The job item this request runs for hears of each wait for the host's rate or 429 pause.
      await this.bucket.acquire(signal, (waitMs) => reportUpstreamWait({ upstream: this.host, host: this.host, waitMs, rateLimited: false }));
      return await call();
    } finally {
      this.release();
    }
  }

  /** The upstream said 429: every request to this host (all processes, with Redis) waits `ms`. */
  pause(ms: number): Promise<void> {
    return this.bucket.pause(ms);
  }

  /** Requests holding a slot now (for tests and logs). */
  get active(): number {
    return this.inFlight;
  }

  private async slot(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (this.inFlight < this.limits.concurrency) {
      this.inFlight++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.inFlight++;
  }

  private release(): void {
    this.inFlight--;
    this.waiting.shift()?.();
  }
}

const limiters = new Map<string, UpstreamLimiter>();
let sharedRedis: Redis | undefined;

/** The process's limiter for the URL's host (made on first use from the environment). */
export function upstreamLimiterFor(url: string, env: NodeJS.ProcessEnv = process.env): UpstreamLimiter {
  const host = new URL(url).host;
  let limiter = limiters.get(host);
  if (limiter === undefined) {
    const limits = upstreamLimitsFromEnv(env, QUOTA_HOSTS.has(new URL(url).hostname) ? DEFAULT_UPSTREAM_LIMITS : UNRATED_UPSTREAM_LIMITS);
    const redisUrl = env.RG_REDIS_URL?.trim();
    const bucket = !Number.isFinite(limits.requestsPerSecond) ? new PauseOnlyBucket() : redisUrl ? new RedisTokenBucket(redisOf(redisUrl), host, limits) : new TokenBucket(limits);
    limiter = new UpstreamLimiter(host, limits, bucket);
    limiters.set(host, limiter);
  }
  return limiter;
}

export function upstreamLimitsFromEnv(env: NodeJS.ProcessEnv = process.env, defaults: UpstreamLimits = DEFAULT_UPSTREAM_LIMITS): UpstreamLimits {
  const positive = (name: string, fallback: number): number => {
    const value = Number(env[name]);
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  const requestsPerSecond = positive("RG_UPSTREAM_RPS", defaults.requestsPerSecond);
  // A rate set for a host that had none needs a finite burst too.
  const burstDefault = Number.isFinite(defaults.burst) || !Number.isFinite(requestsPerSecond) ? defaults.burst : DEFAULT_UPSTREAM_LIMITS.burst;
  return { requestsPerSecond, burst: positive("RG_UPSTREAM_BURST", burstDefault), concurrency: Math.floor(positive("RG_UPSTREAM_CONCURRENCY", defaults.concurrency)) };
}

function redisOf(url: string): Redis {
  if (sharedRedis === undefined) {
    sharedRedis = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
    sharedRedis.on("error", () => undefined); // ioredis reconnects by itself; takes wait meanwhile
  }
  return sharedRedis;
}
