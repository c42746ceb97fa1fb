// Redis restarted mid-job: the queue and the job state come back from Redis's append-only file, the
// worker and the registry reconnect, and the job finishes with every item counted once. Its own
// redis-server (Debian's, as scripts/redis.sh runs it) on a Unix socket in a temp folder, so restarting
// it disturbs no other suite.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DistributedJobRegistry } from "../../ingest/jobs/bullmq/distributed-job-registry.js";
import { JOB_TASK_QUEUE, type JobTask } from "../../ingest/jobs/bullmq/job-task.js";
import { RedisJobState } from "../../ingest/jobs/bullmq/redis-job-state.js";
import type { TaskRetryPolicy } from "../../ingest/jobs/bullmq/task-retry-policy.js";
import { TaskWorker } from "../../ingest/jobs/bullmq/task-worker.js";
import type { JobDefinition } from "../../ingest/jobs/job.js";
import { JobRunner } from "../../ingest/jobs/job-runner.js";

const POLICY: TaskRetryPolicy = { attempts: 3, backoffMs: 100, lockDurationMs: 2000, stalledIntervalMs: 1000, maxStalledCount: 5 };
const ITEMS = Array.from({ length: 12 }, (_, i) => `item-${String(i).padStart(2, "0")}`);

describe("a distributed job across a Redis restart (real redis-server, AOF)", () => {
  let dir: string;
  let socket: string;
  let server: ChildProcess | undefined;
  const handled = new Map<string, number>();
  const clients: { close(): Promise<unknown> }[] = [];

  const startRedis = async (): Promise<void> => {
    server = spawn("/usr/bin/redis-server", ["--port", "0", "--unixsocket", socket, "--dir", dir, "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--maxmemory-policy", "noeviction"], { stdio: "ignore" });
    const probe = new Redis({ path: socket, lazyConnect: true, retryStrategy: () => 100, maxRetriesPerRequest: null });
    probe.on("error", () => undefined);
    await probe.connect().catch(() => undefined);
    while ((await probe.ping().catch(() => "")) !== "PONG") await new Promise((r) => setTimeout(r, 100));
    probe.disconnect();
  };
  const stopRedis = async (): Promise<void> => {
    const running = server!;
    await new Promise<void>((resolve) => { running.once("exit", () => resolve()); running.kill("SIGTERM"); });
  };
  const connection = () => ({ path: socket, maxRetriesPerRequest: null, retryStrategy: () => 100 });

  // Each item takes a moment, so the restart lands mid-job.
  const job: JobDefinition<string> = {
    id: "restart-1", name: "restart test", items: ITEMS, keyOf: (k) => k,
    handle: async (key) => {
      await new Promise((r) => setTimeout(r, 150));
      handled.set(key, (handled.get(key) ?? 0) + 1);
    },
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "rg-redis-restart-"));
    socket = path.join(dir, "redis.sock");
    await startRedis();
  });

  afterAll(async () => {
    for (const client of clients.reverse()) await client.close().catch(() => undefined);
    if (server && server.exitCode === null) await stopRedis();
    await rm(dir, { recursive: true, force: true });
  });

  it("resumes after Redis stops and starts again on its append-only file: every item done, counted once", async () => {
    const stateClient = new Redis(connection());
    // While Redis is down, clients report connection errors and reconnect: expected here.
    stateClient.on("error", () => undefined);
    clients.push({ close: async () => stateClient.disconnect() });
    const state = new RedisJobState(stateClient);
    const queue = new Queue<JobTask>(JOB_TASK_QUEUE, { connection: connection() });
    queue.on("error", () => undefined);
    clients.push(queue);
    const registry = new DistributedJobRegistry({ runner: new JobRunner(), queue, state, policy: POLICY, kinds: new Set(["test"]), pollMs: 100 });
    const worker = new TaskWorker({ connection: connection(), policy: POLICY, concurrency: 2, state, build: async () => job });
    clients.unshift(worker);

    const handle = registry.submit(job, { kind: "test", args: {}, scope: "compute" });
    await handle.journaled;
    while ((await state.get(job.id))!.progress.done < 2) await new Promise((r) => setTimeout(r, 50));
    const atStop = (await state.get(job.id))!;
    await stopRedis();
    expect(atStop.progress.done).toBeLessThan(ITEMS.length);
    await new Promise((r) => setTimeout(r, 500));
    await startRedis();

    const report = await handle.result;
    expect(report.status).toBe("SUCCEEDED");
    expect(report.progress).toMatchObject({ total: ITEMS.length, done: ITEMS.length, failed: 0, running: [] });
    expect([...handled.keys()].sort()).toEqual(ITEMS);
  }, 120_000);
});
