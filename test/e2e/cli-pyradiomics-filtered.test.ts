// `radiogenomics compute features --pyradiomics-params` with filtered image types: the built CLI runs a
// params file with Original + LoG (1, 2, 3 mm) + Wavelet on the demo cohort (worker pool), stores
// pyradiomics-named values of every derived image, and writes pyradiomics' diagnostics_* with --diagnostics.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CliProcesses, runCli } from "../support/cli-process.js";
import { graphql } from "../support/graphql-client.js";

const processes = new CliProcesses();
afterEach(() => processes.stopAll());

const PARAMS = `imageType:
  Original: {}
  LoG:
    sigma: [1.0, 2.0, 3.0]
  Wavelet: {}
featureClass:
  firstorder: ['Mean', 'Entropy']
  glcm: ['Contrast']
setting:
  binWidth: 25
  voxelArrayShift: 1000
  label: 1
`;

const STORED = `query { patients(first: 1) { nodes { studies { series { lesions { id storedFeatures { name family value } } } } } } }`;

describe("radiogenomics compute features --pyradiomics-params with LoG and Wavelet", () => {
  it("stores every derived image's features under pyradiomics' names and writes diagnostics_* per lesion", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "rg-cli-pyf-"));
    try {
      const params = path.join(dataDir, "params.yaml");
      const diagnostics = path.join(dataDir, "diagnostics.jsonl");
      await writeFile(params, PARAMS);
      expect((await runCli(["demo", "--data-dir", dataDir])).code).toBe(0);
      const run = await runCli(["compute", "features", "--collection", "TCGA-GBM", "--pyradiomics-params", params, "--diagnostics", diagnostics, "--data-dir", dataDir]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/SUCCEEDED — 10 done, 0 already done earlier, 0 failed/);
      expect(run.stdout).toMatch(/diagnostics_\* of 10 lesions written to/);
      const lines = (await readFile(diagnostics, "utf8")).trim().split("\n").map((l) => JSON.parse(l));
      expect(lines).toHaveLength(10);
      for (const d of lines) {
        expect(d.lesionId).toEqual(expect.any(String));
        expect(d["diagnostics_Mask-original_VoxelNum"]).toBeGreaterThan(0);
        expect(d["diagnostics_Mask-original_BoundingBox"]).toHaveLength(6);
        expect(d["diagnostics_Image-original_Size"]).toHaveLength(3);
        expect(Object.keys(d["diagnostics_Configuration_EnabledImageTypes"])).toEqual(["Original", "LoG", "Wavelet"]);
      }

      const [url] = (await processes.start(["serve", "--port", "0", "--data-dir", dataDir], /GraphQL API: (\S+) +\(store: (\w+)/)).split("#");
      const { data, errors } = await graphql(url!, STORED);
      expect(errors).toBeUndefined();
      const lesion = data.patients.nodes[0].studies.flatMap((s: any) => s.series.flatMap((x: any) => x.lesions)).find((l: any) => l.storedFeatures.length);
      const names = lesion.storedFeatures.map((f: any) => f.name).sort();
      const images = ["original", "log-sigma-1-0-mm-3D", "log-sigma-2-0-mm-3D", "log-sigma-3-0-mm-3D", ...["LLH", "LHL", "LHH", "HLL", "HLH", "HHL", "HHH", "LLL"].map((b) => `wavelet-${b}`)];
      expect(names).toEqual(images.flatMap((i) => [`${i}_firstorder_Entropy`, `${i}_firstorder_Mean`, `${i}_glcm_Contrast`]).sort());
      for (const f of lesion.storedFeatures) expect(Number.isFinite(f.value), f.name).toBe(true);

      const onServer = await runCli(["compute", "features", "--collection", "TCGA-GBM", "--pyradiomics-params", params, "--diagnostics", diagnostics, "--server", url!]);
      expect(onServer.code).toBe(1);
      expect(onServer.stderr).toMatch(/--diagnostics runs without --server/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 300_000); // four CLI processes and a server on a shared 2-core machine
});
