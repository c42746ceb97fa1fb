// A real crash: a child process runs a job over the compiled runner and is killed with SIGKILL
// mid-way; a new runner in this process resumes the same job id from the checkpoint file.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { FileCheckpointStore } from "../../../ingest/jobs/file-checkpoint-store.js";
import { JobRunner } from "../../../ingest/jobs/job-runner.js";

const KEYS = Array.from({ length: 200 }, (_, i) => `series-${String(i).padStart(3, "0")}`);
const CONCURRENCY = 4;
const JOB_ID = "ingest-imaging-killed";

let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "jobs-kill-"));
  const tsc = resolve("node_modules/.bin/tsc");
  execFileSync(tsc, [
    "--ignoreConfig",
    "ingest/jobs/job-runner.ts",
    "ingest/jobs/file-checkpoint-store.ts",
    "--outDir", join(work, "build"),
    "--rootDir", ".",
    "--module", "nodenext",
    "--moduleResolution", "nodenext",
    "--target", "es2022",
    "--types", "node",
    "--skipLibCheck",
  ]);
  await writeFile(join(work, "build", "package.json"), '{"type":"module"}');
  await writeFile(
    join(work, "build", "child.js"),
    `import { appendFileSync } from "node:fs";
import { JobRunner } from "./ingest/jobs/job-runner.js";
import { FileCheckpointStore } from "./ingest/jobs/file-checkpoint-store.js";
const [dir, sideEffects, keys] = [process.argv[2], process.argv[3], JSON.parse(process.argv[4])];
let completed = 0;
const runner = new JobRunner({ concurrency: ${CONCURRENCY}, checkpoints: new FileCheckpointStore({ directory: dir }) });
await runner.run({
  id: "${JOB_ID}", name: "killed", items: keys, keyOf: (k) => k,
  handle: async (key) => {
    await new Promise((r) => setTimeout(r, 2));
    if (completed >= Number(process.argv[5])) await new Promise(() => {}); // stall until killed
    completed++;
    appendFileSync(sideEffects, key + "\\n");
    process.stdout.write("done\\n");
  },
});
process.stdout.write("finished\\n");
`,
  );
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function runChildUntilKilled(afterCompletions: number): Promise<{ finished: boolean }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [
      join(work, "build", "child.js"),
      join(work, "ckpt"),
      join(work, "side-effects.log"),
      JSON.stringify(KEYS),
      String(afterCompletions),
    ]);
    let completions = 0;
    let finished = false;
    child.stdout.on("data", (chunk: Buffer) => {
      completions += (chunk.toString().match(/done/g) ?? []).length;
      if (chunk.toString().includes("finished")) finished = true;
      if (completions >= afterCompletions) child.kill("SIGKILL");
    });
    child.on("error", reject);
    child.on("exit", () => resolvePromise({ finished }));
  });
}

describe("resume after SIGKILL", () => {
  it("skips every checkpointed key; only items caught between their write and the checkpoint re-run", async () => {
    const { finished } = await runChildUntilKilled(60);
    expect(finished).toBe(false);
    const checkpointed = await new FileCheckpointStore({ directory: join(work, "ckpt") }).load(JOB_ID);
    const firstRun = (await readFile(join(work, "side-effects.log"), "utf8")).trim().split("\n");
    expect(firstRun).toHaveLength(60);
    expect(checkpointed.size).toBeGreaterThanOrEqual(60 - CONCURRENCY);
    expect(checkpointed.size).toBeLessThan(KEYS.length);
    expect([...checkpointed].every((key) => firstRun.includes(key))).toBe(true);

    const secondRun: string[] = [];
    const report = await new JobRunner({
      concurrency: CONCURRENCY,
      checkpoints: new FileCheckpointStore({ directory: join(work, "ckpt") }),
    }).run({ id: JOB_ID, name: "resumed", items: KEYS, keyOf: (k) => k, handle: async (key) => void secondRun.push(key) });

    expect(report.status).toBe("SUCCEEDED");
    expect(report.progress.skipped).toBe(checkpointed.size);
    expect(secondRun.filter((key) => checkpointed.has(key))).toEqual([]);
    expect(new Set([...firstRun, ...secondRun])).toEqual(new Set(KEYS));
    const ranTwice = secondRun.filter((key) => firstRun.includes(key));
    expect(ranTwice.length).toBeLessThanOrEqual(CONCURRENCY);
  });
});
