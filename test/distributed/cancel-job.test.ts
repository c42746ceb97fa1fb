// Cancelling a distributed job, and following it from another instance, on real Redis (scripts/redis.sh)
// with BullMQ in this process and no store: two registries stand for two server instances (A submits,
// B watches and cancels), one TaskWorker runs the tasks. A cancel marks the job CANCELLED in Redis,
// takes its waiting tasks off the queue and aborts the running ones through their signal; instance A's
// `watch` (what jobUpdated streams) sees every worker's progress through pub/sub and ends CANCELLED.
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DistributedJobRegistry } from "../../ingest/jobs/bullmq/distributed-job-registry.js";
import { JOB_TASK_QUEUE, type JobTask } from "../../ingest/jobs/bullmq/job-task.js";
import { bullmqConnection } from "../../ingest/jobs/bullmq/redis-connection.js";
import { RedisJobState } from "../../ingest/jobs/bullmq/redis-job-state.js";
import type { TaskRetryPolicy } from "../../ingest/jobs/bullmq/task-retry-policy.js";
import { TaskWorker } from "../../ingest/jobs/bullmq/task-worker.js";
import type { JobDefinition, JobSnapshot } from "../../ingest/jobs/job.js";
import { JobRunner } from "../../ingest/jobs/job-runner.js";

// Its own logical database (0: feature-job suites, 1: task-retry).
const REDIS_URL = process.env.REDIS_URL ? `${process.env.REDIS_URL}/2` : "";
const POLICY: TaskRetryPolicy = { attempts: 3, backoffMs: 50, lockDurationMs: 5000, stalledIntervalMs: 5000, maxStalledCount: 1 };
const ITEMS = Array.from({ length: 10 }, (_, i) => `item-${i}`);
const QUICK = new Set(["item-0", "item-1", "item-2"]);

describe("cancelling a BullMQ job; following it from another instance (real Redis)", () => {
  const clients: Redis[] = [];
  let queue: Queue<JobTask>;
  let worker: TaskWorker;
  let instanceA: DistributedJobRegistry;
  let instanceB: DistributedJobRegistry;
  const started: string[] = [];
  const aborted: string[] = [];

  // The first three items finish at once; the others run until their signal aborts.
  const job: JobDefinition<string> = {
    id: "cancel-1", name: "cancel test", items: ITEMS, keyOf: (k) => k,
    handle: async (key, { signal }) => {
      started.push(key);
      if (QUICK.has(key)) return;
      await new Promise<void>((_resolve, reject) => signal.addEventListener("abort", () => (aborted.push(key), reject(signal.reason)), { once: true }));
    },
  };
  const registry = (): DistributedJobRegistry => {
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    clients.push(redis);
    return new DistributedJobRegistry({ runner: new JobRunner(), queue, state: new RedisJobState(redis), policy: POLICY, kinds: new Set(["test"]), pollMs: 50 });
  };

  beforeAll(async () => {
    if (!REDIS_URL) throw new Error("REDIS_URL is not set: run the suite with `npm test`, which starts a real Redis (scripts/redis.sh)");
    const admin = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    clients.push(admin);
    await admin.flushdb();
    queue = new Queue<JobTask>(JOB_TASK_QUEUE, { connection: bullmqConnection(REDIS_URL) });
    instanceA = registry();
    instanceB = registry();
    const workerRedis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    clients.push(workerRedis);
    worker = new TaskWorker({ connection: bullmqConnection(REDIS_URL), policy: POLICY, concurrency: 2, state: new RedisJobState(workerRedis), build: async () => job });
  });

  afterAll(async () => {
    await worker?.close();
    await queue?.close();
    instanceA?.close();
    instanceB?.close();
    for (const client of clients) client.disconnect();
  });

  it("stops the remaining tasks, aborts the running ones, says CANCELLED with its counts; another instance's watch sees it all", async () => {
    const handle = instanceA.submit(job, { kind: "test", args: {}, scope: "compute" });
    await handle.journaled;
    // Instance B follows the job A started (pub/sub), from its first snapshot.
    const watched = (await instanceB.watch(job.id))!;
    expect(watched).toBeDefined();
    const seen: JobSnapshot[] = [];
    const following = (async () => { for await (const snapshot of watched) seen.push(snapshot); })();

    // Three quick items done, two blocking ones held by the worker (concurrency 2): cancel from B.
    const state = new RedisJobState(clients[0]!);
    for (;;) {
      const now = (await state.get(job.id))!;
      if (now.progress.done === 3 && now.progress.running.length === 2) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const answer = (await instanceB.cancelJob(job.id))!;
    expect(answer.status).toBe("CANCELLED");
    expect(answer.finishedAt).toBeInstanceOf(Date);

    const report = await handle.result;
    expect(report).toMatchObject({ status: "CANCELLED", progress: { total: 10, done: 3, failed: 0 }, errors: [] });
    // The running two saw their signal abort; they are neither done nor failed, and no longer running.
    for (;;) {
      if ((await state.get(job.id))!.progress.running.length === 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(aborted.sort()).toEqual(started.filter((k) => !QUICK.has(k)).sort());
    expect(started).toHaveLength(5);
    // No task of the job is left waiting or delayed, and none more started.
    const counts = await queue.getJobCounts("waiting", "delayed", "prioritized", "active");
    expect(counts).toEqual({ waiting: 0, delayed: 0, prioritized: 0, active: 0 });
    expect(started).toHaveLength(5);
    expect((await instanceA.lookup(job.id))!.progress).toMatchObject({ done: 3, failed: 0, running: [] });

    await following;
    expect(seen[0]!.id).toBe(job.id);
    expect(seen.at(-1)!.status).toBe("CANCELLED");
    // B saw the worker's progress as it happened (at least one snapshot per finished quick item or a coalesced one), in order.
    const done = seen.map((s) => s.progress.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(seen.some((s) => s.status === "RUNNING")).toBe(true);

    // Cancelling again is refused by the engine (already finished): false from the state, the snapshot unchanged.
    expect(await state.cancel(job.id)).toBe(false);
    expect((await instanceA.cancelJob(job.id))!.status).toBe("CANCELLED");
  }, 60_000);

  it("watch on an unknown id is undefined on every instance", async () => {
    expect(await instanceA.watch("no-such-job")).toBeUndefined();
  });
});
