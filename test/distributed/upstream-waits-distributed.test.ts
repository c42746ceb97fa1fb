// A distributed job's progress says when its upstream's quota was hit, on every instance: a worker's task
// whose request the GDC replay server answers 429 with Retry-After records the waits in Redis
// (RedisJobState), so another instance's `job(id)` (lookup) reports the same progress.upstreamWaits; a new
// run of the job starts with none. Real Redis (scripts/redis.sh), BullMQ in this process, no store.
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AxiosHttpClient } from "../../ingest/http/axios-http-client.js";
import { DistributedJobRegistry } from "../../ingest/jobs/bullmq/distributed-job-registry.js";
import { JOB_TASK_QUEUE, type JobTask } from "../../ingest/jobs/bullmq/job-task.js";
import { bullmqConnection } from "../../ingest/jobs/bullmq/redis-connection.js";
import { RedisJobState } from "../../ingest/jobs/bullmq/redis-job-state.js";
import type { TaskRetryPolicy } from "../../ingest/jobs/bullmq/task-retry-policy.js";
import { TaskWorker } from "../../ingest/jobs/bullmq/task-worker.js";
import type { JobDefinition } from "../../ingest/jobs/job.js";
import { JobRunner } from "../../ingest/jobs/job-runner.js";
import { generateGenomicFixture, startReplayServer, type ReplayServer } from "../support/replay/index.js";

// Its own logical database of the test Redis (0–7: the other distributed suites).
const REDIS_URL = process.env.REDIS_URL ? `${process.env.REDIS_URL}/8` : "";
const POLICY: TaskRetryPolicy = { attempts: 3, backoffMs: 50, lockDurationMs: 5000, stalledIntervalMs: 5000, maxStalledCount: 1 };

describe("progress.upstreamWaits of a distributed job: recorded by the worker in Redis, read alike on every instance", () => {
  const clients: Redis[] = [];
  let replay: ReplayServer;
  let queue: Queue<JobTask>;
  let worker: TaskWorker;
  let instanceA: DistributedJobRegistry;
  let instanceB: DistributedJobRegistry;

  const job = (): JobDefinition<string> => {
    const gdc = new AxiosHttpClient({ upstreamName: "GDC API", baseUrl: replay.gdcUrl });
    return { id: "waits-d1", name: "GDC status per patient", items: ["p1", "p2", "p3"], keyOf: (k) => k, handle: async () => void (await gdc.json({ url: "/status" })) };
  };
  const registry = (): DistributedJobRegistry => {
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    clients.push(redis);
    return new DistributedJobRegistry({ runner: new JobRunner(), queue, state: new RedisJobState(redis), policy: POLICY, kinds: new Set(["test"]), pollMs: 50 });
  };

  beforeAll(async () => {
    if (!REDIS_URL) throw new Error("REDIS_URL is not set: run the suite with `npm test`, which starts a real Redis (scripts/redis.sh)");
    replay = await startReplayServer(generateGenomicFixture({ seed: 37, patientCount: 3 }));
    const admin = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    clients.push(admin);
    await admin.flushdb();
    queue = new Queue<JobTask>(JOB_TASK_QUEUE, { connection: bullmqConnection(REDIS_URL) });
    instanceA = registry();
    instanceB = registry();
    const workerRedis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    clients.push(workerRedis);
    worker = new TaskWorker({ connection: bullmqConnection(REDIS_URL), policy: POLICY, concurrency: 1, state: new RedisJobState(workerRedis), build: async () => job() });
  });

  afterAll(async () => {
    await worker?.close();
    await queue?.close();
    instanceA?.close();
    instanceB?.close();
    for (const client of clients) client.disconnect();
    await replay?.close();
  });

  it("counts the 429s, their Retry-After and the waits per upstream; another instance reads the same; a new run starts from none", async () => {
    replay.faults.add({ fault: { kind: "rate-limit", retryAfterSeconds: 1 }, pathIncludes: "/gdc/status", times: 2 });
    const handle = instanceA.submit(job(), { kind: "test", args: {}, scope: "ingest" });
    await handle.journaled;
    const report = await handle.result;
    expect(report.status).toBe("SUCCEEDED");
    const host = new URL(replay.gdcUrl).host;
    expect(report.progress.upstreamWaits).toEqual([{ upstream: "GDC API", host, waits: 2, waitedMs: 2000, rateLimited: 2, lastRetryAfterMs: 1000, lastAt: expect.any(Date) }]);
    expect(await instanceB.lookup("waits-d1")).toEqual(report);

    // The same job again (a new run): none of its requests waited.
    replay.faults.clear();
    const again = instanceB.submit(job(), { kind: "test", args: {}, scope: "ingest" });
    await again.journaled;
    const second = await again.result;
    expect(second.status).toBe("SUCCEEDED");
    expect(second.progress.upstreamWaits).toBeUndefined();
  }, 60_000);
});
