// A token bucket per upstream host, shared by every request of the process: `requestsPerSecond` tokens
// refill continuously up to `burst`; each request takes one. A 429 pauses the whole bucket until its
// Retry-After, so the process's other requests wait too instead of spending the quota on more 429s.
import { realSleep, type Sleep } from "./sleep.js";

export interface RateLimit {
  /** Sustained rate, requests per second. */
  readonly requestsPerSecond: number;
  /** Tokens the bucket holds when full (requests allowed back to back after a quiet spell). */
  readonly burst: number;
}

/** What concurrent requests share: this process's bucket, or every process's through Redis. */
export interface SharedRateLimiter {
  /**
   * Resolves once a token was taken; rejects with the signal's reason when it aborts first. `onWait` hears
   * of each wait before it starts (ms), whether for the rate or for a 429's pause.
   */
  acquire(signal?: AbortSignal, onWait?: (ms: number) => void): Promise<void>;
  /** No token is handed out for `ms` (the upstream asked everyone to wait). */
  pause(ms: number): Promise<void>;
}

export interface BucketState {
  tokens: number;
  /** When `tokens` was last brought up to date, ms. */
  at: number;
  /** No token before this time, ms (a 429's Retry-After). */
  pausedUntil: number;
}

/** Takes one token at `now` if there is one; else the wait, ms, until there will be (pure; the Lua script mirrors it). */
export function takeToken(state: BucketState, now: number, limit: RateLimit): { state: BucketState; waitMs: number } {
  if (now < state.pausedUntil) return { state, waitMs: state.pausedUntil - now };
  const perMs = limit.requestsPerSecond / 1000;
  const tokens = Math.min(limit.burst, state.tokens + Math.max(0, now - state.at) * perMs);
  if (tokens >= 1) return { state: { ...state, tokens: tokens - 1, at: now }, waitMs: 0 };
  return { state: { ...state, tokens, at: now }, waitMs: Math.ceil((1 - tokens) / perMs) };
}

export class TokenBucket implements SharedRateLimiter {
  private state: BucketState;

  constructor(readonly limit: RateLimit, private readonly now: () => number = Date.now, private readonly sleep: Sleep = realSleep) {
    this.state = { tokens: limit.burst, at: now(), pausedUntil: 0 };
  }

  async acquire(signal?: AbortSignal, onWait?: (ms: number) => void): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const taken = takeToken(this.state, this.now(), this.limit);
      this.state = taken.state;
      if (taken.waitMs === 0) return;
      onWait?.(taken.waitMs);
      await this.sleep(taken.waitMs, signal);
    }
  }

  async pause(ms: number): Promise<void> {
    this.state = { ...this.state, tokens: 0, pausedUntil: Math.max(this.state.pausedUntil, this.now() + ms) };
  }
}
