// Features of pyradiomics' LBP3D image type (lbp-3D-m1, lbp-3D-m2 …, lbp-3D-k) in the PYRADIOMICS profile
// against real pyradiomics 3.0.1 (fixture from scripts/fixtures/pyradiomics-lbp3d.py: SciPy 1.16.3, trimesh
// 5.2.0 in a side venv): a 16×14×9 volume of 0.8×0.9×2.5 mm with integer-valued intensities (ties with the axis
// neighbours), an inner ellipsoid (label 1) and a block on three image faces (label 2), default and non-default
// lbp3D* settings with binWidth and binCount; every feature pyradiomics returns is present, nothing else, each
// within 1e-6 relative.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { computePyradiomicsProfile } from "../../../compute/features/profile-features.js";
import { parsePyradiomicsParams } from "../../../compute/features/pyradiomics-params.js";
import type { Geometry, Mask, Volume } from "../../../compute/image/volume.js";
import { expectPyradiomicsParity } from "./pyradiomics-reference.js";

const raw = JSON.parse(readFileSync(path.join(import.meta.dirname, "fixtures/pyradiomics-lbp3d-features.json"), "utf8"));
const geometry: Geometry = { size: raw.image.size, spacing: raw.image.spacing, origin: raw.image.origin, direction: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] };
const volume: Volume = { geometry, data: Float32Array.from(raw.image.data) };
const mask: Mask = { geometry, data: Uint8Array.from(raw.mask.data) };
const cases = raw.cases as { name: string; params: string; features: Record<string, number> }[];

describe("pyradiomics LBP3D features against pyradiomics 3.0.1", () => {
  it("records the library versions", () => {
    expect(raw.versions).toMatchObject({ pyradiomics: "v3.0.1", SimpleITK: "2.5.7", scipy: "1.16.3", trimesh: "5.2.0" });
  });

  for (const c of cases) {
    it(`${c.name}: every feature, within 1e-6 relative`, () => {
      const profile = parsePyradiomicsParams(c.params);
      const results = computePyradiomicsProfile(volume, mask, profile, Object.keys(profile.featureClasses).sort());
      expectPyradiomicsParity(c.name, results, c.features);
    });
  }
});
