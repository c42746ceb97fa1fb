// Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"):
// wait a uniformly random time between 0 and min(cap, base * 2^(retry-1)).

import type { RetryPolicy } from "./http-client.js";

/** Random source in [0, 1); injected so tests are deterministic. */
export type RandomSource = () => number;

/** The wait before retry number `retry` (1 = the first retry), ms. */
export function fullJitterDelay(retry: number, policy: RetryPolicy, random: RandomSource): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}
