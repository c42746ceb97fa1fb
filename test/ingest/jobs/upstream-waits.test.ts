// A job's progress says when its upstream's quota was hit: items whose requests wait for a 429's Retry-After
// (the GDC client against the genomic replay server, its rate-limit fault on) or for the shared rate limit
// (the upstream limiter) count the waits per host in progress.upstreamWaits, through the in-process engine
// (JobRunner, JobRegistry), and the CLI's progress bar line names them. No store: the items' work is the request.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AxiosHttpClient } from "../../../ingest/http/axios-http-client.js";
import { limitedFetchJson } from "../../../ingest/http/limited-fetch.js";
import { TokenBucket } from "../../../ingest/http/token-bucket.js";
import { UpstreamLimiter } from "../../../ingest/http/upstream-limiter.js";
import { attachProgressBar, type ProgressBarLike } from "../../../ingest/jobs/progress-bar.js";
import { JobEvents } from "../../../ingest/jobs/job-events.js";
import type { JobDefinition } from "../../../ingest/jobs/job.js";
import { JobRegistry } from "../../../ingest/jobs/job-registry.js";
import { JobRunner } from "../../../ingest/jobs/job-runner.js";
import { toJob } from "../../../resolvers/job.mapping.js";
import { generateGenomicFixture, startReplayServer, type ReplayServer } from "../../support/replay/index.js";

const fixture = generateGenomicFixture({ seed: 31, patientCount: 3 });

/** A bar that keeps the payloads it is given (what cli-progress would render). */
function recordingBar(): ProgressBarLike & { payloads: Record<string, unknown>[] } {
  const payloads: Record<string, unknown>[] = [];
  return { payloads, start: (_t, _v, p) => payloads.push({ ...p }), update: (_v, p) => payloads.push({ ...p }), setTotal: () => undefined, stop: () => undefined };
}

describe("progress.upstreamWaits: a 429 with Retry-After from the GDC replay server (in-process engine)", () => {
  let replay: ReplayServer;
  beforeAll(async () => {
    replay = await startReplayServer(fixture);
  });
  afterAll(async () => {
    await replay.close();
  });

  it("counts each 429, the Retry-After it asked for and the waits, per upstream; the job still succeeds; the bar line says so", async () => {
    // GDC answers 429 (Retry-After: 1 s) to the first two /status requests, then normally.
    replay.faults.add({ fault: { kind: "rate-limit", retryAfterSeconds: 1 }, pathIncludes: "/gdc/status", times: 2 });
    const gdc = new AxiosHttpClient({ upstreamName: "GDC API", baseUrl: replay.gdcUrl });
    const job: JobDefinition<string> = {
      id: "waits-1", name: "GDC status twice", items: ["a", "b"], keyOf: (k) => k,
      handle: async () => void (await gdc.json({ url: "/status" })),
    };
    const events = new JobEvents();
    const bar = recordingBar();
    attachProgressBar(events, bar);
    const registry = new JobRegistry({ runner: new JobRunner({ concurrency: 1 }) });
    const handle = registry.submit(job);
    // The registry's events stand for the CLI's; the bar listens to a runner run of its own below.
    const report = await handle.result;
    expect(report.status).toBe("SUCCEEDED");
    const host = new URL(replay.gdcUrl).host;
    expect(report.progress.upstreamWaits).toEqual([{ upstream: "GDC API", host, waits: 2, waitedMs: 2000, rateLimited: 2, lastRetryAfterMs: 1000, lastAt: expect.any(Date) }]);
    expect(registry.get("waits-1")!.progress.upstreamWaits).toEqual(report.progress.upstreamWaits);
    // GraphQL's Job: the same, with null for a missing Retry-After and ISO times.
    expect(toJob(report).progress.upstreamWaits).toEqual([{ upstream: "GDC API", host, waits: 2, waitedMs: 2000, rateLimited: 2, lastRetryAfterMs: 1000, lastAt: report.progress.upstreamWaits![0]!.lastAt.toISOString() }]);

    // The CLI's bar (ingest / compute commands) on a run of the same job.
    replay.faults.add({ fault: { kind: "rate-limit", retryAfterSeconds: 1 }, pathIncludes: "/gdc/status", times: 1 });
    const second = await new JobRunner({ concurrency: 1 }).run({ ...job, id: "waits-2" }, { events });
    expect(second.progress.upstreamWaits).toMatchObject([{ upstream: "GDC API", waits: 1, waitedMs: 1000, rateLimited: 1, lastRetryAfterMs: 1000 }]);
    expect(bar.payloads.at(-1)!.upstream).toBe(" | GDC API: 1× 429 (Retry-After 1 s), waited 1.0 s");
    expect(bar.payloads[0]!.upstream).toBe("");
  }, 30_000);

  it("a job none of whose requests waited has no upstreamWaits (GraphQL: an empty list)", async () => {
    replay.faults.clear();
    const gdc = new AxiosHttpClient({ upstreamName: "GDC API", baseUrl: replay.gdcUrl });
    const report = await new JobRunner().run({ id: "waits-3", name: "no waits", items: ["a"], keyOf: (k) => k, handle: async () => void (await gdc.json({ url: "/status" })) });
    expect(report.status).toBe("SUCCEEDED");
    expect(report.progress.upstreamWaits).toBeUndefined();
    expect(toJob(report).progress.upstreamWaits).toEqual([]);
  });
});

describe("progress.upstreamWaits: the shared upstream limiter (429 pause, rate) against a local 429 stub", () => {
  let script: (n: number) => { status: number; retryAfter?: string } = () => ({ status: 200 });
  let served = 0;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((_request, response) => {
      const reply = script(served++);
      const headers: Record<string, string> = { "content-type": "application/dicom+json" };
      if (reply.retryAfter !== undefined) headers["retry-after"] = reply.retryAfter;
      response.writeHead(reply.status, headers).end(reply.status === 200 ? "[]" : '{"error":"quota"}');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    served = 0;
  });

  it("a 429 pauses the host: the job counts the 429, its Retry-After and the limiter's wait for the pause", async () => {
    script = (n) => (n === 0 ? { status: 429, retryAfter: "1" } : { status: 200 });
    const limiter = new UpstreamLimiter("stub-host", { concurrency: 1, requestsPerSecond: 1000, burst: 1000 }, new TokenBucket({ requestsPerSecond: 1000, burst: 1000 }));
    const report = await new JobRunner({ concurrency: 1 }).run({
      id: "waits-4", name: "QIDO page", items: ["page-0"], keyOf: (k) => k,
      handle: async () => void (await limitedFetchJson(`${base}/series`, { upstream: "IDC stub", limiter })),
    });
    expect(report.status).toBe("SUCCEEDED");
    const [wait] = report.progress.upstreamWaits!;
    expect(wait).toMatchObject({ upstream: "IDC stub", host: "stub-host", rateLimited: 1, lastRetryAfterMs: 1000, waits: 1 });
    // The limiter waited out the pause the 429 set (planned at the moment it looked: at most the Retry-After).
    expect(wait!.waitedMs).toBeGreaterThan(0);
    expect(wait!.waitedMs).toBeLessThanOrEqual(1000);
  }, 30_000);

  it("the shared rate limit's waits count too, with no 429", async () => {
    script = () => ({ status: 200 });
    // 10 requests/s, burst 1: the second and third requests wait for a token.
    const limiter = new UpstreamLimiter("rated-host", { concurrency: 4, requestsPerSecond: 10, burst: 1 }, new TokenBucket({ requestsPerSecond: 10, burst: 1 }));
    const report = await new JobRunner({ concurrency: 3 }).run({
      id: "waits-5", name: "three pages", items: ["p0", "p1", "p2"], keyOf: (k) => k,
      handle: async (key) => void (await limitedFetchJson(`${base}/series?${key}`, { upstream: "IDC stub", limiter })),
    });
    expect(report.status).toBe("SUCCEEDED");
    const [wait] = report.progress.upstreamWaits!;
    expect(wait).toMatchObject({ upstream: "rated-host", host: "rated-host", rateLimited: 0 });
    expect(wait!.lastRetryAfterMs).toBeUndefined();
    expect(wait!.waits).toBeGreaterThanOrEqual(2);
    expect(wait!.waitedMs).toBeGreaterThan(0);
  }, 30_000);
});
