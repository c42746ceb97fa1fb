// The built CLI as a newcomer runs it (npm test builds dist/ first).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CliProcesses, runCli } from "../support/cli-process.js";
import { graphql } from "../support/graphql-client.js";
import { neo4jUri } from "../support/stores.js";
import { HALLMARK_GMT } from "../support/replay/gmt-fixture.js";

const processes = new CliProcesses();
const run = runCli;
/** Starts `serve` and resolves with the GraphQL URL it prints and the store kind, as `url#kind`. */
const serve = (args: string[]) => processes.start(["serve", "--port", "0", ...args], /GraphQL API: (\S+) +\(store: (\w+)/);

afterEach(() => {
  processes.stopAll();
});

const PATIENTS = `{ patients(first: 3) { totalCount nodes { id collection { id } } } }`;

describe("radiogenomics CLI", () => {
  it("explains itself with --help", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/serve/);
    expect(stdout).toMatch(/demo/);
  });

  it("serves the demo cohort on a fresh embedded store", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "rg-cli-"));
    try {
      const [url, kind] = (await serve(["--demo", "--data-dir", dataDir])).split("#");
      expect(kind).toBe("embedded");
      const { data, errors } = await graphql(url!, PATIENTS);
      expect(errors).toBeUndefined();
      expect(data.patients.totalCount).toBe(24);
      expect(data.patients.nodes[0]).toEqual({ id: "TCGA-DM-0001", collection: { id: "TCGA-GBM" } });
      const locked = await run(["demo", "--data-dir", dataDir]);
      expect(locked.code, locked.stdout + locked.stderr).toBe(1);
      expect(locked.stderr).toMatch(/Another process has it open/);
    } finally {
      processes.stopAll();
      await new Promise((r) => setTimeout(r, 500));
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("serves the same query on Neo4j with --neo4j", async () => {
    const reset = await run(["demo", "--reset", "--neo4j", neo4jUri()]);
    expect(reset.code, reset.stderr).toBe(0);
    const [url, kind] = (await serve(["--neo4j", neo4jUri()])).split("#");
    expect(kind).toBe("neo4j");
    const { data, errors } = await graphql(url!, PATIENTS);
    expect(errors).toBeUndefined();
    expect(data.patients.totalCount).toBe(24);
    expect(data.patients.nodes[0]).toEqual({ id: "TCGA-DM-0001", collection: { id: "TCGA-GBM" } });
    processes.stopAll();
    expect((await run(["demo", "--reset", "--neo4j", neo4jUri()])).code).toBe(0);
  });

  it("stops with one clear message and a non-zero exit when Neo4j is unreachable", async () => {
    const { code, stderr } = await run(["serve", "--neo4j", "bolt://127.0.0.1:1"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^radiogenomics: Cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("ingests a GMT file and computes a cohort's features as a resumable job", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "rg-cli-"));
    try {
      const gmt = path.join(dataDir, "hallmark.gmt");
      await writeFile(gmt, HALLMARK_GMT);
      const ingested = await run(["ingest", "pathways", "--gmt", gmt, "--format", "msigdb", "--release", "2024.1.Hs", "--data-dir", dataDir]);
      expect(ingested.code, ingested.stderr).toBe(0);
      expect(ingested.stdout).toMatch(/^2 gene sets/);
      const missing = await run(["ingest", "pathways", "--gmt", path.join(dataDir, "nope.gmt"), "--format", "msigdb", "--release", "x", "--data-dir", dataDir]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/cannot read the GMT file/);

      expect((await run(["demo", "--data-dir", dataDir])).code).toBe(0);
      const first = await run(["compute", "features", "--collection", "TCGA-GBM", "--families", "glcm", "--data-dir", dataDir]);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/SUCCEEDED — 10 done, 0 already done earlier, 0 failed/);
      const again = await run(["compute", "features", "--collection", "TCGA-GBM", "--families", "glcm", "--data-dir", dataDir]);
      expect(again.stdout).toMatch(/SUCCEEDED — 0 done, 10 already done earlier, 0 failed/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("rejects a bad port with a clear message", async () => {
    const { code, stderr } = await run(["serve", "--port", "http"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/--port must be/);
  });
});
