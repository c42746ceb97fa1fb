// A task that keeps failing ends as a per-item error on its job, after exactly the configured tries with
// backoff, while the other items succeed (PARTIAL); a caller's error (NOT_FOUND) is not retried; a job
// resubmitted with the same id starts a new run. Real Redis (scripts/redis.sh), BullMQ in this process,
// no store: the handler is the job definition's own.
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError, UpstreamUnavailableError } from "../../compute/errors.js";
import { DistributedJobRegistry } from "../../ingest/jobs/bullmq/distributed-job-registry.js";
import { JOB_TASK_QUEUE, type JobTask } from "../../ingest/jobs/bullmq/job-task.js";
import { bullmqConnection } from "../../ingest/jobs/bullmq/redis-connection.js";
import { RedisJobState } from "../../ingest/jobs/bullmq/redis-job-state.js";
import type { TaskRetryPolicy } from "../../ingest/jobs/bullmq/task-retry-policy.js";
import { TaskWorker } from "../../ingest/jobs/bullmq/task-worker.js";
import type { JobDefinition } from "../../ingest/jobs/job.js";
import { JobRunner } from "../../ingest/jobs/job-runner.js";

// Its own logical database: test files run in parallel and the feature-job suite uses database 0.
const REDIS_URL = process.env.REDIS_URL ? `${process.env.REDIS_URL}/1` : "";
const POLICY: TaskRetryPolicy = { attempts: 3, backoffMs: 50, lockDurationMs: 5000, stalledIntervalMs: 5000, maxStalledCount: 1 };

describe("BullMQ tasks: retries, per-item errors, runs (real Redis)", () => {
  let redis: Redis;
  let queue: Queue<JobTask>;
  let worker: TaskWorker;
  let registry: DistributedJobRegistry;
  const tries = new Map<string, number>();

  // "flaky" fails twice then works; "broken" always fails upstream; "gone" is NOT_FOUND (the caller's error).
  const job = (id: string): JobDefinition<string> => ({
    id, name: `test ${id}`, items: ["ok", "flaky", "broken", "gone"], keyOf: (k) => k,
    handle: async (key) => {
      const n = (tries.get(`${id}/${key}`) ?? 0) + 1;
      tries.set(`${id}/${key}`, n);
      if (key === "flaky" && n < 3) throw new UpstreamUnavailableError("Replay: 503 for a while");
      if (key === "broken") throw new UpstreamUnavailableError("Replay: 503 for good");
      if (key === "gone") throw new NotFoundError("Lesion", "gone");
    },
  });

  beforeAll(async () => {
    if (!REDIS_URL) throw new Error("REDIS_URL is not set: run the suite with `npm test`, which starts a real Redis (scripts/redis.sh)");
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    await redis.flushdb();
    const state = new RedisJobState(redis);
    queue = new Queue<JobTask>(JOB_TASK_QUEUE, { connection: bullmqConnection(REDIS_URL) });
    registry = new DistributedJobRegistry({ runner: new JobRunner(), queue, state, policy: POLICY, kinds: new Set(["test"]), pollMs: 50 });
    worker = new TaskWorker({ connection: bullmqConnection(REDIS_URL), policy: POLICY, concurrency: 2, state, build: async (_kind, args) => job((args as { id: string }).id) });
  });

  afterAll(async () => {
    await worker?.close();
    await queue?.close();
    redis?.disconnect();
  });

  it("ends a task that keeps failing as a per-item error after its tries; retries a flaky one; never retries NOT_FOUND", async () => {
    const handle = registry.submit(job("retry-1"), { kind: "test", args: { id: "retry-1" }, scope: "compute" });
    await handle.journaled;
    const report = await handle.result;
    expect(report.status).toBe("PARTIAL");
    expect(report.progress).toMatchObject({ total: 4, done: 2, failed: 2, running: [] });
    expect(report.errors.map((e) => [e.key, e.code]).sort()).toEqual([["broken", "UPSTREAM_UNAVAILABLE"], ["gone", "NOT_FOUND"]]);
    expect(Object.fromEntries(["ok", "flaky", "broken", "gone"].map((k) => [k, tries.get(`retry-1/${k}`)]))).toEqual({ ok: 1, flaky: 3, broken: 3, gone: 1 });
    expect(await registry.lookup("retry-1")).toEqual(report);
  });

  it("runs a resubmitted job again as a new run (its earlier tasks do not count)", async () => {
    const first = registry.submit(job("retry-2"), { kind: "test", args: { id: "retry-2" }, scope: "compute" });
    await first.result;
    const second = registry.submit(job("retry-2"), { kind: "test", args: { id: "retry-2" }, scope: "compute" });
    const report = await second.result;
    expect(report.progress).toMatchObject({ total: 4, done: 2, failed: 2 });
    expect(tries.get("retry-2/ok")).toBe(2);
    expect((await registry.lookupAll()).map((s) => s.id)).toEqual(["retry-2", "retry-1"]);
  });
});
