// Lesion.features over GraphQL on both stores: the first request computes IBSI features from the
// lesion's image and stores them with their settings; the next is served from the graph; other
// settings give new values; identical concurrent requests share one computation.
import { describe, expect, it } from "vitest";
import { demoCohort, demoHypoxiaActivity } from "../../ingest/demo/demo-cohort.js";
import { demoLesionImage } from "../../ingest/demo/demo-lesion-images.js";
import { useTestPlatform } from "../support/test-platform.js";
import { graphql } from "../support/graphql-client.js";
import { BOTH_STORES } from "../support/stores.js";

const cohort = demoCohort();
const lesion = cohort.lesions[2]!;
const series = cohort.series.find((s) => s.uid === lesion.seriesUid)!;
const patientId = cohort.studies.find((s) => s.uid === series.studyUid)!.patientId;

const QUERY = `query($patient: ID!, $settings: FeatureSettingsInput, $families: [String!]) {
  patient(id: $patient) { studies { series { lesions { id features(settings: $settings, families: $families) { name family ibsiCode value undefinedReason settingsHash settings computedAt imageSource } } } } }
}`;

function featuresIn(data: any): any[] {
  return data.patient.studies[0].series[0].lesions.find((l: any) => l.id === lesion.id).features;
}

describe.each(BOTH_STORES)("on-demand radiomic features [$name]", (target) => {
  const platform = useTestPlatform(target, { cohort });

  it("computes on first request, stores with provenance, then serves from the graph", async () => {
    platform.counting.reset();
    const variables = { patient: patientId, families: ["morphology", "glcm"] };
    const first = await graphql(platform.server.graphqlUrl, QUERY, variables);
    expect(first.errors).toBeUndefined();
    expect(platform.counting.calls.get("saveLesionFeatures")).toBe(1);
    const features = featuresIn(first.data);
    expect(new Set(features.map((f: any) => f.family))).toEqual(new Set(["morphology", "glcm"]));

    const { mask } = demoLesionImage(lesion.id, demoHypoxiaActivity(patientId), series.modality!);
    const voxels = mask.data.reduce((a, b) => a + b, 0);
    const voxelVolume = features.find((f: any) => f.ibsiCode === "YEKZ");
    expect(voxelVolume.value).toBeCloseTo(voxels * 0.9 * 0.9 * 2.5, 6);
    expect(features[0].settings).toMatchObject({ discretisation: { method: "fixedBinNumber", binCount: 32 } });
    expect(features.every((f: any) => f.imageSource === "demo generator v1")).toBe(true);
    expect(features.every((f: any) => f.value !== null || f.undefinedReason)).toBe(true);

    platform.counting.reset();
    const second = await graphql(platform.server.graphqlUrl, QUERY, variables);
    expect(platform.counting.calls.get("saveLesionFeatures")).toBeUndefined();
    expect(featuresIn(second.data)).toEqual(features);
  });

  it("computes new values when the settings change", async () => {
    const base = featuresIn((await graphql(platform.server.graphqlUrl, QUERY, { patient: patientId, families: ["glcm"] })).data);
    const coarse = featuresIn((await graphql(platform.server.graphqlUrl, QUERY, { patient: patientId, families: ["glcm"], settings: { binCount: 8 } })).data);
    expect(coarse[0].settingsHash).not.toBe(base[0].settingsHash);
    const entropy = (list: any[]) => list.find((f) => f.ibsiCode === "TU9B" && f.name.endsWith("_3d_mrg")).value;
    expect(entropy(coarse)).toBeLessThan(entropy(base));
  });

  it("shares one computation between identical concurrent requests", async () => {
    platform.counting.reset();
    const variables = { patient: patientId, families: ["ngtdm"], settings: { discretisation: "FIXED_BIN_SIZE", binWidth: 10 } };
    const answers = await Promise.all([1, 2, 3].map(() => graphql(platform.server.graphqlUrl, QUERY, variables)));
    expect(answers.every((a) => a.errors === undefined)).toBe(true);
    expect(platform.counting.calls.get("saveLesionFeatures")).toBe(1);
    expect(featuresIn(answers[1]!.data)).toEqual(featuresIn(answers[0]!.data));
  });

  it("rejects unknown families and incomplete settings as BAD_USER_INPUT", async () => {
    const unknown = await graphql(platform.server.graphqlUrl, QUERY, { patient: patientId, families: ["glmc"] });
    expect(unknown.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    const noWidth = await graphql(platform.server.graphqlUrl, QUERY, { patient: patientId, settings: { discretisation: "FIXED_BIN_SIZE" } });
    expect(noWidth.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(noWidth.errors![0]!.message).toContain("binWidth");
  });
});
