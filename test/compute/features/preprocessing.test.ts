// IBSI pre-processing: discretisation, re-segmentation, ROI masks and interpolation.
import { describe, expect, test } from "vitest";
import { computeFeatures, prepareInput } from "../../../compute/features/compute-features.js";
import { discretiseFixedBinNumber, discretiseFixedBinSize, useIntensitiesAsGreyLevels } from "../../../compute/image/discretisation.js";
import { centredGrid, interpolateMask, interpolateVolume } from "../../../compute/image/interpolation.js";
import { resegmentByRange, resegmentOutliers } from "../../../compute/image/resegmentation.js";
import { buildRoiMasks } from "../../../compute/image/roi-masks.js";
import type { Geometry } from "../../../compute/image/volume.js";
import { AXIAL } from "../../../compute/image/volume.js";
import { cubeMask, ellipsoidMask, volumeOn } from "./shapes.js";

const all = (n: number) => new Uint8Array(n).fill(1);

describe("discretisation", () => {
  test("fixed bin number: floor(Ng (X - min) / (max - min)) + 1, the maximum in bin Ng", () => {
    const x = Float32Array.of(-10, -5, 0, 4.99, 5, 10);
    const d = discretiseFixedBinNumber(x, all(6), 4);
    expect([...d.greyLevels]).toEqual([1, 2, 3, 3, 4, 4]);
    expect(d.numberOfGreyLevels).toBe(4);
    // One intensity: every voxel equals X_max, so IBSI puts it in bin N_g.
    expect([...discretiseFixedBinNumber(Float32Array.of(7, 7), all(2), 4).greyLevels]).toEqual([4, 4]);
  });

  test("fixed bin size: anchored at the ROI minimum, or at the re-segmentation lower bound", () => {
    const x = Float32Array.of(-480, -455, -430, 0, 24.9, 25);
    expect([...discretiseFixedBinSize(x, all(6), 25).greyLevels]).toEqual([1, 2, 3, 20, 21, 21]);
    expect([...discretiseFixedBinSize(x, all(6), 25, -500).greyLevels]).toEqual([1, 2, 3, 21, 21, 22]);
    // Voxels outside the mask stay at grey level 0.
    const mask = Uint8Array.of(1, 0, 1, 1, 1, 1);
    expect(discretiseFixedBinSize(x, mask, 25).greyLevels[1]).toBe(0);
  });

  test("fixed bin size uses the re-segmentation lower bound when computing features", () => {
    const mask = cubeMask(3, [1, 1, 1]);
    const volume = volumeOn(mask, (i) => 100 + 10 * i);
    const anchoredAtRange = prepareInput(volume, mask, { discretisation: { method: "fixedBinSize", binWidth: 25 }, resegmentation: { range: { lower: 0 } } });
    const anchoredAtMin = prepareInput(volume, mask, { discretisation: { method: "fixedBinSize", binWidth: 25 } });
    expect(anchoredAtRange.roi!.numberOfGreyLevels).toBe(Math.floor((140 - 0) / 25) + 1);
    expect(anchoredAtMin.roi!.numberOfGreyLevels).toBe(Math.floor((140 - 120) / 25) + 1);
  });

  test("'none' keeps integer grey levels and refuses anything else", () => {
    expect([...useIntensitiesAsGreyLevels(Float32Array.of(1, 4, 6), all(3)).greyLevels]).toEqual([1, 4, 6]);
    expect(() => useIntensitiesAsGreyLevels(Float32Array.of(1.5), all(1))).toThrow(/integer/);
  });
});

describe("re-segmentation and ROI masks", () => {
  test("range keeps lower <= X <= upper", () => {
    const x = Float32Array.of(-1000, -200, 0, 150, 3000);
    expect([...resegmentByRange(x, all(5), -200, 150)]).toEqual([0, 1, 1, 1, 0]);
  });

  test("outliers: mean ± 3 population SD", () => {
    const x = new Float32Array(101).fill(10);
    x[0] = 1000;
    const kept = resegmentOutliers(x, all(101), 3);
    expect(kept[0]).toBe(0);
    expect(kept.slice(1).every((v) => v === 1)).toBe(true);
  });

  test("re-segmentation changes the intensity mask only: morphology keeps the drawn ROI", () => {
    const mask = cubeMask(6, [1, 1, 1]);
    const volume = volumeOn(mask, (i) => (i === 4 ? 5000 : 40));
    const masks = buildRoiMasks(volume, mask, { range: { lower: -100, upper: 400 } });
    let morph = 0, intensity = 0;
    for (let v = 0; v < masks.morphological.length; v++) { morph += masks.morphological[v]!; intensity += masks.intensity[v]!; }
    expect(morph).toBe(216);
    expect(intensity).toBe(180);
    const settings = { discretisation: { method: "fixedBinSize", binWidth: 25 }, resegmentation: { range: { lower: -100, upper: 400 } } } as const;
    const results = computeFeatures(volume, mask, settings, ["morphology", "intensity_statistics"]);
    expect(results.find((r) => r.key === "morph_approximate_volume")!.value).toBe(216);
    expect(results.find((r) => r.key === "stat_maximum")!.value).toBe(40);
  });
});

describe("interpolation (IBSI centred grid, trilinear)", () => {
  const geometry = (size: [number, number, number], spacing: [number, number, number]): Geometry => ({ size, spacing, origin: [0, 0, 0], direction: AXIAL });

  test("grid: n_b = ceil(n_a s_a / s_b), first centre at (n_a - 1)/2 - (n_b - 1) s_b / (2 s_a)", () => {
    const grid = centredGrid(geometry([5, 4, 4], [2, 2, 2]), [1, 1, 1]);
    expect(grid.geometry.size).toEqual([10, 8, 8]);
    expect(grid.start[0]).toBeCloseTo(-0.25, 12);
    expect(grid.start[1]).toBeCloseTo(-0.25, 12);
    expect(grid.geometry.origin[0]).toBeCloseTo(-0.5, 12); // patient position of the first new centre
    const coarser = centredGrid(geometry([5, 4, 4], [2, 2, 2]), [3, null, 3]);
    expect(coarser.geometry.size).toEqual([4, 4, 3]);
    expect(coarser.geometry.spacing[1]).toBe(2);
    expect(coarser.start[0]).toBeCloseTo(2 - (3 * 3) / 4, 12);
  });

  test("trilinear interpolation reproduces a linear ramp inside the original grid, rounding on request", () => {
    const g = geometry([6, 5, 4], [2, 2, 3]);
    const volume = volumeOn({ geometry: g, data: new Uint8Array(120) }, (i, j, k) => 10 * i * 2 + 3 * j * 2 + 7 * k * 3);
    const out = interpolateVolume(volume, { spacing: [1, 1, 1] });
    const [nx, ny] = out.geometry.size;
    const grid = centredGrid(g, [1, 1, 1]);
    // Interior sample: position in mm = (start + index·step) · s_a
    for (const [i, j, k] of [[3, 3, 3], [5, 4, 6], [8, 7, 8]] as const) {
      const x = (grid.start[0] + i * grid.step[0]) * 2, y = (grid.start[1] + j * grid.step[1]) * 2, z = (grid.start[2] + k * grid.step[2]) * 3;
      expect(out.data[i + nx * (j + ny * k)]).toBeCloseTo(10 * x + 3 * y + 7 * z, 3);
    }
    const rounded = interpolateVolume(volume, { spacing: [1, 1, 1], roundIntensities: true });
    expect(rounded.data.every((v) => Number.isInteger(v))).toBe(true);
  });

  test("mask interpolation keeps voxels whose interpolated value is >= 0.5", () => {
    const mask = ellipsoidMask([10, 10, 10], [1, 1, 3]);
    const fine = interpolateMask(mask, { spacing: [1, 1, 1] });
    const count = (d: Uint8Array) => d.reduce((n, v) => n + v, 0);
    // Volume is preserved to within the partial-volume error of the thick slices.
    expect((count(fine.data) * 1) / (count(mask.data) * 3)).toBeCloseTo(1, 1);
    const strict = interpolateMask(mask, { spacing: [1, 1, 1], maskThreshold: 0.99 });
    expect(count(strict.data)).toBeLessThan(count(fine.data));
  });

  test("features accept interpolation settings and report on the new grid", () => {
    const mask = cubeMask(4, [2, 2, 2]);
    const volume = volumeOn(mask, (i, j, k) => i + j + k);
    const results = computeFeatures(volume, mask, { discretisation: { method: "fixedBinNumber", binCount: 8 }, interpolation: { spacing: [1, 1, 1] } }, ["morphology"]);
    const approximateVolume = results.find((r) => r.key === "morph_approximate_volume")!.value!;
    expect(approximateVolume).toBeGreaterThan(0.8 * 512);
    expect(approximateVolume).toBeLessThan(1.2 * 512);
  });

  test("interpolating to the original spacing is the identity: features equal those without interpolation", () => {
    const mask = ellipsoidMask([7, 6, 5], [0.8, 0.8, 2]);
    const volume = volumeOn(mask, (i, j, k) => Math.round(30 * Math.sin(i / 2) + 7 * j - 4 * k));
    const settings = { discretisation: { method: "fixedBinNumber", binCount: 16 } } as const;
    const plain = computeFeatures(volume, mask, settings);
    const identity = computeFeatures(volume, mask, { ...settings, interpolation: { spacing: [0.8, 0.8, 2] } });
    plain.forEach((r, n) => {
      if (r.value === undefined) expect(identity[n]!.value).toBeUndefined();
      else expect(identity[n]!.value, r.key).toBeCloseTo(r.value, 6);
    });
  });

  test("interpolating only the ROI's neighbourhood keeps the whole-image grid: same features as resampling everything", () => {
    const geometry: Geometry = { size: [40, 36, 12], spacing: [0.9, 0.9, 3], origin: [-10, 5, 2], direction: AXIAL };
    const maskData = new Uint8Array(40 * 36 * 12);
    for (let k = 4; k < 8; k++) for (let j = 10; j < 17; j++) for (let i = 12; i < 20; i++) if ((i - 16) ** 2 + (j - 13) ** 2 < 14) maskData[i + 40 * (j + 36 * k)] = 1;
    const mask = { geometry, data: maskData };
    const volume = volumeOn(mask, (i, j, k) => Math.round(100 * Math.sin(i / 3) + 40 * Math.cos(j / 4) + 9 * k));
    const interpolation = { spacing: [1, 1, 1] as [number, number, number], roundIntensities: true };
    const settings = { discretisation: { method: "fixedBinSize", binWidth: 10 } } as const;
    const regional = computeFeatures(volume, mask, { ...settings, interpolation });
    const whole = computeFeatures(interpolateVolume(volume, interpolation), interpolateMask(mask, interpolation), settings);
    expect(regional.length).toBe(whole.length);
    regional.forEach((r, n) => {
      expect(r.key).toBe(whole[n]!.key);
      if (r.value === undefined) expect(whole[n]!.value).toBeUndefined();
      else expect(r.value, r.key).toBeCloseTo(whole[n]!.value!, 9);
    });
  });
});

describe("canonical settings", () => {
  test("defaults are filled and key order does not matter", async () => {
    const { canonicalSettings } = await import("../../../compute/features/settings.js");
    const a = canonicalSettings({ discretisation: { method: "fixedBinSize", binWidth: 25 }, glcmDistance: 1 });
    const b = canonicalSettings({ glcmDistance: 1, discretisation: { binWidth: 25, method: "fixedBinSize" } });
    const c = canonicalSettings({ discretisation: { method: "fixedBinSize", binWidth: 25 } });
    expect(a).toBe(b);
    expect(a).toBe(c); // glcmDistance 1 is the default
    expect(canonicalSettings({ discretisation: { method: "fixedBinSize", binWidth: 10 } })).not.toBe(a);
  });
});
