// Issue 12, finding 6, as reported: SIGKILL during the first demo load left a partial graph that the next
// `npm start` (serve --demo) served silently. Now, on both stores, for several printed seeds: kill the demo
// load at a random point, start `serve --demo` again, and the graph it serves equals a clean load's
// (counts of every node and relationship kind), having said it was repairing when the load was cut.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SeededRandom } from "../../compute/seeded-random.js";
import { CLI, CLI_ENV, CliProcesses, runCli } from "../support/cli-process.js";
import { neo4jUri } from "../support/stores.js";

// One printed seed (RG_CRASH_SEED to change) draws the kill points, spread over the ~5 s load.
const SEED = Number(process.env.RG_CRASH_SEED ?? 20261207);
const KILL_POINTS = 3;
const announce = /GraphQL API: (\S+)/;

interface Target {
  name: string;
  storeFlags(dataDir: string): string[];
  resetFlags: string[];
}

const targets: Target[] = [
  { name: "embedded Ladybug", storeFlags: (dataDir) => ["--data-dir", dataDir], resetFlags: [] },
  { name: "Neo4j", storeFlags: (dataDir) => ["--data-dir", dataDir, "--neo4j", neo4jUri()], resetFlags: ["--reset"] },
];

/** Starts `demo` and SIGKILLs it after `afterMs` (or lets it finish first); resolves when it has gone. */
function killDemoAfter(args: string[], afterMs: number): Promise<"killed" | "finished"> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, "demo", ...args], { env: CLI_ENV, stdio: "ignore" });
    const timer = setTimeout(() => child.kill("SIGKILL"), afterMs);
    child.on("exit", (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === "SIGKILL" ? "killed" : "finished");
    });
  });
}

async function servedCounts(processes: CliProcesses, flags: string[]): Promise<{ counts: Record<string, number>; log: string }> {
  const logs: string[] = [];
  const url = await processes.start(["serve", "--demo", "--port", "0", ...flags], announce, { ...CLI_ENV, LOG_LEVEL: "info" }, (chunk) => logs.push(chunk));
  const health = (await (await fetch(url.replace(/\/graphql$/, "/health"))).json()) as { counts: Record<string, number> };
  processes.stopAll();
  return { counts: health.counts, log: logs.join("") };
}

describe.each(targets)("crash-safe demo load [$name]", (target) => {
  const processes = new CliProcesses();
  const folders: string[] = [];
  const freshDir = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "rg-crash-"));
    folders.push(dir);
    return dir;
  };
  afterAll(async () => {
    processes.stopAll();
    await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it("serves a complete graph after a SIGKILL at a random point of the demo load, at several seeded points", { timeout: 600_000 }, async () => {
    const cleanDir = await freshDir();
    const clean = await runCli(["demo", ...target.resetFlags, ...target.storeFlags(cleanDir)]);
    expect(clean.code).toBe(0);
    const reference = (await servedCounts(processes, target.storeFlags(cleanDir))).counts;
    expect(reference.Patient).toBeGreaterThan(0);
    expect(reference.LoadMarker).toBe(1);

    const random = new SeededRandom(SEED);
    for (let point = 1; point <= KILL_POINTS; point++) {
      const dir = await freshDir();
      const afterMs = random.integer(1_200, 5_500);
      const outcome = await killDemoAfter([...target.resetFlags, ...target.storeFlags(dir)], afterMs);
      const { counts, log } = await servedCounts(processes, target.storeFlags(dir));
      console.log(`[${target.name}] seed ${SEED}, kill point ${point}: demo load ${outcome} after ${afterMs} ms; next start ${/repairing/.test(log) ? "said it was repairing" : "had nothing to repair"}`);
      expect(counts).toEqual(reference);
    }
  });
});
