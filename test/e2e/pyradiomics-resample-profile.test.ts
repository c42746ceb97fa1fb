// Lesion.features with profile PYRADIOMICS and a resampling params file over GraphQL, on both stores:
// pyradiomics 3.0.1's exampleCT.yaml (its Original-image part: resampledPixelSpacing [1, 1, 1], sitkBSpline,
// padDistance 10) on the anisotropic reference volume of scripts/fixtures/pyradiomics-resample.py gives
// pyradiomics' names and values within 1e-4 relative, then the stored answer; the file unchanged (Original +
// LoG σ 1–5 + Wavelet, the mesh shape features) gives all 1,218 of pyradiomics' features within 1e-4.
import { describe, expect, it } from "vitest";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import type { LesionImageSource } from "../../ingest/features/lesion-image-source.js";
import { exampleParams, originalOnly, resampleReference } from "../compute/features/pyradiomics-example-params.js";
import { relativeDifference } from "../compute/features/pyradiomics-reference.js";
import { graphql } from "../support/graphql-client.js";
import { BOTH_STORES } from "../support/stores.js";
import { useTestPlatform } from "../support/test-platform.js";

const cohort = demoCohort();
const lesion = cohort.lesions[0]!;
const series = cohort.series.find((s) => s.uid === lesion.seriesUid)!;
const patientId = cohort.studies.find((s) => s.uid === series.studyUid)!.patientId;
const { input } = resampleReference;
const geometry = { size: input.size, spacing: input.spacing, origin: input.origin, direction: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] } as const;

/** Serves the resampling reference volume and label map for one demo lesion (fresh buffers for the worker pool). */
const referenceImages: LesionImageSource = {
  serves: (l) => l.id === lesion.id,
  load: async () => ({ volume: { geometry, data: Float64Array.from(input.image) }, mask: { geometry, data: Uint8Array.from(input.mask) }, source: "pyradiomics resampling fixture" }),
};

const QUERY = `query($patient: ID!, $settings: FeatureSettingsInput) {
  patient(id: $patient) { studies { series { lesions { id features(settings: $settings) { name family value undefinedReason settingsHash settings } } } } }
}`;

function featuresIn(data: any): any[] {
  return data.patient.studies.flatMap((s: any) => s.series.flatMap((x: any) => x.lesions)).find((l: any) => l.id === lesion.id).features;
}

describe.each(BOTH_STORES)("pyradiomics profile with resampling over GraphQL [$name]", (target) => {
  const platform = useTestPlatform(target, { cohort, services: { imageSources: [referenceImages] } });
  const reference = resampleReference.cases.find((c) => c.name.startsWith("exampleCT.yaml "))!;

  it("exampleCT.yaml's Original part (resampled to 1 mm, B-spline) gives pyradiomics' values, then the stored answer", async () => {
    const params = originalOnly(exampleParams("exampleCT.yaml"));
    expect(params).toBe(reference.params);
    const variables = { patient: patientId, settings: { profile: "PYRADIOMICS", pyradiomicsParams: params } };
    platform.counting.reset();
    const first = await graphql(platform.server.graphqlUrl, QUERY, variables);
    expect(first.errors).toBeUndefined();
    const features = featuresIn(first.data);
    expect(features.map((f: any) => f.name).sort()).toEqual(Object.keys(reference.features).sort());
    for (const f of features) {
      expect(f.value, f.name).not.toBeNull();
      expect(relativeDifference(f.value, reference.features[f.name]!), f.name).toBeLessThanOrEqual(1e-4);
    }
    expect(features[0].settings.pyradiomicsParams.preprocessing).toMatchObject({ resampledPixelSpacing: [1, 1, 1], interpolator: "sitkBSpline", padDistance: 10 });
    expect(platform.counting.calls.get("saveLesionFeatures")).toBe(1);

    platform.counting.reset();
    const again = await graphql(platform.server.graphqlUrl, QUERY, variables);
    expect(again.errors).toBeUndefined();
    expect(platform.counting.calls.get("saveLesionFeatures")).toBeUndefined();
    expect(featuresIn(again.data)).toEqual(features);
  });

  it("exampleCT.yaml unchanged (Original, LoG, Wavelet, mesh shape): every pyradiomics feature, within 1e-4", async () => {
    const unchanged = resampleReference.cases.find((c) => c.name === "exampleCT.yaml unchanged")!;
    expect(unchanged.params).toBe(exampleParams("exampleCT.yaml"));
    const { data, errors } = await graphql(platform.server.graphqlUrl, QUERY, { patient: patientId, settings: { profile: "PYRADIOMICS", pyradiomicsParams: unchanged.params } });
    expect(errors).toBeUndefined();
    const features = featuresIn(data);
    expect(features.map((f: any) => f.name).sort()).toEqual(Object.keys(unchanged.features).sort());
    for (const f of features) expect(relativeDifference(f.value, unchanged.features[f.name]!), f.name).toBeLessThanOrEqual(1e-4);
  });
});
