// Distributed jobs after their submitter or their queue is lost, on real Redis (scripts/redis.sh) with BullMQ
// in this process and no store: registries stand for server instances, a TaskWorker runs the tasks. A job
// whose submitting server died between recording the job and queueing its tasks (state.create with no
// tasks, as the submitter leaves it), and a job whose queued tasks Redis lost (the queue's keys deleted, the
// job's hash still RUNNING), are found by an instance that starts, listed INTERRUPTED, and resumed from
// another instance: only the keys not yet settled are queued again (same run, same task ids), and every key
// is handled exactly once in all. A job whose tasks are all there, or whose submitter still holds the
// enqueuing lease, is left alone.
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

// Its own logical database of the test Redis (0–5: the other distributed suites).
const REDIS_URL = process.env.REDIS_URL ? `${process.env.REDIS_URL}/6` : "";
const POLICY: TaskRetryPolicy = { attempts: 3, backoffMs: 50, lockDurationMs: 5000, stalledIntervalMs: 5000, maxStalledCount: 1 };
const ITEMS = Array.from({ length: 8 }, (_, i) => `item-${i}`);
const ORIGIN = { kind: "test", args: { items: ITEMS }, scope: "compute", keyId: "key-1" };

/** What a flushed (or unsaved, restarted) Redis leaves of the task queue: nothing. The job's own keys (rg:job:*) stay. */
async function loseQueue(redis: Redis): Promise<void> {
  const keys = await redis.keys(`bull:${JOB_TASK_QUEUE}:*`);
  if (keys.length > 0) await redis.del(...keys);
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 2400; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe("distributed jobs whose tasks were lost: found on start, INTERRUPTED, resumed from any instance (real Redis)", () => {
  const clients: Redis[] = [];
  let queue: Queue<JobTask>;
  let state: RedisJobState;
  let worker: TaskWorker | undefined;
  const registries: DistributedJobRegistry[] = [];
  /** Every run of a key's handler, per job. */
  const handled = new Map<string, string[]>();
  const job = (id: string): JobDefinition<string> => ({
    id, name: `resume ${id}`, items: ITEMS, keyOf: (k) => k,
    handle: async (key) => {
      handled.set(id, [...(handled.get(id) ?? []), key]);
    },
  });
  const redisClient = (): Redis => {
    const client = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    clients.push(client);
    return client;
  };
  /** A server instance (what `serve` makes with RG_REDIS_URL). */
  const instance = (): DistributedJobRegistry => {
    const registry = new DistributedJobRegistry({ runner: new JobRunner(), queue, state: new RedisJobState(redisClient()), policy: POLICY, kinds: new Set(["test"]), pollMs: 50 });
    registries.push(registry);
    return registry;
  };
  const startWorker = (concurrency: number): TaskWorker =>
    (worker = new TaskWorker({ connection: bullmqConnection(REDIS_URL), policy: POLICY, concurrency, state: new RedisJobState(redisClient()), build: async (_kind, args) => job((args as { id: string }).id) }));
  const waitingTasks = async (): Promise<number> => queue.getJobCountByTypes("waiting", "delayed", "prioritized");

  beforeAll(async () => {
    if (!REDIS_URL) throw new Error("REDIS_URL is not set: run the suite with `npm test`, which starts a real Redis (scripts/redis.sh)");
    await redisClient().flushdb();
    queue = new Queue<JobTask>(JOB_TASK_QUEUE, { connection: bullmqConnection(REDIS_URL) });
    state = new RedisJobState(redisClient());
  });

  afterAll(async () => {
    await worker?.close();
    await queue?.close();
    for (const registry of registries) registry.close();
    for (const client of clients) client.disconnect();
  });

  it("a submitter that died before queueing its tasks: the next instance lists the job INTERRUPTED with its record; another resumes it to SUCCEEDED", async () => {
    // What the submitting server had done when it died: the job recorded (kind, args, scope, key id), no task queued.
    const run = await state.create("orphan-1", "resume orphan-1", ITEMS, ORIGIN.scope, { kind: ORIGIN.kind, args: { id: "orphan-1" }, keyId: ORIGIN.keyId });
    // Its lease lapses with the dead process (here: dropped, as the TTL would).
    await clients[0]!.del("rg:job:orphan-1:enqueuing");

    const restarted = instance();
    const interrupted = await restarted.restoreInterrupted();
    expect(interrupted.map((s) => [s.id, s.status])).toEqual([["orphan-1", "INTERRUPTED"]]);
    expect(await restarted.recordOf("orphan-1")).toMatchObject({ id: "orphan-1", kind: "test", args: { id: "orphan-1" }, scope: "compute", keyId: "key-1", status: "INTERRUPTED", total: ITEMS.length });
    const other = instance();
    expect((await other.lookupAll()).find((s) => s.id === "orphan-1")?.status).toBe("INTERRUPTED");
    // Found once: a second instance starting later has nothing new to mark.
    expect(await other.restoreInterrupted()).toEqual([]);

    const resumed = (await other.resumeShared("orphan-1"))!;
    expect(resumed).toMatchObject({ id: "orphan-1", status: "QUEUED", progress: { total: ITEMS.length, done: 0 } });
    expect(await state.runOf("orphan-1")).toMatchObject({ run });
    expect(await waitingTasks()).toBe(ITEMS.length);
    await expect(restarted.resumeShared("orphan-1")).rejects.toMatchObject({ code: "BAD_USER_INPUT" });

    startWorker(2);
    const finished = await until(() => state.get("orphan-1"), (s) => s!.status === "SUCCEEDED", "the resumed job to succeed");
    expect(finished!.progress).toMatchObject({ total: ITEMS.length, done: ITEMS.length, failed: 0, running: [] });
    expect([...handled.get("orphan-1")!].sort()).toEqual(ITEMS);
    await worker!.close();
    worker = undefined;
  }, 60_000);

  it("a job whose queued tasks were lost: INTERRUPTED on the next start, resumed with only its unsettled keys, each key handled once", async () => {
    // Two items finish; until the loss, the others never do (the worker holding two of them dies), four wait on the queue.
    const submitter = instance();
    const quick = new Set(["item-0", "item-1"]);
    let lost = false;
    const jobDef: JobDefinition<string> = { ...job("held-1"), handle: async (key) => {
      handled.set("held-1", [...(handled.get("held-1") ?? []), key]);
      if (!quick.has(key) && !lost) await new Promise(() => undefined);
    } };
    const handle = submitter.submit(jobDef, { ...ORIGIN, args: { id: "held-1" } });
    await handle.journaled;
    // A job whose tasks are all there is not touched by a starting instance.
    expect(await instance().restoreInterrupted()).toEqual([]);

    const heldWorker = new TaskWorker({ connection: bullmqConnection(REDIS_URL), policy: POLICY, concurrency: 2, state: new RedisJobState(redisClient()), build: async () => jobDef });
    await until(() => state.get("held-1"), (s) => s!.progress.done === 2 && s!.progress.running.length === 2, "two items done, two running");
    // Redis loses the queue (its keys gone, as after a flush) while the job's hash says RUNNING; the worker goes with it.
    await heldWorker.close(true);
    await loseQueue(clients[0]!);
    lost = true;
    expect((await state.get("held-1"))!.status).toBe("RUNNING");

    const restarted = instance();
    const interrupted = await restarted.restoreInterrupted();
    expect(interrupted.map((s) => [s.id, s.status, s.progress.done])).toEqual([["held-1", "INTERRUPTED", 2]]);

    const resumed = (await instance().resumeShared("held-1"))!;
    expect(resumed).toMatchObject({ status: "RUNNING", progress: { total: ITEMS.length, done: 2 } });
    // Only the six unsettled keys are queued again.
    expect(await waitingTasks()).toBe(ITEMS.length - 2);

    const rerun = new TaskWorker({ connection: bullmqConnection(REDIS_URL), policy: POLICY, concurrency: 2, state: new RedisJobState(redisClient()), build: async () => jobDef });
    try {
      const finished: JobSnapshot = (await until(() => state.get("held-1"), (s) => s!.status === "SUCCEEDED", "the resumed job to succeed"))!;
      expect(finished.progress).toMatchObject({ total: ITEMS.length, done: ITEMS.length, failed: 0, running: [] });
      // The settled ones were never run again; the two cut off mid-run ran once more (their handlers are idempotent).
      const runs = handled.get("held-1")!;
      expect(runs.filter((k) => quick.has(k)).sort()).toEqual(["item-0", "item-1"]);
      expect(new Set(runs)).toEqual(new Set(ITEMS));
    } finally {
      await rerun.close();
    }
  }, 60_000);

  it("leaves alone a job whose submitter still holds the enqueuing lease (it is queueing its tasks now)", async () => {
    await state.create("busy-1", "resume busy-1", ITEMS, ORIGIN.scope, { kind: ORIGIN.kind, args: { id: "busy-1" } });
    expect(await instance().restoreInterrupted()).toEqual([]);
    expect((await state.get("busy-1"))!.status).toBe("QUEUED");
  });
});
