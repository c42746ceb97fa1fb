// `radiogenomics ingest pathways --reactome <UniProt…>` as a newcomer runs it, against the replay
// server's Reactome ContentService, on a fresh embedded store; the re-run resumes from the checkpoint.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../graph-model/open-store.js";
import { reactomePathwaysOfSymbol } from "../support/replay/fixture-reactome.js";
import { generateGenomicFixture } from "../support/replay/genomic-fixture.js";
import { startReplayServer, type ReplayServer } from "../support/replay/replay-server.js";

const CLI = path.resolve(import.meta.dirname, "../../dist/cli/radiogenomics.js");
const { NEO4J_URI: _ignored, ...parentEnv } = process.env;
const fixture = generateGenomicFixture({ seed: 3, patientCount: 2 });

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...parentEnv, LOG_LEVEL: "warn" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("radiogenomics ingest pathways --reactome [embedded Ladybug]", () => {
  let replay: ReplayServer;
  let dataDir: string;
  beforeAll(async () => {
    replay = await startReplayServer(fixture);
    dataDir = await mkdtemp(path.join(os.tmpdir(), "rg-cli-reactome-"));
    // Pathway ingest links only genes the graph knows (unknown symbols are reported): the members first.
    const store = await openStore({ kind: "embedded", dataDir });
    try {
      const members = ["VEGFA", "EGFR"].flatMap((s) => reactomePathwaysOfSymbol(fixture.reactome, s).flatMap((p) => p.genes));
      await store.upsertGenes([...new Set(members)].map((symbol) => ({ symbol })));
    } finally {
      await store.close();
    }
  });
  afterAll(async () => {
    await replay.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("ingests the Reactome pathways of the given genes, and resumes on a re-run", async () => {
    const genes = ["VEGFA", "EGFR"].map((s) => fixture.reactome.uniprotOf[s]!);
    const args = ["ingest", "pathways", "--reactome", ...genes, "--data-dir", dataDir, "--reactome-url", replay.reactomeUrl];
    const first = await run(args);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/SUCCEEDED — 2 done, 0 already done earlier, 0 failed/);
    const again = await run(args);
    expect(again.stdout).toMatch(/SUCCEEDED — 0 done, 2 already done earlier, 0 failed/);

    const store = await openStore({ kind: "embedded", dataDir });
    try {
      const expected = [...reactomePathwaysOfSymbol(fixture.reactome, "VEGFA"), ...reactomePathwaysOfSymbol(fixture.reactome, "EGFR")];
      const stored = await store.pathways({ source: "Reactome" });
      expect(stored.map((p) => [p.id, p.dataRelease])).toEqual(expected.map((p) => [p.stId, `Reactome ${fixture.reactome.databaseVersion}`]).sort());
    } finally {
      await store.close();
    }
    const missing = await run(["ingest", "pathways", "--data-dir", dataDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/--gmt, --format and --release .* or --reactome/);
  });
});
