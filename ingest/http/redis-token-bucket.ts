// The token bucket of token-bucket.ts kept in Redis, so every process on every machine that talks to
// one upstream (servers, `radiogenomics worker`s) shares one rate and one 429 pause. One Lua script per
// take (atomic); the clock is Redis's own TIME, so the machines' clocks do not matter.
import type { Redis } from "ioredis";
import { realSleep, type Sleep } from "./sleep.js";
import type { RateLimit, SharedRateLimiter } from "./token-bucket.js";

// KEYS: bucket hash; ARGV: requestsPerSecond burst. Returns 0 (token taken) or the wait in ms.
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local paused = tonumber(redis.call('HGET', KEYS[1], 'pausedUntil') or '0')
if now < paused then return paused - now end
local perMs = tonumber(ARGV[1]) / 1000
local burst = tonumber(ARGV[2])
local tokens = tonumber(redis.call('HGET', KEYS[1], 'tokens') or ARGV[2])
local at = tonumber(redis.call('HGET', KEYS[1], 'at') or tostring(now))
tokens = math.min(burst, tokens + math.max(0, now - at) * perMs)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) / perMs) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], 3600000)
return wait`;

// KEYS: bucket hash; ARGV: ms. Empties the bucket and pauses it until now + ms (never shortens a pause).
const PAUSE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untilMs = now + tonumber(ARGV[1])
local paused = tonumber(redis.call('HGET', KEYS[1], 'pausedUntil') or '0')
if untilMs > paused then redis.call('HSET', KEYS[1], 'pausedUntil', untilMs) end
redis.call('HSET', KEYS[1], 'tokens', '0', 'at', now)
redis.call('PEXPIRE', KEYS[1], 3600000)
return 1`;

export class RedisTokenBucket implements SharedRateLimiter {
  private readonly key: string;

  /** `name`: the upstream host, e.g. proxy.imaging.datacommons.cancer.gov. */
  constructor(private readonly redis: Redis, name: string, readonly limit: RateLimit, private readonly sleep: Sleep = realSleep) {
    this.key = `rg:ratelimit:${name}`;
  }

  async acquire(signal?: AbortSignal, onWait?: (ms: number) => void): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const wait = Number(await this.redis.eval(TAKE, 1, this.key, String(this.limit.requestsPerSecond), String(this.limit.burst)));
      if (wait === 0) return;
      onWait?.(wait);
      await this.sleep(wait, signal);
    }
  }

  async pause(ms: number): Promise<void> {
    await this.redis.eval(PAUSE, 1, this.key, String(Math.max(0, Math.ceil(ms))));
  }
}
