// Odd ROIs (single slices, lines, scattered voxels, holes from re-segmentation) under varied settings:
// nothing throws, and every result is a finite value or a typed undefined.
import { expect, test } from "vitest";
import { computeFeatures } from "../../../compute/features/compute-features.js";
import type { FeatureSettings } from "../../../compute/features/settings.js";
import type { Mask, Volume } from "../../../compute/image/volume.js";
import { AXIAL } from "../../../compute/image/volume.js";

function randomCase(seed: number): { volume: Volume; mask: Mask; settings: FeatureSettings } {
  let s = seed;
  const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  const size = [2 + Math.floor(rnd() * 9), 2 + Math.floor(rnd() * 9), 1 + Math.floor(rnd() * 6)] as const;
  const spacing = [0.5 + rnd() * 2, 0.5 + rnd() * 2, 0.5 + rnd() * 4] as const;
  const geometry = { size, spacing, origin: [0, 0, 0] as const, direction: AXIAL };
  const n = size[0] * size[1] * size[2];
  const fill = rnd();
  const maskData = Uint8Array.from({ length: n }, () => (rnd() < fill ? 1 : 0));
  const levels = 1 + Math.floor(rnd() * 6);
  const data = Float32Array.from({ length: n }, () => Math.round(rnd() * levels) * 37 - 50);
  const methods: FeatureSettings["discretisation"][] = [
    { method: "fixedBinNumber", binCount: 1 + Math.floor(rnd() * 32) },
    { method: "fixedBinSize", binWidth: 5 + rnd() * 40 },
  ];
  const settings: FeatureSettings = {
    discretisation: methods[Math.floor(rnd() * methods.length)]!,
    resegmentation: rnd() < 0.5 ? { range: { lower: -40, upper: 150 } } : rnd() < 0.5 ? { outlierSigmas: 1 } : {},
    interpolation: rnd() < 0.3 ? { spacing: [1, 1, rnd() < 0.5 ? null : 1.5], roundIntensities: true } : undefined,
    glcmDistance: 1 + Math.floor(rnd() * 2),
    ngldmCoarseness: Math.floor(rnd() * 2),
  };
  return { volume: { geometry, data }, mask: { geometry, data: maskData }, settings };
}

test("40 random odd ROIs give only finite values or typed undefined results", () => {
  for (let seed = 1; seed <= 40; seed++) {
    const { volume, mask, settings } = randomCase(seed * 7919);
    const results = computeFeatures(volume, mask, settings);
    for (const r of results) {
      if (r.value !== undefined) expect(Number.isFinite(r.value), `seed ${seed}: ${r.key} = ${r.value}`).toBe(true);
      else expect(r.undefinedReason, `seed ${seed}: ${r.key}`).toMatch(/\w/);
    }
  }
});
