// Issue 12, finding 6 (second half), as reported: a job interrupted by a restart was invisible in `jobs`
// until someone re-sent its mutation. Now, on both stores, against the real CLI server: an ingestGenomics
// job (3 items: patients, expression, mutations) is SIGKILLed with the server once its first two items are
// checkpointed (the replay server holds the mutations step); the next `serve` on the same data directory
// lists it INTERRUPTED with done = 2; resumeJob without a key (keys configured) is refused; with the ingest
// key it finishes SUCCEEDED, skipping the 2 completed items, and the graph equals an uninterrupted run's.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../graph-model/open-store.js";
import { addKeyToFile } from "../../resolvers/api-key-file.js";
import { CLI_ENV, CliProcesses } from "../support/cli-process.js";
import { graphql } from "../support/graphql-client.js";
import { generateGenomicFixture, startReplayServer, type ReplayServer } from "../support/replay/index.js";
import { neo4jUri } from "../support/stores.js";

const fixture = generateGenomicFixture({ seed: 29, patientCount: 5 });
const announce = /GraphQL API: (\S+)/;
const INGEST = `mutation($project: String!) { ingestGenomics(source: GDC, project: $project) { id status } }`;
const JOB = `query($id: ID!) { job(id: $id) { id status progress { total done skipped failed } } }`;
const RESUME = `mutation($id: ID!) { resumeJob(id: $id) { id status } }`;

interface Target {
  name: string;
  storeFlags(dataDir: string): string[];
  /** Empties the store before a run (Neo4j is one database shared by the runs; each embedded run has its own directory). */
  reset(): Promise<void>;
}

const targets: Target[] = [
  { name: "embedded Ladybug", storeFlags: (dataDir) => ["--data-dir", dataDir], reset: async () => undefined },
  {
    name: "Neo4j",
    storeFlags: (dataDir) => ["--data-dir", dataDir, "--neo4j", neo4jUri()],
    reset: async () => {
      const store = await openStore({ kind: "neo4j", uri: neo4jUri(), user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
      await store.deleteEverything();
      await store.close();
    },
  },
];

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 1200; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}

const checkpointed = async (dataDir: string, jobId: string) =>
  (await readFile(path.join(dataDir, "jobs", `${jobId}.ckpt`), "utf8").catch(() => "")).split("\n").filter((l) => l.trim()).length;

const countsOf = async (graphqlUrl: string) => ((await (await fetch(graphqlUrl.replace(/\/graphql$/, "/health"))).json()) as { counts: Record<string, number> }).counts;

describe.each(targets)("jobs interrupted by a restart [$name]", (target) => {
  const processes = new CliProcesses();
  const folders: string[] = [];
  let replay: ReplayServer;
  const freshDir = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "rg-interrupted-"));
    folders.push(dir);
    return dir;
  };
  beforeAll(async () => {
    replay = await startReplayServer(fixture);
  });
  afterAll(async () => {
    await processes.killAll("SIGTERM");
    await replay.close();
    await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  /** `serve --keys` on the data dir, talking to the replay server as GDC; resolves with its GraphQL URL. */
  function serve(dataDir: string, keyFile: string, onOutput?: (chunk: string) => void): Promise<string> {
    const env = { ...CLI_ENV, RG_GDC_URL: replay.gdcUrl, LOG_LEVEL: "info" };
    return processes.start(["serve", "--port", "0", "--keys", keyFile, ...target.storeFlags(dataDir)], announce, env, onOutput);
  }

  it("lists the killed job INTERRUPTED with its done count, refuses resumeJob without the key, and resumes it with the key to a clean run's graph", { timeout: 300_000 }, async () => {
    // The graph of an uninterrupted run, for comparison.
    await target.reset();
    const cleanDir = await freshDir();
    const cleanKeys = path.join(cleanDir, "keys.json");
    const cleanKey = addKeyToFile(cleanKeys, ["ingest"], "clean run").key;
    const cleanUrl = await serve(cleanDir, cleanKeys);
    const cleanJob = (await graphql(cleanUrl, INGEST, { project: fixture.projectId }, { "x-api-key": cleanKey })).data.ingestGenomics.id as string;
    await until(async () => ((await graphql(cleanUrl, JOB, { id: cleanJob })).data.job.status === "SUCCEEDED" ? true : undefined), "the clean run to succeed");
    const reference = await countsOf(cleanUrl);
    expect(reference.Patient).toBe(fixture.truth.gdcPatients.length);
    await processes.killAll("SIGTERM");

    // The same job, its server SIGKILLed once patients and expression are checkpointed.
    await target.reset();
    const dir = await freshDir();
    const keyFile = path.join(dir, "keys.json");
    const ingestKey = addKeyToFile(keyFile, ["ingest"], "ingest").key;
    const readKey = addKeyToFile(keyFile, ["read"], "read only").key;
    replay.faults.add({ fault: { kind: "slow", delayMs: 5_000 }, pathIncludes: "/gdc/ssm_occurrences" });
    const firstUrl = await serve(dir, keyFile);
    const started = await graphql(firstUrl, INGEST, { project: fixture.projectId }, { "x-api-key": ingestKey });
    const jobId = started.data.ingestGenomics.id as string;
    expect(jobId).toBe(cleanJob);
    await until(async () => ((await checkpointed(dir, jobId)) >= 2 ? true : undefined), "patients and expression to be checkpointed");
    await processes.killAll("SIGKILL");
    replay.faults.clear();
    const countsAtKill = await checkpointed(dir, jobId);
    expect(countsAtKill).toBe(2);

    const logs: string[] = [];
    const url = await serve(dir, keyFile, (chunk) => logs.push(chunk));
    expect(logs.join("")).toMatch(/interrupted by a restart.*resumeJob/);
    const listed = (await graphql(url, `{ jobs { id status progress { done total } } }`)).data.jobs;
    expect(listed).toEqual([{ id: jobId, status: "INTERRUPTED", progress: { done: 2, total: 3 } }]);
    expect((await graphql(url, JOB, { id: jobId })).data.job).toMatchObject({ status: "INTERRUPTED", progress: { done: 2 } });
    const before = await countsOf(url);

    const anonymous = await graphql(url, RESUME, { id: jobId });
    expect(anonymous.errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
    const reader = await graphql(url, RESUME, { id: jobId }, { "x-api-key": readKey });
    expect(reader.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    const unknown = await graphql(url, RESUME, { id: "gdc-no-such-job" }, { "x-api-key": ingestKey });
    expect(unknown.errors![0]!.extensions!.code).toBe("NOT_FOUND");
    expect(await countsOf(url)).toEqual(before);
    expect((await graphql(url, JOB, { id: jobId })).data.job.status).toBe("INTERRUPTED");

    const resumed = await graphql(url, RESUME, { id: jobId }, { "x-api-key": ingestKey });
    expect(resumed.errors).toBeUndefined();
    expect(resumed.data.resumeJob.id).toBe(jobId);
    const finished = await until(async () => {
      const job = (await graphql(url, JOB, { id: jobId })).data.job;
      return ["QUEUED", "RUNNING"].includes(job.status) ? undefined : job;
    }, "the resumed job to finish");
    expect(finished).toEqual({ id: jobId, status: "SUCCEEDED", progress: { total: 3, done: 1, skipped: 2, failed: 0 } });
    expect(await countsOf(url)).toEqual(reference);

    const again = await graphql(url, RESUME, { id: jobId }, { "x-api-key": ingestKey });
    expect(again.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
  });
});
