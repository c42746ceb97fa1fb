// diagnostics_* against pyradiomics 3.0.1 (fixture from scripts/fixtures/pyradiomics-filtered-features.py):
// the same keys for image and mask; sizes, spacing, bounding box, voxel and component counts, centre of
// mass (index and mm) and the image's mean / min / max equal pyradiomics' (the hashes are of our buffers).
import { describe, expect, it } from "vitest";
import { pyradiomicsDiagnostics } from "../../../compute/features/pyradiomics-diagnostics.js";
import { parsePyradiomicsParams } from "../../../compute/features/pyradiomics-params.js";
import { filteredCases, filteredMask, filteredVolume } from "./pyradiomics-filtered-reference.js";

const EXACT = ["Image-original_Dimensionality", "Image-original_Spacing", "Image-original_Size", "Image-original_Minimum", "Image-original_Maximum",
  "Mask-original_Spacing", "Mask-original_Size", "Mask-original_BoundingBox", "Mask-original_VoxelNum", "Mask-original_VolumeNum"].map((k) => `diagnostics_${k}`);

describe("pyradiomics diagnostics_* against pyradiomics 3.0.1", () => {
  for (const c of filteredCases) {
    it(c.name, () => {
      const ours = pyradiomicsDiagnostics(filteredVolume, filteredMask, parsePyradiomicsParams(c.params), "test");
      const theirs = c.diagnostics;
      const imageMask = (keys: string[]) => keys.filter((k) => /^diagnostics_(Image|Mask)-original_/.test(k)).sort();
      expect(imageMask(Object.keys(ours))).toEqual(imageMask(Object.keys(theirs)));
      for (const key of EXACT) expect(ours[key], key).toEqual(theirs[key]);
      expect(ours["diagnostics_Image-original_Mean"]).toBeCloseTo(theirs["diagnostics_Image-original_Mean"] as number, 12);
      for (const key of ["diagnostics_Mask-original_CenterOfMassIndex", "diagnostics_Mask-original_CenterOfMass"]) {
        const a = ours[key] as number[], b = theirs[key] as number[];
        expect(a).toHaveLength(3);
        a.forEach((x, i) => expect(x, `${key}[${i}]`).toBeCloseTo(b[i]!, 12));
      }
      expect(ours["diagnostics_Image-original_Hash"]).toMatch(/^[0-9a-f]{40}$/);
      expect(Object.keys(ours["diagnostics_Configuration_EnabledImageTypes"] as object)).toEqual(Object.keys(theirs["diagnostics_Configuration_EnabledImageTypes"] as object));
    });
  }

  it("none with additionalInfo: false, as pyradiomics", () => {
    const profile = parsePyradiomicsParams("setting:\n  additionalInfo: false\nfeatureClass:\n  firstorder: ['Mean']\n");
    expect(pyradiomicsDiagnostics(filteredVolume, filteredMask, profile, "test")).toEqual({});
  });
});
