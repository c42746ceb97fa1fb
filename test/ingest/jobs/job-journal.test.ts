// The job journal: records follow a job from submit to finish; a record left unfinished (the process
// died) comes back INTERRUPTED with its checkpoint's done count; half-written temp files are ignored and
// removed; and every mutation of the schema that returns a Job is a known job kind (so it can be resumed).
import "reflect-metadata";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GraphQLObjectType } from "graphql";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FileCheckpointStore } from "../../../ingest/jobs/file-checkpoint-store.js";
import { JobJournal } from "../../../ingest/jobs/job-journal.js";
import { JobRegistry } from "../../../ingest/jobs/job-registry.js";
import { JobRunner } from "../../../ingest/jobs/job-runner.js";
import type { JobDefinition } from "../../../ingest/jobs/job.js";
import { JOB_KINDS } from "../../../resolvers/job-kinds.js";
import { buildPlatformSchema } from "../../../schema/build-schema.js";

const origin = { kind: "computeFeatures", args: { families: ["glcm"] }, scope: "compute" };

function jobOf(id: string, keys: string[], handle: (key: string) => Promise<void> = async () => undefined): JobDefinition<string> {
  return { id, name: `job ${id}`, items: keys, keyOf: (k) => k, handle };
}

describe("job journal", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "rg-journal-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const services = () => {
    const checkpoints = new FileCheckpointStore({ directory: dir });
    const journal = new JobJournal({ directory: dir, checkpoints });
    return { journal, registry: new JobRegistry({ runner: new JobRunner({ checkpoints, concurrency: 1 }), journal }) };
  };

  it("records a job from submit to its final status, with its origin", async () => {
    const { journal, registry } = services();
    const handle = registry.submit(jobOf("job-a", ["x", "y"]), origin);
    await handle.journaled;
    expect((await journal.get("job-a"))?.kind).toBe("computeFeatures");
    await handle.result;
    await new Promise((r) => setTimeout(r, 50));
    expect(await journal.get("job-a")).toMatchObject({ id: "job-a", name: "job job-a", status: "SUCCEEDED", total: 2, ...origin });
    expect(await services().registry.restoreInterrupted()).toEqual([]);
  });

  it("lists a job left RUNNING by a dead process as INTERRUPTED with its checkpoint's done count, on disk too", async () => {
    const first = services();
    let release!: () => void;
    const blocked = new Promise<void>((r) => (release = r));
    const running = first.registry.submit(jobOf("job-b", ["1", "2", "3"], (key) => (key === "3" ? blocked : Promise.resolve())), origin);
    for (let i = 0; i < 100 && (await readFile(join(dir, "job-b.ckpt"), "utf8").catch(() => "")).split("\n").filter(Boolean).length < 2; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect((await first.journal.get("job-b"))?.status).toBe("RUNNING");
    await writeFile(join(dir, "job-b.job.json.999.tmp"), '{"id":"job-b","sta');

    // A new process on the same directory (the first one never finishes its job).
    const second = services();
    const interrupted = await second.registry.restoreInterrupted();
    expect(interrupted.map((s) => [s.id, s.status, s.progress.done, s.progress.total])).toEqual([["job-b", "INTERRUPTED", 2, 3]]);
    expect(second.registry.list().map((s) => s.status)).toEqual(["INTERRUPTED"]);
    expect((await second.journal.get("job-b"))?.status).toBe("INTERRUPTED");
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    release();
    await running.result;
    await new Promise((r) => setTimeout(r, 50));
  });

  it("knows every mutation that submits a Job, so each can be resumed", async () => {
    const mutation = (await buildPlatformSchema()).getMutationType() as GraphQLObjectType;
    const jobMutations = Object.values(mutation.getFields()).filter((f) => String(f.type).replace(/[![\]]/g, "") === "Job").map((f) => f.name);
    // resumeJob and cancelJob answer with an existing job; they submit none.
    expect(jobMutations.filter((name) => name !== "resumeJob" && name !== "cancelJob").sort()).toEqual(Object.keys(JOB_KINDS).sort());
  });
});
