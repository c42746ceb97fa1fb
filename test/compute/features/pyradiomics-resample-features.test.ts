// The PYRADIOMICS profile with resampling (resampledPixelSpacing, interpolator, padDistance) and preCrop
// against real pyradiomics 3.0.1 + SimpleITK 2.5.7 on an anisotropic synthetic volume with a non-zero origin
// (fixture and generator: scripts/fixtures/pyradiomics-resample.py): every Original feature the params
// enable, none missing, within 1e-4 relative (issue 14's tolerance for resampled cases; a reference of exactly
// 0 within 1e-12 absolute); the largest relative difference is reported per case.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { computeProfileFeatures, pyradiomicsClasses, pyradiomicsFeatureSettings } from "../../../compute/features/profile-features.js";
import type { Geometry, Mask, Volume } from "../../../compute/image/volume.js";
import { relativeDifference } from "./pyradiomics-reference.js";

const fixture = JSON.parse(readFileSync(path.join(import.meta.dirname, "fixtures/pyradiomics-resample-features.json"), "utf8")) as {
  versions: Record<string, string>; input: { size: Geometry["size"]; spacing: Geometry["spacing"]; origin: Geometry["origin"]; image: number[]; mask: number[] };
  cases: { name: string; params: string; features: Record<string, number> }[];
};
const geometry: Geometry = { size: fixture.input.size, spacing: fixture.input.spacing, origin: fixture.input.origin, direction: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] };
const volume: Volume = { geometry, data: Float64Array.from(fixture.input.image) };
const mask: Mask = { geometry, data: Uint8Array.from(fixture.input.mask) };

describe(`PYRADIOMICS profile with resampling against pyradiomics ${fixture.versions.pyradiomics} (SimpleITK ${fixture.versions.SimpleITK})`, () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const settings = pyradiomicsFeatureSettings(c.params);
      const results = computeProfileFeatures(volume, mask, settings, pyradiomicsClasses(settings, undefined) as never);
      const ours = new Map(results.map((r) => [r.key, r]));
      expect([...ours.keys()].sort()).toEqual(Object.keys(c.features).sort());
      let worst = { feature: "", difference: 0 };
      const off = Object.entries(c.features).flatMap(([feature, value]): { feature: string; value: number; ours?: number; difference?: number; reason?: string }[] => {
        const mine = ours.get(feature)!;
        if (mine.value === undefined) return [{ feature, value, reason: mine.undefinedReason }];
        // A reference of exactly 0 (LeastAxisLength of a planar ROI) has no relative scale: |ours| ≤ 1e-12 counts as equal.
        const difference = value === 0 && Math.abs(mine.value) <= 1e-12 ? 0 : relativeDifference(mine.value, value);
        if (difference > worst.difference) worst = { feature, difference };
        return difference > 1e-4 ? [{ feature, value, ours: mine.value, difference }] : [];
      });
      console.log(`${c.name}: ${Object.keys(c.features).length} features, largest relative difference ${worst.difference.toExponential(2)} (${worst.feature})`);
      expect(off).toEqual([]);
    });
  }
});
