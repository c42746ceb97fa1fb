// The IBSI chapter-1 CT configurations A–E (interpolation, re-segmentation, discretisation, IVH settings)
// run end to end on a synthetic CT-like lesion: every result is typed, and the settings show in the values.
import { describe, expect, test } from "vitest";
import { computeFeatures } from "../../../compute/features/compute-features.js";
import type { FeatureSettings } from "../../../compute/features/settings.js";
import type { FeatureResult } from "../../../compute/features/types.js";
import type { Mask } from "../../../compute/image/volume.js";
import { AXIAL } from "../../../compute/image/volume.js";
import { volumeOn } from "./shapes.js";

// A 0.98 × 0.98 × 3 mm CT slab with a lobulated soft-tissue lesion next to air and bone.
const geometry = { size: [48, 44, 14] as const, spacing: [0.98, 0.98, 3] as const, origin: [-20, -20, 0] as const, direction: AXIAL };
const maskData = new Uint8Array(48 * 44 * 14);
let v = 0;
for (let k = 0; k < 14; k++) for (let j = 0; j < 44; j++) for (let i = 0; i < 48; i++, v++) {
  const x = (i - 24) * 0.98, y = (j - 22) * 0.98, z = (k - 7) * 3;
  const r = Math.hypot(x / 1.2, y, z / 1.1);
  maskData[v] = r < 11 + 2 * Math.sin(3 * Math.atan2(y, x)) ? 1 : 0;
}
const mask: Mask = { geometry, data: maskData };
let seed = 11;
const ct = volumeOn(mask, (i, j, k) => {
  seed = (seed * 16807) % 2147483647;
  const noise = (seed % 61) - 30;
  if (i < 8) return -1000 + noise; // air, partly inside the lesion mask's bounding box but outside the range
  if (j > 38) return 700 + noise;  // bone
  return Math.round(40 + 30 * Math.sin(i / 3) * Math.cos(j / 4) + 5 * k + noise);
});

const configurations: Record<string, FeatureSettings> = {
  A: { resegmentation: { range: { lower: -500, upper: 400 } }, discretisation: { method: "fixedBinSize", binWidth: 25 }, ivhDiscretisation: { method: "none" }, aggregations: ["2D, averaged", "2D, slice-merged", "2.5D, direction-merged", "2.5D, merged", "2D", "2.5D"] },
  B: { interpolation: { spacing: [2, 2, null], roundIntensities: true }, resegmentation: { range: { lower: -500, upper: 400 } }, discretisation: { method: "fixedBinNumber", binCount: 32 }, ivhDiscretisation: { method: "none" }, aggregations: ["2D, averaged", "2D", "2.5D"] },
  C: { interpolation: { spacing: [2, 2, 2], roundIntensities: true }, resegmentation: { range: { lower: -1000, upper: 400 } }, discretisation: { method: "fixedBinSize", binWidth: 25 }, ivhDiscretisation: { method: "fixedBinSize", binWidth: 2.5 }, aggregations: ["3D, averaged", "3D, merged", "3D"] },
  D: { interpolation: { spacing: [2, 2, 2], roundIntensities: true }, resegmentation: { outlierSigmas: 3 }, discretisation: { method: "fixedBinNumber", binCount: 32 }, ivhDiscretisation: { method: "fixedBinNumber", binCount: 1000 }, aggregations: ["3D, averaged", "3D, merged", "3D"] },
  E: { interpolation: { spacing: [2, 2, 2], roundIntensities: true }, resegmentation: { range: { lower: -1000, upper: 400 }, outlierSigmas: 3 }, discretisation: { method: "fixedBinNumber", binCount: 32 }, ivhDiscretisation: { method: "fixedBinNumber", binCount: 1000 }, aggregations: ["3D, averaged", "3D, merged", "3D"] },
};

const value = (results: FeatureResult[], key: string) => {
  const r = results.find((x) => x.key === key);
  if (r?.value === undefined) throw new Error(`${key}: ${r?.undefinedReason ?? "missing"}`);
  return r.value;
};

describe("IBSI CT configurations A–E on a synthetic lesion", () => {
  test.each(Object.entries(configurations))("configuration %s", (_name, settings) => {
    const results = computeFeatures(ct, mask, settings);
    for (const r of results) {
      if (r.value !== undefined) expect(Number.isFinite(r.value), r.key).toBe(true);
      else expect(r.undefinedReason, r.key).toBeTruthy();
    }
    const defined = results.filter((r) => r.value !== undefined).length;
    expect(defined).toBe(results.length); // a lesion of this size leaves no feature undefined
    const range = settings.resegmentation?.range;
    if (range) {
      expect(value(results, "stat_minimum")).toBeGreaterThanOrEqual(range.lower!);
      expect(value(results, "stat_maximum")).toBeLessThanOrEqual(range.upper!);
    }
    if (settings.discretisation.method === "fixedBinNumber") {
      expect(value(results, "ih_minimum")).toBe(1);
      expect(value(results, "ih_maximum")).toBe(32);
    }
    // Morphology sees the drawn (interpolated) mask, whatever re-segmentation removed.
    expect(value(results, "morph_volume")).toBeGreaterThan(0.8 * value(results, "morph_approximate_volume"));
  });
});
