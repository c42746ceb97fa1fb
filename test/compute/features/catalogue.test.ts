// The feature catalogue a GraphQL layer lists, and the shape of a full result set.
import { expect, test } from "vitest";
import { FEATURE_CATALOGUE } from "../../../compute/features/catalogue.js";
import { computeFeatures } from "../../../compute/features/compute-features.js";
import { FEATURE_FAMILIES } from "../../../compute/features/types.js";
import { loadPhantom } from "./ibsi-data.js";

test("every catalogue entry is complete and uniquely keyed", () => {
  expect(new Set(FEATURE_CATALOGUE.map((d) => d.key)).size).toBe(FEATURE_CATALOGUE.length);
  for (const d of FEATURE_CATALOGUE) {
    expect(d.ibsiCode, d.key).toMatch(/^[0-9A-Z]{4}$/);
    expect(d.name.length, d.key).toBeGreaterThan(3);
    expect(d.description.length, d.key).toBeGreaterThan(3);
    expect(typeof d.unit).toBe("string");
    expect(FEATURE_FAMILIES).toContain(d.family);
  }
  const perFamily = Object.fromEntries(FEATURE_FAMILIES.map((f) => [f, FEATURE_CATALOGUE.filter((d) => d.family === f).length]));
  expect(perFamily).toEqual({
    morphology: 29, local_intensity: 2, intensity_statistics: 18, intensity_histogram: 23, intensity_volume_histogram: 7,
    glcm: 25, glrlm: 16, glszm: 16, gldzm: 16, ngtdm: 5, ngldm: 17,
  });
});

test("a full run returns one uniquely keyed result per feature and applicable aggregation", () => {
  const { volume, mask } = loadPhantom();
  const results = computeFeatures(volume, mask, { discretisation: { method: "fixedBinSize", binWidth: 1 } });
  expect(new Set(results.map((r) => r.key)).size).toBe(results.length);
  expect(results.length).toBe(FEATURE_CATALOGUE.reduce((n, d) => n + Math.max(1, d.aggregations.length), 0));
  for (const r of results) {
    expect(r.aggregation === null).toBe(r.aggregationCode === null);
    expect((r.value === undefined) !== (r.undefinedReason === undefined), r.key).toBe(true);
  }
});
