// Filtered-image features over GraphQL, on both stores, computed on the feature worker pool: a pyradiomics
// params file with Original + LoG (1, 2, 3 mm) + Wavelet (coif1, 8 decompositions) + Square, SquareRoot,
// Logarithm, Exponential, Gradient given as is to Lesion.features (profile PYRADIOMICS) returns every feature
// real pyradiomics 3.0.1 returns (fixture: scripts/fixtures/pyradiomics-filtered-features.py), within 1e-6
// relative; computeFeatures takes the same params; Lesion.pyradiomicsDiagnostics gives pyradiomics' diagnostics_*.
import { afterAll, describe, expect, it } from "vitest";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { FeatureWorkerPool } from "../../ingest/features/feature-worker-pool.js";
import type { LesionImageSource } from "../../ingest/features/lesion-image-source.js";
import { finishedJob, graphql } from "../support/graphql-client.js";
import { BOTH_STORES } from "../support/stores.js";
import { useTestPlatform } from "../support/test-platform.js";
import { relativeDifference } from "../compute/features/pyradiomics-reference.js";
import { filteredCases, filteredMask, filteredVolume } from "../compute/features/pyradiomics-filtered-reference.js";

const cohort = demoCohort();
const lesion = cohort.lesions[0]!;
const series = cohort.series.find((s) => s.uid === lesion.seriesUid)!;
const patientId = cohort.studies.find((s) => s.uid === series.studyUid)!.patientId;

/** Serves the fixture's label map for one demo lesion (fresh buffers: the worker pool takes them). */
const fixtureImages: LesionImageSource = {
  serves: (l) => l.id === lesion.id,
  load: async () => ({
    volume: { geometry: filteredVolume.geometry, data: filteredVolume.data.slice() },
    mask: { geometry: filteredMask.geometry, data: filteredMask.data.slice() },
    source: "pyradiomics filtered-features fixture",
  }),
};

const QUERY = `query($patient: ID!, $settings: FeatureSettingsInput, $families: [String!]) {
  patient(id: $patient) { studies { series { lesions { id features(settings: $settings, families: $families) { name family value undefinedReason } } } } }
}`;
const DIAGNOSTICS = `query($patient: ID!, $settings: FeatureSettingsInput!) {
  patient(id: $patient) { studies { series { lesions { id pyradiomicsDiagnostics(settings: $settings) } } } }
}`;
const COMPUTE = `mutation($cohort: PatientFilterInput, $settings: FeatureSettingsInput) { computeFeatures(cohort: $cohort, settings: $settings) { id } }`;
const JOB = `query($id: ID!) { job(id: $id) { status progress { done failed } errors { key code message } } }`;

function ofLesion(data: any): any {
  return data.patient.studies.flatMap((s: any) => s.series.flatMap((x: any) => x.lesions)).find((l: any) => l.id === lesion.id);
}

function expectPyradiomicsValues(features: any[], reference: Readonly<Record<string, number>>): void {
  expect(features.map((f: any) => f.name).sort()).toEqual(Object.keys(reference).sort());
  for (const f of features) expect(relativeDifference(f.value, reference[f.name]!), f.name).toBeLessThanOrEqual(1e-6);
}

describe.each(BOTH_STORES)("pyradiomics filtered-image features over GraphQL [$name]", (target) => {
  const pool = new FeatureWorkerPool(1);
  afterAll(() => pool.close());
  const platform = useTestPlatform(target, { cohort, services: { imageSources: [fixtureImages], featurePool: pool } });
  const [label1, label2] = filteredCases;

  it("Original + LoG + Wavelet + the intensity types: every pyradiomics feature, wavelet-LLH_glcm_Contrast and log-sigma-1-0-mm-3D_firstorder_Mean among them", async () => {
    const { data, errors } = await graphql(platform.server.graphqlUrl, QUERY, { patient: patientId, settings: { profile: "PYRADIOMICS", pyradiomicsParams: label1!.params } });
    expect(errors).toBeUndefined();
    const features = ofLesion(data).features;
    expect(features).toHaveLength(1591);
    expectPyradiomicsValues(features, label1!.features);
    const byName = new Map(features.map((f: any) => [f.name, f]));
    expect(byName.get("wavelet-LLH_glcm_Contrast")).toMatchObject({ family: "glcm" });
    expect(byName.get("log-sigma-1-0-mm-3D_firstorder_Mean")).toMatchObject({ family: "firstorder" });
    expect(byName.has("wavelet-LLH_shape_VoxelVolume")).toBe(false); // shape: original image only
  });

  it("computeFeatures takes the same params (label 2), and Lesion.features then reads the stored answer", async () => {
    const settings = { profile: "PYRADIOMICS", pyradiomicsParams: label2!.params };
    const started = await graphql(platform.server.graphqlUrl, COMPUTE, { cohort: { ids: [patientId] }, settings });
    expect(started.errors).toBeUndefined();
    const job = await finishedJob(platform.server.graphqlUrl, JOB, started.data.computeFeatures.id);
    expect(job.errors).toEqual([]);
    platform.counting.reset();
    const { data, errors } = await graphql(platform.server.graphqlUrl, QUERY, { patient: patientId, settings });
    expect(errors).toBeUndefined();
    expect(platform.counting.calls.get("saveLesionFeatures")).toBeUndefined();
    expectPyradiomicsValues(ofLesion(data).features, label2!.features);
  });

  it("Lesion.pyradiomicsDiagnostics: pyradiomics' sizes, spacing, bounding box, voxel count and centre of mass", async () => {
    const { data, errors } = await graphql(platform.server.graphqlUrl, DIAGNOSTICS, { patient: patientId, settings: { profile: "PYRADIOMICS", pyradiomicsParams: label2!.params } });
    expect(errors).toBeUndefined();
    const ours = ofLesion(data).pyradiomicsDiagnostics;
    for (const key of ["Image-original_Size", "Image-original_Spacing", "Mask-original_BoundingBox", "Mask-original_VoxelNum", "Mask-original_VolumeNum", "Mask-original_CenterOfMassIndex"])
      expect(ours[`diagnostics_${key}`], key).toEqual(label2!.diagnostics[`diagnostics_${key}`]);
    const ibsi = await graphql(platform.server.graphqlUrl, DIAGNOSTICS, { patient: patientId, settings: { binCount: 16 } });
    expect(ibsi.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
  });
});
