// `radiogenomics compute features --pyradiomics-params <file>`: the built CLI takes a pyradiomics params
// file as is, computes the pyradiomics profile as a resumable job, and names what it refuses.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { exampleParams, originalOnly } from "../compute/features/pyradiomics-example-params.js";
import { CliProcesses, runCli } from "../support/cli-process.js";

const processes = new CliProcesses();
afterEach(() => processes.stopAll());

const PARAMS = `# exampleCT.yaml's settings the platform applies today
imageType:
  Original: {}
featureClass:
  firstorder:
  glcm: ['Contrast', 'Correlation', 'JointEntropy']
setting:
  binWidth: 25
  voxelArrayShift: 1000
  label: 1
`;

describe("radiogenomics compute features --pyradiomics-params", () => {
  it("runs a params file unchanged, resumes from the stored answer, and names an unknown key", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "rg-cli-py-"));
    try {
      const params = path.join(dataDir, "params.yaml");
      await writeFile(params, PARAMS);
      expect((await runCli(["demo", "--data-dir", dataDir])).code).toBe(0);
      const args = ["compute", "features", "--collection", "TCGA-GBM", "--pyradiomics-params", params, "--data-dir", dataDir];
      const first = await runCli(args);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/SUCCEEDED — 10 done, 0 already done earlier, 0 failed/);
      const again = await runCli(args);
      expect(again.stdout).toMatch(/SUCCEEDED — 0 done, 10 already done earlier, 0 failed/);

      await writeFile(params, PARAMS.replace("label: 1", "lable: 1"));
      const unknown = await runCli(args);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/unknown setting key 'lable'; valid keys: .*label/);
      const mixed = await runCli([...args, "--bin-width", "10"]);
      expect(mixed.code).toBe(1);
      expect(mixed.stderr).toMatch(/--pyradiomics-params sets the binning itself/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("sends the params file as is to a running server with --server", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "rg-cli-py-"));
    try {
      const params = path.join(dataDir, "params.yaml");
      await writeFile(params, PARAMS);
      const [url] = (await processes.start(["serve", "--port", "0", "--demo", "--data-dir", dataDir], /GraphQL API: (\S+) +\(store: (\w+)/)).split("#");
      const done = await runCli(["compute", "features", "--collection", "TCGA-GBM", "--pyradiomics-params", params, "--server", url!]);
      expect(done.code, done.stderr).toBe(0);
      expect(done.stdout).toMatch(/SUCCEEDED/);
      await writeFile(params, PARAMS.replace("Original: {}", "Original: {}\n  LBP3D: {lbp3DLevels: 1}"));
      const refused = await runCli(["compute", "features", "--collection", "TCGA-GBM", "--pyradiomics-params", params, "--server", url!]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/imageType LBP3D setting 'lbp3DLevels' 1 fails inside pyradiomics 3\.0\.1/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("pyradiomics 3.0.1's exampleCT.yaml: its Original part (resampled to 1 mm) runs; then the file unchanged (LoG, Wavelet, mesh shape) runs too", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "rg-cli-py-"));
    try {
      const params = path.join(dataDir, "exampleCT.yaml");
      await writeFile(params, originalOnly(exampleParams("exampleCT.yaml")));
      expect((await runCli(["demo", "--data-dir", dataDir])).code).toBe(0);
      const args = ["compute", "features", "--collection", "TCGA-GBM", "--pyradiomics-params", params, "--data-dir", dataDir];
      const done = await runCli(args);
      expect(done.code, done.stderr).toBe(0);
      expect(done.stdout).toMatch(/SUCCEEDED — 10 done, 0 already done earlier, 0 failed/);
      await writeFile(params, exampleParams("exampleCT.yaml"));
      const unchanged = await runCli(args);
      expect(unchanged.code, unchanged.stderr).toBe(0);
      expect(unchanged.stdout).toMatch(/SUCCEEDED — 10 done, 0 already done earlier, 0 failed/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
