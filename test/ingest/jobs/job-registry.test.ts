import { describe, expect, it } from "vitest";
import { JobRegistry } from "../../../ingest/jobs/job-registry.js";
import { JobRunner } from "../../../ingest/jobs/job-runner.js";
import { UpstreamUnavailableError } from "../../../compute/errors.js";
import type { JobDefinition, JobStatus } from "../../../ingest/jobs/job.js";

const tick = (ms = 1): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A job whose items wait for `release()`. */
function gatedJob(id: string, count = 3) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const handled: string[] = [];
  const job: JobDefinition<string> = {
    id,
    name: `Job ${id}`,
    items: Array.from({ length: count }, (_, i) => `${id}-${i}`),
    keyOf: (k) => k,
    handle: async (key, { signal }) => {
      await Promise.race([gate, new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)))]);
      handled.push(key);
    },
  };
  return { job, release, handled };
}

async function until(predicate: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !predicate(); i++) await tick();
  expect(predicate()).toBe(true);
}

describe("JobRegistry", () => {
  it("tracks QUEUED → RUNNING → SUCCEEDED with timestamps and progress", async () => {
    const registry = new JobRegistry({ runner: new JobRunner() });
    const { job, release } = gatedJob("a");
    const handle = registry.submit(job);
    expect(registry.get("a")!.status).toBe("QUEUED");
    await until(() => registry.get("a")!.status === "RUNNING");
    expect(registry.get("a")!.startedAt).toBeInstanceOf(Date);
    expect(registry.get("a")!.progress.running).toHaveLength(3);
    release();
    const final = await handle.result;
    expect(final.status).toBe("SUCCEEDED");
    const stored = registry.get("a")!;
    expect(stored.status).toBe("SUCCEEDED");
    expect(stored.finishedAt!.getTime()).toBeGreaterThanOrEqual(stored.startedAt!.getTime());
    expect(stored.progress).toEqual({ total: 3, done: 3, failed: 0, skipped: 0, running: [] });
  });

  it("queues jobs beyond maxRunningJobs and starts them in order", async () => {
    const registry = new JobRegistry({ runner: new JobRunner(), maxRunningJobs: 1 });
    const first = gatedJob("first");
    const second = gatedJob("second");
    registry.submit(first.job);
    const secondHandle = registry.submit(second.job);
    await until(() => registry.get("first")!.status === "RUNNING");
    await tick(5);
    expect(registry.get("second")!.status).toBe("QUEUED");
    first.release();
    second.release();
    expect((await secondHandle.result).status).toBe("SUCCEEDED");
    expect(registry.list().map((j) => j.id)).toEqual(["second", "first"]);
  });

  it("records per-item errors with key and typed code: PARTIAL", async () => {
    const registry = new JobRegistry({ runner: new JobRunner() });
    const handle = registry.submit({
      id: "partial",
      name: "Partial",
      items: ["ok-1", "bad", "ok-2"],
      keyOf: (k) => k,
      handle: async (key) => {
        if (key === "bad") throw new UpstreamUnavailableError("GDC API is unavailable: GET /cases answered HTTP 503");
      },
    });
    await handle.result;
    const job = registry.get("partial")!;
    expect(job.status).toBe("PARTIAL");
    expect(job.errors).toEqual([
      {
        key: "bad",
        code: "UPSTREAM_UNAVAILABLE",
        message: "GDC API is unavailable: GET /cases answered HTTP 503",
        at: expect.any(Date),
      },
    ]);
  });

  it("cancels a running job: CANCELLED, running items aborted, nothing counted as failed", async () => {
    const registry = new JobRegistry({ runner: new JobRunner() });
    const { job, handled } = gatedJob("running", 10);
    const handle = registry.submit(job);
    await until(() => registry.get("running")!.status === "RUNNING");
    expect(registry.cancel("running")).toBe(true);
    const final = await handle.result;
    expect(final.status).toBe("CANCELLED");
    expect(final.progress).toMatchObject({ done: 0, failed: 0, running: [] });
    expect(handled).toEqual([]);
    expect(registry.cancel("running")).toBe(false);
    expect(registry.cancel("unknown")).toBe(false);
  });

  it("cancels a queued job before it ever runs", async () => {
    const registry = new JobRegistry({ runner: new JobRunner(), maxRunningJobs: 1 });
    const blocker = gatedJob("blocker");
    const queued = gatedJob("queued");
    registry.submit(blocker.job);
    const queuedHandle = registry.submit(queued.job);
    queuedHandle.cancel();
    expect((await queuedHandle.result).status).toBe("CANCELLED");
    expect(registry.get("queued")!.startedAt).toBeUndefined();
    blocker.release();
    queued.release();
    await until(() => registry.get("blocker")!.status === "SUCCEEDED");
    expect(queued.handled).toEqual([]);
  });

  it("refuses a second submission of a job id that is still active, accepts it once finished", async () => {
    const registry = new JobRegistry({ runner: new JobRunner() });
    const { job, release } = gatedJob("dup");
    const handle = registry.submit(job);
    expect(() => registry.submit(job)).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT" }));
    release();
    await handle.result;
    const again = registry.submit({ ...job, id: "dup" });
    const statuses: JobStatus[] = [];
    again.events.on("finished", (s) => statuses.push(s.status));
    await again.result;
    expect(statuses).toEqual(["SUCCEEDED"]);
  });

  it("forgets the oldest finished jobs beyond keepFinished", async () => {
    const registry = new JobRegistry({ runner: new JobRunner(), keepFinished: 2 });
    for (const id of ["j1", "j2", "j3"]) {
      await registry.submit({ id, name: id, items: [], keyOf: String, handle: async () => {} }).result;
    }
    expect(registry.list().map((j) => j.id)).toEqual(["j3", "j2"]);
    expect(registry.get("j1")).toBeUndefined();
  });
});
