import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileCheckpointStore } from "../../../ingest/jobs/file-checkpoint-store.js";
import { JobRunner } from "../../../ingest/jobs/job-runner.js";
import type { JobDefinition } from "../../../ingest/jobs/job.js";

const tick = (ms = 1): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const KEYS = Array.from({ length: 30 }, (_, i) => `TCGA-02-${String(i).padStart(4, "0")}`);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "jobs-ckpt-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function caseJob(handle: JobDefinition<string>["handle"]): JobDefinition<string> {
  return { id: "ingest-genomics-TCGA-GBM", name: "Ingest genomics TCGA-GBM", items: KEYS, keyOf: (k) => k, handle };
}

describe("FileCheckpointStore", () => {
  it("appends one JSON line per completed key and loads them back", async () => {
    const store = new FileCheckpointStore({ directory: join(dir, "jobs") });
    await Promise.all(KEYS.map((key) => store.append("job-1", key)));
    await store.close("job-1");
    const lines = (await readFile(join(dir, "jobs", "job-1.ckpt"), "utf8")).trimEnd().split("\n");
    expect(lines).toHaveLength(30);
    expect(JSON.parse(lines[0]!)).toEqual({ key: KEYS[0] });
    expect(await new FileCheckpointStore({ directory: join(dir, "jobs") }).load("job-1")).toEqual(new Set(KEYS));
  });

  it("ignores a line torn by a crash and never glues the next record onto it", async () => {
    const path = join(dir, "torn.ckpt");
    await writeFile(path, '{"key":"a"}\n{"key":"b"}\n{"ke');
    const store = new FileCheckpointStore({ directory: dir, fsync: true });
    expect(await store.load("torn")).toEqual(new Set(["a", "b"]));
    await store.append("torn", "c");
    await store.close("torn");
    expect(await store.load("torn")).toEqual(new Set(["a", "b", "c"]));
  });

  it("keeps keys with quotes and newlines intact; clear forgets the job", async () => {
    const store = new FileCheckpointStore({ directory: dir });
    await store.append("odd", 'a "quoted"\nkey');
    await store.close("odd");
    expect(await store.load("odd")).toEqual(new Set(['a "quoted"\nkey']));
    await store.clear("odd");
    expect(await store.load("odd")).toEqual(new Set());
  });

  it("refuses job ids that would escape the directory", async () => {
    const store = new FileCheckpointStore({ directory: dir });
    await expect(store.load("../x")).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    await expect(store.append("a/b", "k")).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
  });
});

describe("resume after a crash", () => {
  it("a new runner on the same job id skips completed keys: exactly one completion per key over both runs", async () => {
    const firstRun: string[] = [];
    const crash = new AbortController();
    const report1 = await new JobRunner({ concurrency: 3, checkpoints: new FileCheckpointStore({ directory: dir }) }).run(
      caseJob(async (key, { signal }) => {
        await tick(2);
        if (signal.aborted) throw signal.reason;
        firstRun.push(key);
        if (firstRun.length === 10) crash.abort(new Error("process killed"));
      }),
      { signal: crash.signal },
    );
    expect(report1.status).toBe("CANCELLED");
    expect(firstRun).toHaveLength(10);
    expect(report1.progress.done).toBe(10);

    const secondRun: string[] = [];
    const report2 = await new JobRunner({ concurrency: 3, checkpoints: new FileCheckpointStore({ directory: dir }) }).run(
      caseJob(async (key) => {
        await tick();
        secondRun.push(key);
      }),
    );
    expect(report2.status).toBe("SUCCEEDED");
    expect(report2.progress).toMatchObject({ total: 30, done: 20, skipped: 10, failed: 0 });
    expect(secondRun.filter((key) => firstRun.includes(key))).toEqual([]);
    expect([...firstRun, ...secondRun].sort()).toEqual(KEYS);

    let thirdRunCalls = 0;
    const report3 = await new JobRunner({ checkpoints: new FileCheckpointStore({ directory: dir }) }).run(
      caseJob(async () => void thirdRunCalls++),
    );
    expect(thirdRunCalls).toBe(0);
    expect(report3.progress).toMatchObject({ done: 0, skipped: 30 });
  });

  it("re-runs only the items that failed before", async () => {
    const checkpoints = new FileCheckpointStore({ directory: dir });
    const report1 = await new JobRunner({ checkpoints }).run(
      caseJob(async (key) => {
        if (key.endsWith("7")) throw new Error("upstream hiccup");
      }),
    );
    expect(report1.status).toBe("PARTIAL");
    expect(report1.errors.map((e) => e.key)).toEqual(["TCGA-02-0007", "TCGA-02-0017", "TCGA-02-0027"]);
    const retried: string[] = [];
    const report2 = await new JobRunner({ checkpoints: new FileCheckpointStore({ directory: dir }) }).run(
      caseJob(async (key) => void retried.push(key)),
    );
    expect(retried.sort()).toEqual(["TCGA-02-0007", "TCGA-02-0017", "TCGA-02-0027"]);
    expect(report2.status).toBe("SUCCEEDED");
  });

  it("survives a torn checkpoint line left by a kill mid-write", async () => {
    await new JobRunner({ checkpoints: new FileCheckpointStore({ directory: dir }) }).run(
      { ...caseJob(async () => {}), items: KEYS.slice(0, 5) },
    );
    await appendFile(join(dir, "ingest-genomics-TCGA-GBM.ckpt"), '{"key":"TCGA-02-00');
    const ran: string[] = [];
    await new JobRunner({ checkpoints: new FileCheckpointStore({ directory: dir }) }).run(
      caseJob(async (key) => void ran.push(key)),
    );
    expect(ran.sort()).toEqual(KEYS.slice(5));
  });
});
