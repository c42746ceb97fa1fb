import { describe, expect, it } from "vitest";
import { assertSettingsCount, checkFeatureResources, DEFAULT_RESOURCE_CAPS, estimateFeatureResources, resourceCapsFromEnv } from "../../../compute/features/resource-estimate.js";
import { AXIAL, type Geometry } from "../../../compute/image/volume.js";
import { BadUserInputError } from "../../../compute/errors.js";

const geometry: Geometry = { size: [512, 512, 100], spacing: [0.78, 0.78, 2.5], origin: [0, 0, 0], direction: AXIAL };
const box = { lower: [200, 200, 40] as const, upper: [239, 239, 49] as const }; // 40 x 40 x 10 voxels

describe("feature resource estimate", () => {
  it("counts the IBSI centred grid: n_b = ceil(n_a s_a / s_b) per axis", () => {
    const e = estimateFeatureResources(geometry, box, { discretisation: { method: "fixedBinNumber", binCount: 32 }, interpolation: { spacing: [1, 1, 1] } });
    // ceil(40*0.78/1)=32, ceil(40*0.78/1)=32, ceil(10*2.5/1)=25
    expect(e.interpolatedVoxels).toBe(32 * 32 * 25);
    expect(e.greyLevels).toBe(32);
  });

  it("refuses the issue's 30x upsample with the limit, the estimate and the variable", () => {
    const settings = { discretisation: { method: "fixedBinNumber" as const, binCount: 32 }, interpolation: { spacing: [0.03, 0.03, 0.083] as [number, number, number] } };
    const e = estimateFeatureResources(geometry, box, settings);
    expect(e.interpolatedVoxels).toBe(1040 * 1040 * 302);
    const volume = { geometry, data: new Float32Array(0) };
    const mask = { geometry: { ...geometry, size: [40, 40, 10] as const }, data: new Uint8Array(40 * 40 * 10).fill(1) };
    let error: unknown;
    try { checkFeatureResources({ geometry: mask.geometry, data: new Float32Array(16_000) }, mask, settings, DEFAULT_RESOURCE_CAPS); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(BadUserInputError);
    expect(String((error as Error).message)).toMatch(/limit is 16,000,000.*RG_MAX_INTERPOLATED_VOXELS/);
    expect(volume.data.length).toBe(0);
  });

  it("refuses a grey-level count whose matrices exceed the cap", () => {
    const e = estimateFeatureResources(geometry, box, { discretisation: { method: "fixedBinSize", binWidth: 0.01 } }, { min: -1000, max: 1000 });
    expect(e.greyLevels).toBe(200_001);
    expect(() => checkFeatureResources({ geometry: { ...geometry, size: [2, 1, 1] }, data: new Float32Array([-1000, 1000]) }, { geometry: { ...geometry, size: [2, 1, 1] }, data: new Uint8Array([1, 1]) }, { discretisation: { method: "fixedBinSize", binWidth: 0.01 } }, DEFAULT_RESOURCE_CAPS)).toThrow(/RG_MAX_TEXTURE_MATRIX_CELLS/);
  });

  it("reads caps from the environment and counts settings per request", () => {
    const caps = resourceCapsFromEnv({ RG_MAX_INTERPOLATED_VOXELS: "100", RG_MAX_FEATURE_SETTINGS_PER_REQUEST: "2", RG_MAX_FEATURE_MEMORY_MB: "nope" });
    expect(caps.maxInterpolatedVoxels).toBe(100);
    expect(caps.maxFeatureMemoryMb).toBe(DEFAULT_RESOURCE_CAPS.maxFeatureMemoryMb);
    expect(() => assertSettingsCount(2, caps)).not.toThrow();
    expect(() => assertSettingsCount(3, caps)).toThrow(/RG_MAX_FEATURE_SETTINGS_PER_REQUEST/);
  });
});
