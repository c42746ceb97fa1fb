// `radiogenomics compute features --filter <json | file>`: the built CLI computes the IBSI profile's IBSI-2
// filter setting on the demo cohort (worker pool) as a resumable job, stores the response maps' intensity
// statistics under the filter's prefix, sends the same setting to a running server with --server, and names
// what it refuses (the field of a bad parameter, a filter with binning).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { INTENSITY_STATISTICS_FORMULAS } from "../../compute/features/intensity-statistics.js";
import { CliProcesses, runCli } from "../support/cli-process.js";
import { graphql } from "../support/graphql-client.js";

const processes = new CliProcesses();
afterEach(() => processes.stopAll());

const STORED = `query { patients(first: 20) { nodes { studies { series { lesions { id storedFeatures { name family value } } } } } } }`;
const statNames = (prefix: string) => INTENSITY_STATISTICS_FORMULAS.map((f) => `${prefix}_${f.key}`).sort();

describe("radiogenomics compute features --filter", () => {
  it("stores the LoG response's statistics per lesion, resumes, and names a bad parameter", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "rg-cli-filter-"));
    try {
      expect((await runCli(["demo", "--data-dir", dataDir])).code).toBe(0);
      const args = ["compute", "features", "--collection", "TCGA-GBM", "--filter", '{"kind":"LOG","sigma":2,"boundary":"NEAREST"}', "--data-dir", dataDir];
      const first = await runCli(args);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/SUCCEEDED — 10 done, 0 already done earlier, 0 failed/);
      const again = await runCli(args);
      expect(again.stdout).toMatch(/SUCCEEDED — 0 done, 10 already done earlier, 0 failed/);

      const bad = await runCli(["compute", "features", "--collection", "TCGA-GBM", "--filter", '{"kind":"LOG","sigma":2,"support":5}', "--data-dir", dataDir]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/filter\.support does not apply to a LOG filter/);
      const mixed = await runCli([...args, "--bin-count", "16"]);
      expect(mixed.code).toBe(1);
      expect(mixed.stderr).toMatch(/--filter computes intensity statistics without discretisation/);

      const [url] = (await processes.start(["serve", "--port", "0", "--data-dir", dataDir], /GraphQL API: (\S+) +\(store: (\w+)/)).split("#");
      const { data, errors } = await graphql(url!, STORED);
      expect(errors).toBeUndefined();
      const lesions = data.patients.nodes.flatMap((p: any) => p.studies.flatMap((s: any) => s.series.flatMap((x: any) => x.lesions))).filter((l: any) => l.storedFeatures.length);
      expect(lesions).toHaveLength(10);
      for (const l of lesions) {
        expect(l.storedFeatures.map((f: any) => f.name).sort()).toEqual(statNames("log-sigma-2mm-t4-3D-nearest"));
        for (const f of l.storedFeatures) expect(f.family).toBe("intensity_statistics");
        expect(l.storedFeatures.find((f: any) => f.name.endsWith("_stat_variance")).value).toBeGreaterThan(0);
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("sends a filter file to a running server with --server", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "rg-cli-filter-"));
    try {
      const file = path.join(dataDir, "laws.json");
      await writeFile(file, JSON.stringify({ kind: "LAWS", lawsKernel: "E5L5S5", rotationInvariance: true, pooling: "MAX", energyDistance: 2 }));
      const [url] = (await processes.start(["serve", "--port", "0", "--demo", "--data-dir", dataDir], /GraphQL API: (\S+) +\(store: (\w+)/)).split("#");
      const done = await runCli(["compute", "features", "--collection", "TCGA-GBM", "--filter", file, "--server", url!]);
      expect(done.code, done.stderr).toBe(0);
      expect(done.stdout).toMatch(/SUCCEEDED/);
      const { data } = await graphql(url!, STORED);
      const stored = data.patients.nodes.flatMap((p: any) => p.studies.flatMap((s: any) => s.series.flatMap((x: any) => x.lesions))).flatMap((l: any) => l.storedFeatures);
      expect(stored.some((f: any) => f.name === "laws-E5L5S5-rot-max-energy-2-mirror-mirror_stat_mean")).toBe(true);
      const missing = await runCli(["compute", "features", "--collection", "TCGA-GBM", "--filter", path.join(dataDir, "absent.json"), "--server", url!]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/cannot read the --filter file/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
