import { describe, expect, it } from "vitest";
import { NotFoundError } from "../../../compute/errors.js";
import { JobRunner } from "../../../ingest/jobs/job-runner.js";
import { JobEvents, type JobProgressEvent } from "../../../ingest/jobs/job-events.js";
import { MemoryCheckpointStore } from "../../../ingest/jobs/memory-checkpoint-store.js";
import type { ItemContext, JobDefinition } from "../../../ingest/jobs/job.js";

const tick = (ms = 1): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function numbersJob(
  count: number,
  handle: (n: number, context: ItemContext) => Promise<void>,
  id = "numbers",
): JobDefinition<number> {
  return {
    id,
    name: "Numbers",
    items: Array.from({ length: count }, (_, i) => i),
    keyOf: (n) => `item-${n}`,
    handle,
  };
}

describe("JobRunner", () => {
  it("never runs more items at once than its concurrency, and runs every item", async () => {
    let active = 0;
    let maxActive = 0;
    const handled: number[] = [];
    const runner = new JobRunner({ concurrency: 3 });
    const report = await runner.run(
      numbersJob(20, async (n) => {
        active++;
        maxActive = Math.max(maxActive, active);
        await tick(n % 3);
        handled.push(n);
        active--;
      }),
    );
    expect(maxActive).toBe(3);
    expect(handled.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(report.status).toBe("SUCCEEDED");
    expect(report.progress).toEqual({ total: 20, done: 20, failed: 0, skipped: 0, running: [] });
  });

  it("defaults to 4 items in flight", async () => {
    let active = 0;
    let maxActive = 0;
    await new JobRunner().run(
      numbersJob(12, async () => {
        maxActive = Math.max(maxActive, ++active);
        await tick();
        active--;
      }),
    );
    expect(maxActive).toBe(4);
  });

  it("isolates a failing item: the others complete, the job is PARTIAL and names the item and code", async () => {
    const events = new JobEvents();
    const failedEvents: string[] = [];
    events.on("itemFailed", (e) => failedEvents.push(`${e.key}:${e.code}`));
    const report = await new JobRunner({ concurrency: 2 }).run(
      numbersJob(6, async (n) => {
        if (n === 2) throw new NotFoundError("Case", "TCGA-XX-0002");
        if (n === 4) throw new Error("disk full");
      }),
      { events },
    );
    expect(report.status).toBe("PARTIAL");
    expect(report.progress).toMatchObject({ done: 4, failed: 2 });
    expect(report.errors.map(({ key, code, message }) => ({ key, code, message }))).toEqual([
      { key: "item-2", code: "NOT_FOUND", message: "Case 'TCGA-XX-0002' was not found" },
      { key: "item-4", code: "INTERNAL", message: "disk full" },
    ]);
    expect(failedEvents).toEqual(["item-2:NOT_FOUND", "item-4:INTERNAL"]);
  });

  it("is FAILED when every item fails, and when the item source throws", async () => {
    const allFail = await new JobRunner().run(numbersJob(3, async () => Promise.reject(new Error("no"))));
    expect(allFail.status).toBe("FAILED");
    async function* brokenSource(): AsyncIterable<number> {
      yield 1;
      throw new Error("GDC paging broke");
    }
    const handled: number[] = [];
    const sourceFails = await new JobRunner().run({
      id: "broken",
      name: "Broken",
      items: brokenSource(),
      keyOf: String,
      handle: async (n) => void handled.push(n),
    });
    expect(sourceFails.status).toBe("FAILED");
    expect(sourceFails.failure).toEqual({ code: "INTERNAL", message: "GDC paging broke" });
    expect(handled).toEqual([1]);
  });

  it("emits started, one started+done progress pair per item with the current key, then finished", async () => {
    const events = new JobEvents();
    const log: string[] = [];
    const progress: JobProgressEvent[] = [];
    events.on("started", (job) => log.push(`started:${job.status}:${job.progress.total}`));
    events.on("progress", (event) => progress.push(event));
    events.on("finished", (job) => log.push(`finished:${job.status}`));
    events.on("progress", () => {
      throw new Error("a broken listener must not break the job");
    });
    await new JobRunner({ concurrency: 1 }).run(numbersJob(3, async () => {}), { events });
    expect(log).toEqual(["started:RUNNING:3", "finished:SUCCEEDED"]);
    expect(progress.map((e) => `${e.key}:${e.outcome}:${e.progress.done}/${e.progress.total}`)).toEqual([
      "item-0:started:0/3",
      "item-0:done:1/3",
      "item-1:started:1/3",
      "item-1:done:2/3",
      "item-2:started:2/3",
      "item-2:done:3/3",
    ]);
    expect(progress[0]!.progress.running).toEqual(["item-0"]);
  });

  it("learns the total of a lazy source when it is exhausted, and runs a duplicate key once", async () => {
    async function* source(): AsyncIterable<string> {
      yield* ["a", "b", "a", "c"];
    }
    const handled: string[] = [];
    const report = await new JobRunner().run({
      id: "lazy",
      name: "Lazy",
      items: source(),
      keyOf: (s) => s,
      handle: async (s) => void handled.push(s),
    });
    expect(handled.sort()).toEqual(["a", "b", "c"]);
    expect(report.progress.total).toBe(4);
    expect(report.progress.done).toBe(3);
  });

  it("fails an item that outlives itemTimeoutMs, aborting its signal, and goes on", async () => {
    let sawAbort = false;
    const report = await new JobRunner({ itemTimeoutMs: 30 }).run(
      numbersJob(3, async (n, { signal }) => {
        if (n !== 1) return;
        await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve()));
        sawAbort = true;
      }),
    );
    expect(sawAbort).toBe(true);
    expect(report.status).toBe("PARTIAL");
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ key: "item-1", code: "INTERNAL" });
    expect(report.errors[0]!.message).toContain("did not finish within 30 ms");
  });

  it("rejects an unsafe job id before doing anything", async () => {
    await expect(new JobRunner().run(numbersJob(1, async () => {}, "../etc/passwd"))).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
    });
  });

  it("stops on abort: no new items start, running items see the signal, the job is CANCELLED", async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const checkpoints = new MemoryCheckpointStore();
    const report = await new JobRunner({ concurrency: 2, checkpoints }).run(
      numbersJob(10, async (n, { signal }) => {
        started.push(n);
        if (n === 3) controller.abort(new Error("stop"));
        await tick(5);
        if (signal.aborted) throw signal.reason;
      }),
      { signal: controller.signal },
    );
    expect(report.status).toBe("CANCELLED");
    expect(started.length).toBeLessThanOrEqual(5);
    expect(report.progress.failed).toBe(0);
    expect(report.progress.running).toEqual([]);
    expect((await checkpoints.load("numbers")).size).toBe(report.progress.done);
  });
});
