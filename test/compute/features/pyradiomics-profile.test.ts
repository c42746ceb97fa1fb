// The PYRADIOMICS profile against real pyradiomics 3.0.1 on a synthetic anisotropic label map
// (fixture and generator: scripts/fixtures/pyradiomics_profile_reference.py): every feature the params
// enable, present and within 1e-6 relative; label selection; binCount.
import { describe, expect, it } from "vitest";
import { computeProfileFeatures, pyradiomicsFeatureSettings } from "../../../compute/features/profile-features.js";
import { pyradiomicsClasses } from "../../../compute/features/profile-features.js";
import { referenceCase, referenceMask, referenceVersions, referenceVolume, relativeDifference } from "./pyradiomics-reference.js";

function compare(name: string) {
  const reference = referenceCase(name);
  const settings = pyradiomicsFeatureSettings(reference.params);
  const results = computeProfileFeatures(referenceVolume, referenceMask, settings, pyradiomicsClasses(settings, undefined) as never);
  const ours = new Map(results.map((r) => [r.key, r]));
  expect([...ours.keys()].sort()).toEqual(Object.keys(reference.features).sort());
  const off = Object.entries(reference.features)
    .map(([feature, value]) => ({ feature, value, ours: ours.get(feature)!.value, reason: ours.get(feature)!.undefinedReason }))
    .filter((f) => f.ours === undefined || relativeDifference(f.ours, f.value) > 1e-6);
  return off;
}

describe(`PYRADIOMICS profile against pyradiomics ${referenceVersions.pyradiomics}`, () => {
  for (const name of ["exampleCT-like, label 1", "label 2 (label selection)", "binCount 16, label 1", "one voxel thick, label 4", "normalize (exampleMR_3mm-like), label 1", "normalize with removeOutliers 1.5, label 2", "flat region, label 3", "glcm MCC, label 1", "glcm MCC, label 2", "glcm MCC, flat region", "shape (all but the mesh features), label 1"]) {
    it(name, () => expect(compare(name)).toEqual([]));
  }
});
