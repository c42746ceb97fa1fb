// Features of pyradiomics image types (LoG, Wavelet, Square, SquareRoot, Logarithm, Exponential, Gradient,
// LBP2D) in the PYRADIOMICS profile against real pyradiomics 3.0.1 (fixture from
// scripts/fixtures/pyradiomics-filtered-features.py): every feature pyradiomics returns is present, nothing
// else, each within 1e-6 relative.
import { describe, expect, it } from "vitest";
import { computePyradiomicsProfile } from "../../../compute/features/profile-features.js";
import { parsePyradiomicsParams } from "../../../compute/features/pyradiomics-params.js";
import { relativeDifference } from "./pyradiomics-reference.js";
import { filteredCases, filteredMask, filteredVersions, filteredVolume } from "./pyradiomics-filtered-reference.js";

describe("pyradiomics filtered-image features against pyradiomics 3.0.1", () => {
  it("records the library versions", () => {
    expect(filteredVersions).toMatchObject({ pyradiomics: "v3.0.1", SimpleITK: "2.5.7" });
  });

  for (const c of filteredCases) {
    it(`${c.name}: every feature, within 1e-6 relative`, () => {
      const profile = parsePyradiomicsParams(c.params);
      const results = computePyradiomicsProfile(filteredVolume, filteredMask, profile, Object.keys(profile.featureClasses).sort());
      const ours = new Map(results.map((r) => [r.key, r]));
      expect([...ours.keys()].sort()).toEqual(Object.keys(c.features).sort());
      let worst = { key: "", rel: 0 };
      const bad: string[] = [];
      for (const [key, reference] of Object.entries(c.features)) {
        const r = ours.get(key)!;
        if (r.value === undefined) { bad.push(`${key}: undefined (${r.undefinedReason}) vs ${reference}`); continue; }
        const rel = relativeDifference(r.value, reference);
        if (rel > worst.rel) worst = { key, rel };
        if (!(rel <= 1e-6)) bad.push(`${key}: ${r.value} vs ${reference} (${rel.toExponential(2)})`);
      }
      console.log(`${c.name}: ${ours.size} features, worst relative difference ${worst.rel.toExponential(2)} (${worst.key})`);
      expect(bad).toEqual([]);
    });
  }
});
