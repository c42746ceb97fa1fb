// The shared upstream limiter against a local HTTP stub that answers 429 with Retry-After (the stub
// stands in for IDC's quota only; the DICOMweb answers of the paging tests come from the real Orthanc),
// and the Redis token bucket on the real Redis of scripts/test.sh (two clients = two processes).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { limitedFetchJson, type RateLimitedNotice } from "../../../ingest/http/limited-fetch.js";
import { UpstreamQuotaExceededError } from "../../../ingest/http/quota-exceeded-error.js";
import { RedisTokenBucket } from "../../../ingest/http/redis-token-bucket.js";
import { TokenBucket, takeToken } from "../../../ingest/http/token-bucket.js";
import { UpstreamLimiter } from "../../../ingest/http/upstream-limiter.js";

interface Arrival { at: number; path: string }

/** Answers `script(n)` to the n-th request (0-based): a status, optional Retry-After, optional delay. */
let script: (n: number) => { status: number; retryAfter?: string; delayMs?: number } = () => ({ status: 200 });
let arrivals: Arrival[] = [];
let concurrent = 0;
let maxConcurrent = 0;
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const reply = script(arrivals.length);
    arrivals.push({ at: Date.now(), path: request.url ?? "" });
    concurrent++;
    maxConcurrent = Math.max(maxConcurrent, concurrent);
    setTimeout(() => {
      concurrent--;
      const headers: Record<string, string> = { "content-type": "application/dicom+json" };
      if (reply.retryAfter !== undefined) headers["retry-after"] = reply.retryAfter;
      response.writeHead(reply.status, headers).end(reply.status === 200 ? "[]" : '{"error":"quota"}');
    }, reply.delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  arrivals = [];
  maxConcurrent = 0;
});

const limiterOf = (concurrency: number, requestsPerSecond = 1000, burst = 1000): UpstreamLimiter =>
  new UpstreamLimiter("stub", { concurrency, requestsPerSecond, burst }, new TokenBucket({ requestsPerSecond, burst }));

describe("token bucket (pure step)", () => {
  it("hands out the burst, then one token per 1/rate, and nothing while paused", () => {
    const limit = { requestsPerSecond: 10, burst: 2 };
    let state = { tokens: 2, at: 0, pausedUntil: 0 };
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const taken = takeToken(state, 0, limit);
      state = taken.state;
      waits.push(taken.waitMs);
    }
    expect(waits).toEqual([0, 0, 100]);
    expect(takeToken(state, 100, limit).waitMs).toBe(0);
    expect(takeToken({ ...state, pausedUntil: 5000 }, 1000, limit).waitMs).toBe(4000);
  });
});

describe("UpstreamLimiter + limitedFetchJson against a 429 stub", () => {
  it("never has more than `concurrency` requests in flight at the upstream", async () => {
    script = () => ({ status: 200, delayMs: 80 });
    const limiter = limiterOf(2);
    await Promise.all(Array.from({ length: 8 }, (_, i) => limitedFetchJson(`${base}/series?offset=${i}`, { upstream: "stub", limiter })));
    expect(arrivals).toHaveLength(8);
    expect(maxConcurrent).toBe(2);
  });

  it("spaces requests by the shared rate after the burst", async () => {
    script = () => ({ status: 200 });
    const limiter = limiterOf(8, 20, 2); // 20/s after 2 back to back
    await Promise.all(Array.from({ length: 6 }, (_, i) => limitedFetchJson(`${base}/r${i}`, { upstream: "stub", limiter })));
    const first = arrivals[0]!.at;
    // the k-th request (0-based) cannot start before (k - 1) / 20 s: tokens 3.. refill at 50 ms each
    arrivals.forEach((a, k) => expect(a.at - first).toBeGreaterThanOrEqual(Math.max(0, (k - 1) * 50) - 5));
  });

  it("a 429 with Retry-After pauses every concurrent request to the host, says so, and then goes on", async () => {
    script = (n) => (n === 0 ? { status: 429, retryAfter: "1" } : { status: 200 });
    const limiter = limiterOf(4);
    const notices: RateLimitedNotice[] = [];
    const warnings: string[] = [];
    const logger = { warn: (_: unknown, message?: string) => void warnings.push(String(message)) };
    const first = limitedFetchJson(`${base}/a`, { upstream: "IDC stub", limiter, logger, onRateLimited: (n) => notices.push(n) });
    await new Promise((resolve) => setTimeout(resolve, 100)); // the 429 has come back and paused the bucket
    const others = Promise.all([limitedFetchJson(`${base}/b`, { upstream: "IDC stub", limiter }), limitedFetchJson(`${base}/c`, { upstream: "IDC stub", limiter })]);
    await Promise.all([first, others]);
    expect(arrivals.map((a) => a.path).slice(1).sort()).toEqual(["/a", "/b", "/c"]);
    // nothing reached the upstream during the second it asked for
    for (const later of arrivals.slice(1)) expect(later.at - arrivals[0]!.at).toBeGreaterThanOrEqual(995);
    expect(notices).toEqual([{ upstream: "IDC stub", host: "stub", waitMs: 1000, hits: 1 }]);
    expect(warnings[0]).toMatch(/IDC stub answered 429 .*every request to stub waits 1 s/);
  });

  it("a quota that keeps answering 429 ends as UpstreamQuotaExceededError (UPSTREAM_UNAVAILABLE) after maxRateLimitHits", async () => {
    script = () => ({ status: 429, retryAfter: "0" });
    const error = await limitedFetchJson(`${base}/q`, { upstream: "IDC stub", limiter: limiterOf(1), maxRateLimitHits: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamQuotaExceededError);
    expect(error).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", details: { hits: 3, host: "stub" } });
    expect((error as Error).message).toMatch(/kept answering 429 .*3 times in a row.*per-IP daily quota/);
    expect(arrivals).toHaveLength(3);
  });

  it("a Retry-After longer than maxRetryAfterMs (a spent daily quota) fails at once, naming the wait", async () => {
    script = () => ({ status: 429, retryAfter: "3600" });
    const error = await limitedFetchJson(`${base}/q`, { upstream: "IDC stub", limiter: limiterOf(1) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamQuotaExceededError);
    expect((error as Error).message).toContain("wait 3600 s");
    expect(arrivals).toHaveLength(1);
  });

  it("retries a 503 and refuses a 400 at once", async () => {
    script = (n) => (n === 0 ? { status: 503 } : { status: 200 });
    await expect(limitedFetchJson(`${base}/x`, { upstream: "stub", limiter: limiterOf(1), baseDelayMs: 1 })).resolves.toEqual([]);
    expect(arrivals).toHaveLength(2);
    arrivals = [];
    script = () => ({ status: 400 });
    await expect(limitedFetchJson(`${base}/x`, { upstream: "stub", limiter: limiterOf(1) })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    expect(arrivals).toHaveLength(1);
  });
});

describe("RedisTokenBucket: one bucket for every process (real Redis)", () => {
  // Database 3 of the test Redis (the distributed tests use 0 and 1).
  const url = process.env.REDIS_URL ? `${process.env.REDIS_URL}/3` : "";
  let a: Redis;
  let b: Redis;
  beforeAll(() => {
    if (!url) throw new Error("REDIS_URL is not set: run with `npm test`, which starts a real Redis");
    a = new Redis(url);
    b = new Redis(url);
  });
  afterAll(async () => {
    await a.flushdb();
    a.disconnect();
    b.disconnect();
  });

  it("two clients share the burst: the fourth token is not there for either", async () => {
    const name = `burst-${Date.now()}`;
    const limit = { requestsPerSecond: 0.01, burst: 3 }; // refill negligible during the test
    const one = new RedisTokenBucket(a, name, limit);
    const two = new RedisTokenBucket(b, name, limit);
    await one.acquire();
    await two.acquire();
    await one.acquire();
    await expect(two.acquire(AbortSignal.timeout(300))).rejects.toThrow();
    expect(Number(await a.hget(`rg:ratelimit:${name}`, "tokens"))).toBeLessThan(1);
  });

  it("a pause set by one client (its 429) holds the other back for the time asked", async () => {
    const name = `pause-${Date.now()}`;
    const limit = { requestsPerSecond: 100, burst: 10 };
    const one = new RedisTokenBucket(a, name, limit);
    const two = new RedisTokenBucket(b, name, limit);
    await one.acquire();
    const paused = Date.now();
    await one.pause(800);
    await two.acquire();
    expect(Date.now() - paused).toBeGreaterThanOrEqual(790);
  });
});
