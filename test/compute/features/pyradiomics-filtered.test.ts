// Features of pyradiomics image types (LoG, Wavelet, Square, SquareRoot, Logarithm, Exponential, Gradient,
// LBP2D) in the PYRADIOMICS profile against real pyradiomics 3.0.1 (fixture from
// scripts/fixtures/pyradiomics-filtered-features.py): every feature pyradiomics returns is present, nothing
// else, each within 1e-6 relative.
import { describe, expect, it } from "vitest";
import { computePyradiomicsProfile } from "../../../compute/features/profile-features.js";
import { parsePyradiomicsParams } from "../../../compute/features/pyradiomics-params.js";
import { expectPyradiomicsParity } from "./pyradiomics-reference.js";
import { filteredCases, filteredMask, filteredVersions, filteredVolume } from "./pyradiomics-filtered-reference.js";

describe("pyradiomics filtered-image features against pyradiomics 3.0.1", () => {
  it("records the library versions", () => {
    expect(filteredVersions).toMatchObject({ pyradiomics: "v3.0.1", SimpleITK: "2.5.7" });
  });

  for (const c of filteredCases) {
    it(`${c.name}: every feature, within 1e-6 relative`, () => {
      const profile = parsePyradiomicsParams(c.params);
      const results = computePyradiomicsProfile(filteredVolume, filteredMask, profile, Object.keys(profile.featureClasses).sort());
      expectPyradiomicsParity(c.name, results, c.features);
    });
  }
});
