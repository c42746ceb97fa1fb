// A killed genomics job resumes: `radiogenomics ingest genomics` runs as a child process against the
// replay server, slowed (fault switch) on the mutations step so that SIGKILL lands after the patients
// and expression steps are checkpointed; the re-run skips them (no STAR-Counts file fetched again) and
// leaves a graph equal to a clean run's, with no duplicates. Embedded Ladybug store (the CLI's default).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphStore } from "../../graph-model/graph-store.js";
import { openStore } from "../../graph-model/open-store.js";
import { generateGenomicFixture } from "../support/replay/genomic-fixture.js";
import { startReplayServer, type ReplayServer } from "../support/replay/replay-server.js";

const CLI = path.resolve(import.meta.dirname, "../../dist/cli/radiogenomics.js");
const { NEO4J_URI: _ignored, ...parentEnv } = process.env;
const ENV = { ...parentEnv, LOG_LEVEL: "warn" };
const fixture = generateGenomicFixture({ seed: 23, patientCount: 6 });

function ingest(replay: ReplayServer, dataDir: string): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [CLI, "ingest", "genomics", "--project", fixture.projectId, "--data-dir", dataDir, "--gdc-url", replay.gdcUrl], { env: ENV });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

/** Completed step keys in the job's checkpoint file under `<dataDir>/jobs`. */
async function checkpointed(dataDir: string): Promise<string[]> {
  const dir = path.join(dataDir, "jobs");
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith(".ckpt"));
  const keys: string[] = [];
  for (const file of files)
    for (const line of (await readFile(path.join(dir, file), "utf8")).split("\n")) if (line.trim()) keys.push((JSON.parse(line) as { key: string }).key);
  return keys;
}

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** What a run left in the graph, in a comparable form. */
async function graphOf(dataDir: string) {
  const store: GraphStore = await openStore({ kind: "embedded", dataDir });
  try {
    const ids = fixture.truth.gdcPatients.map((p) => p.id);
    const genes = [...new Set(fixture.truth.gdcExpression.map((e) => e.geneSymbol))];
    return {
      counts: await store.counts(),
      patients: (await store.patientsByIds(ids)).sort((a, b) => a.id.localeCompare(b.id)),
      expression: await store.expressionOf(ids, genes),
      mutations: [...(await store.mutationsOfPatients(ids)).entries()].sort(([a], [b]) => a.localeCompare(b)),
    };
  } finally {
    await store.close();
  }
}

const downloads = (replay: ReplayServer, from: number, to = replay.requests.length) => replay.requests.slice(from, to).filter((r) => r.fullPath.startsWith("/gdc/data/")).length;

describe("radiogenomics ingest genomics, killed and re-run [embedded Ladybug]", () => {
  let replay: ReplayServer;
  const dirs: string[] = [];
  const tempDir = async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "rg-cli-resume-"));
    dirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    replay = await startReplayServer(fixture);
  });
  afterAll(async () => {
    await replay.close();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("resumes from the checkpoint after SIGKILL and ends with the graph of a clean run", async () => {
    const cleanDir = await tempDir();
    const cleanStart = replay.requests.length;
    const clean = await ingest(replay, cleanDir).done;
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stdout).toMatch(/SUCCEEDED — 3 done, 0 already done earlier, 0 failed/);
    const cleanDownloads = downloads(replay, cleanStart);
    expect(cleanDownloads).toBe(fixture.truth.primaryTumourFileByPatient.size);

    const dir = await tempDir();
    replay.faults.add({ fault: { kind: "slow", delayMs: 2_000 }, pathIncludes: "/gdc/ssm_occurrences" });
    const killedStart = replay.requests.length;
    const killed = ingest(replay, dir);
    await until(async () => (await checkpointed(dir)).length >= 2, "the patients and expression steps to be checkpointed");
    killed.child.kill("SIGKILL");
    const outcome = await killed.done;
    expect(outcome.signal).toBe("SIGKILL");
    expect((await checkpointed(dir)).sort()).toEqual(["expression", "patients"]);
    expect(downloads(replay, killedStart)).toBe(cleanDownloads);
    replay.faults.clear();

    const resumedStart = replay.requests.length;
    const resumed = await ingest(replay, dir).done;
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/SUCCEEDED — 1 done, 2 already done earlier, 0 failed/);
    // fewer items fetched: no STAR-Counts file again, only the mutations step's pages
    expect(downloads(replay, resumedStart)).toBe(0);
    expect(replay.requests.slice(resumedStart).filter((r) => r.fullPath.includes("/gdc/ssm_occurrences")).length).toBeGreaterThan(0);

    const [expected, actual] = [await graphOf(cleanDir), await graphOf(dir)];
    expect(actual.counts).toEqual(expected.counts);
    expect(actual.counts.EXPRESSES).toBe(fixture.truth.gdcExpression.length);
    expect(actual.patients).toEqual(expected.patients);
    expect(actual.expression).toEqual(expected.expression);
    expect(actual.mutations).toEqual(expected.mutations);
  });
});
