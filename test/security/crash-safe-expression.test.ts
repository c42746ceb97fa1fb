// Issue 12, "every bulk load atomic for readers", for the genomics bulk path: a process SIGKILLed in the
// middle of a bulk expression load (its LoadMarker still LOADING, one gene of the new release written over
// the old release's values) left a mix of two releases that the next start would serve as one matrix. Now
// the next `serve` says it is repairing and removes that load's values (that source, that collection only)
// before it listens, and the marker reads ROLLED_BACK; other sources and collections keep their values.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore, type StoreConfig } from "../../graph-model/open-store.js";
import { CLI, CLI_ENV, CliProcesses } from "../support/cli-process.js";
import { neo4jUri } from "../support/stores.js";

const DIST = path.resolve(path.dirname(CLI), "..");
const CHILD = path.resolve(import.meta.dirname, "fixtures/killed-expression-load.mjs");
const PATIENTS = ["TCGA-KL-0001", "TCGA-KL-0002", "TCGA-KL-0003"];
const GENES = ["CA9", "VEGFA", "EGFR", "TP53"];
const announce = /GraphQL API: (\S+)/;

interface Target {
  name: string;
  config(dataDir: string): StoreConfig;
  storeFlags(dataDir: string): string[];
}

const targets: Target[] = [
  { name: "embedded Ladybug", config: (dataDir) => ({ kind: "embedded", dataDir }), storeFlags: (dataDir) => ["--data-dir", dataDir] },
  {
    name: "Neo4j",
    config: () => ({ kind: "neo4j", uri: neo4jUri(), user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD }),
    storeFlags: (dataDir) => ["--data-dir", dataDir, "--neo4j", neo4jUri()],
  },
];

function runKilledLoad(config: StoreConfig): Promise<{ signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CHILD, DIST, JSON.stringify(config)], { env: CLI_ENV });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (_code, signal) => resolve({ signal, stdout, stderr }));
  });
}

async function withStore<T>(config: StoreConfig, read: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore(config);
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}

describe.each(targets)("crash-safe bulk expression load [$name]", (target) => {
  const processes = new CliProcesses();
  const folders: string[] = [];
  afterAll(async () => {
    await processes.killAll("SIGTERM");
    if (target.config("").kind === "neo4j") await withStore(target.config(""), (store) => store.deleteEverything());
    await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it("rolls back a bulk expression load killed midway before serving, saying so, and keeps other sources' and collections' values", { timeout: 180_000 }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "rg-crash-expr-"));
    folders.push(dir);
    const config = target.config(dir);
    if (config.kind === "neo4j") await withStore(config, (store) => store.deleteEverything());

    const killed = await runKilledLoad(config);
    expect(killed.signal, killed.stderr).toBe("SIGKILL");
    expect(killed.stdout).toContain("partial load written");
    // What the kill left: the marker LOADING and two releases mixed in one source's matrix.
    const left = await withStore(config, async (store) => ({
      marker: (await store.loadMarker("expression:GDC:TCGA-KL"))?.status,
      releases: [...new Set((await store.expressionOf(PATIENTS, GENES, "GDC")).map((e) => e.dataRelease))].sort(),
    }));
    expect(left).toEqual({ marker: "LOADING", releases: ["r1", "r2"] });

    const logs: string[] = [];
    await processes.start(["serve", "--port", "0", ...target.storeFlags(dir)], announce, { ...CLI_ENV, LOG_LEVEL: "info" }, (chunk) => logs.push(chunk));
    await processes.killAll("SIGTERM");
    expect(logs.join("")).toMatch(/repairing: the bulk expression load expression:GDC:TCGA-KL never completed/);

    const after = await withStore(config, async (store) => ({
      marker: (await store.loadMarker("expression:GDC:TCGA-KL"))?.status,
      gdc: (await store.expressionOf(PATIENTS, GENES, "GDC")).length,
      cbioportal: (await store.expressionOf(PATIENTS, GENES, "cBioPortal")).map((e) => e.value).sort((a, b) => a! - b!),
      otherCollection: (await store.expressionOf(["TCGA-OT-0001"], ["CA9"], "GDC")).map((e) => e.value),
    }));
    expect(after).toEqual({
      marker: "ROLLED_BACK",
      gdc: 0,
      cbioportal: [1000, 1001, 1002, 1010, 1011, 1012, 1020, 1021, 1022, 1030, 1031, 1032],
      otherCollection: [7],
    });
  });
});
