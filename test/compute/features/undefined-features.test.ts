// Inputs for which features are undefined must give typed "undefined, because …" results — never NaN.
import { describe, expect, test } from "vitest";
import { FEATURE_CATALOGUE } from "../../../compute/features/catalogue.js";
import { computeFeatures } from "../../../compute/features/compute-features.js";
import type { FeatureResult } from "../../../compute/features/types.js";
import { PlatformError } from "../../../compute/errors.js";
import type { Mask, Volume } from "../../../compute/image/volume.js";
import { AXIAL } from "../../../compute/image/volume.js";
import { cubeMask, volumeOn } from "./shapes.js";

const SETTINGS = { discretisation: { method: "fixedBinNumber", binCount: 8 } } as const;

function expectTyped(results: FeatureResult[]): void {
  for (const r of results) {
    if (r.value !== undefined) expect(Number.isFinite(r.value), `${r.key} = ${r.value}`).toBe(true);
    else expect(r.undefinedReason, r.key).toMatch(/\w+/);
  }
}

const byKey = (results: FeatureResult[], key: string) => {
  const r = results.find((x) => x.key === key);
  if (!r) throw new Error(`missing ${key}`);
  return r;
};

describe("undefined features", () => {
  test("an empty ROI: every feature of every family is undefined with a reason", () => {
    const mask = cubeMask(4, [1, 1, 1]);
    const empty: Mask = { geometry: mask.geometry, data: new Uint8Array(mask.data.length) };
    const results = computeFeatures(volumeOn(mask, (i) => i), empty, SETTINGS);
    expectTyped(results);
    expect(results.every((r) => r.value === undefined)).toBe(true);
    expect(byKey(results, "morph_volume").undefinedReason).toMatch(/empty/);
    expect(byKey(results, "cm_joint_maximum_3d_avg").undefinedReason).toMatch(/empty/);
    // Every catalogue entry appears once per applicable aggregation.
    const expected = FEATURE_CATALOGUE.reduce((n, d) => n + Math.max(1, d.aggregations.length), 0);
    expect(results).toHaveLength(expected);
  });

  test("a single grey level: correlation-type and grey-tone-difference features are undefined", () => {
    const mask = cubeMask(5, [1, 1, 1]);
    const results = computeFeatures(volumeOn(mask, () => 42), mask, SETTINGS);
    expectTyped(results);
    for (const a of ["2d_avg", "2d_smrg", "2_5d_dmrg", "2_5d_mrg", "3d_avg", "3d_mrg"]) {
      expect(byKey(results, `cm_correlation_${a}`).undefinedReason).toMatch(/single grey level/);
      expect(byKey(results, `cm_information_correlation_1_${a}`).undefinedReason).toMatch(/single grey level/);
      expect(byKey(results, `cm_joint_entropy_${a}`).value).toBe(0);
    }
    // Where IBSI fixes a value for the degenerate case, that value is reported (not undefined).
    for (const a of ["2d", "2_5d", "3d"]) {
      expect(byKey(results, `ngt_coarseness_${a}`).value).toBe(1e6);
      expect(byKey(results, `ngt_contrast_${a}`).value).toBe(0);
      expect(byKey(results, `ngt_busyness_${a}`).value).toBe(0);
      expect(byKey(results, `ngt_strength_${a}`).value).toBe(0);
    }
    expect(byKey(results, "stat_skewness").value).toBe(0);
    expect(byKey(results, "stat_kurtosis").value).toBe(0);
    expect(byKey(results, "ih_skewness").value).toBe(0);
    expect(byKey(results, "ivh_area_under_curve").value).toBe(0);
    expect(byKey(results, "morph_moran_i").undefinedReason).toMatch(/zero variance/);
    expect(byKey(results, "ivh_v10").undefinedReason).toMatch(/single intensity level/);
    expect(byKey(results, "ih_maximum_gradient").value).toBeDefined(); // 8 bins, one occupied
    expect(byKey(results, "stat_mean").value).toBe(42);
  });

  test("a single voxel: no co-occurring pairs, no spatial autocorrelation, no extent", () => {
    const geometry = { size: [3, 3, 3] as const, spacing: [1, 1, 1] as const, origin: [0, 0, 0] as const, direction: AXIAL };
    const maskData = new Uint8Array(27);
    maskData[13] = 1;
    const volume: Volume = { geometry, data: new Float32Array(27).fill(5) };
    const results = computeFeatures(volume, { geometry, data: maskData }, SETTINGS);
    expectTyped(results);
    expect(byKey(results, "cm_joint_maximum_3d_mrg").undefinedReason).toMatch(/no pair/);
    expect(byKey(results, "morph_moran_i").undefinedReason).toMatch(/at least two/);
    expect(byKey(results, "morph_elongation").undefinedReason).toMatch(/no extent/);
    expect(byKey(results, "morph_volume_density_aee").undefinedReason).toMatch(/no volume/);
    expect(byKey(results, "morph_volume_density_convex_hull").value).toBeCloseTo(1, 12); // the octahedron is convex
    expect(byKey(results, "morph_volume").value).toBeCloseTo(1 / 6, 12); // the marching-cubes octahedron
    expect(byKey(results, "ngt_coarseness_3d").undefinedReason).toMatch(/neighbour/); // no voxel has a neighbour at all
  });

  test("ROIs beyond the FFT grid budget report Moran's I and Geary's C as undefined, not approximated", () => {
    const mask = cubeMask(16, [1, 1, 1]);
    const results = computeFeatures(volumeOn(mask, (i, j) => i * j), mask, { ...SETTINGS, spatialAutocorrelationMaxGridPoints: 1000 }, ["morphology"]);
    expect(byKey(results, "morph_moran_i").undefinedReason).toMatch(/spatialAutocorrelationMaxGridPoints/);
    expect(byKey(results, "morph_geary_c").undefinedReason).toMatch(/spatialAutocorrelationMaxGridPoints/);
  });

  test("unusable settings and mismatched grids are typed errors", () => {
    const mask = cubeMask(3, [1, 1, 1]);
    const volume = volumeOn(mask, (i) => i);
    const codeOf = (f: () => unknown) => { try { f(); return "no error"; } catch (e) { return e instanceof PlatformError ? e.code : String(e); } };
    expect(codeOf(() => computeFeatures(volume, mask, { discretisation: { method: "fixedBinNumber", binCount: 0 } }))).toBe("BAD_USER_INPUT");
    expect(codeOf(() => computeFeatures(volume, mask, { discretisation: { method: "fixedBinSize", binWidth: -1 } }))).toBe("BAD_USER_INPUT");
    expect(codeOf(() => computeFeatures(volumeOn(mask, () => 0.5), mask, { discretisation: { method: "none" } }))).toBe("BAD_USER_INPUT");
    expect(codeOf(() => computeFeatures(volume, mask, { ...SETTINGS, glcmDistance: 0 }))).toBe("BAD_USER_INPUT");
    const withNaN = volumeOn(mask, (i) => (i === 3 ? NaN : i));
    expect(codeOf(() => computeFeatures(withNaN, mask, SETTINGS))).toBe("BAD_USER_INPUT");
    const other = cubeMask(4, [1, 1, 1]);
    expect(codeOf(() => computeFeatures(volume, other, SETTINGS))).toBe("GEOMETRY_MISMATCH");
  });
});
