// The IBSI profile's IBSI-2 filter setting over GraphQL, on both stores, computed on the feature worker pool:
// Lesion.features with settings.filter (LoG, Laws energy) on an IBSI-2 phantom with a box ROI at the image's
// edge returns IBSI-2 phase 2's intensity statistics of the response map, named with the filter prefix, equal to
// the statistics of the IBSI's consensus response map in the same ROI within the bounds of the 1 % map
// tolerance (fixture: scripts/fixtures/ibsi2-response-statistics.py), stored with the filter in the settings and
// answered from the store the second time; computeFeatures takes the same setting; bad filters are BAD_USER_INPUT
// naming the field.
import { afterAll, describe, expect, it } from "vitest";
import { ibsiFilterOf, ibsiFilterPrefix } from "../../compute/filters/ibsi-filter-spec.js";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { FeatureWorkerPool } from "../../ingest/features/feature-worker-pool.js";
import type { LesionImageSource } from "../../ingest/features/lesion-image-source.js";
import { boxMask, bounds, fixture, phantomVolume, UNBOUNDED, type Case } from "../compute/features/ibsi2-statistics-reference.js";
import { finishedJob, graphql } from "../support/graphql-client.js";
import { BOTH_STORES } from "../support/stores.js";
import { useTestPlatform } from "../support/test-platform.js";

const cohort = demoCohort();
const lesion = cohort.lesions[0]!;
const series = cohort.series.find((s) => s.uid === lesion.seriesUid)!;
const patientId = cohort.studies.find((s) => s.uid === series.studyUid)!.patientId;

const LOG = fixture.cases.find((c) => c.test === "2_b")!; // checkerboard, LoG σ 5 mm, mirror, ROI at i = 0
const LAWS = fixture.cases.find((c) => c.test === "3_b_3")!; // checkerboard, Laws E3W5R5, rotation max, energy δ 7, mirror
const checkerboard = phantomVolume("checkerboard");

/** Serves the checkerboard phantom with one case's box ROI for the demo lesion (fresh buffers: the pool takes them). */
let roiCase: Case = LOG;
const phantomImages: LesionImageSource = {
  serves: (l) => l.id === lesion.id,
  load: async () => ({
    volume: { geometry: checkerboard.geometry, data: checkerboard.data.slice() },
    mask: boxMask(checkerboard.geometry, roiCase.roi.lower, roiCase.roi.upper),
    source: "IBSI-2 checkerboard phantom",
  }),
};

const QUERY = `query($patient: ID!, $settings: FeatureSettingsInput, $families: [String!]) {
  patient(id: $patient) { studies { series { lesions { id features(settings: $settings, families: $families) { name family ibsiCode value undefinedReason settingsHash settings imageSource } } } } }
}`;
const COMPUTE = `mutation($cohort: PatientFilterInput, $settings: FeatureSettingsInput) { computeFeatures(cohort: $cohort, settings: $settings) { id } }`;
const JOB = `query($id: ID!) { job(id: $id) { status errors { key code message } } }`;

function featuresOf(data: any): any[] {
  return data.patient.studies.flatMap((s: any) => s.series.flatMap((x: any) => x.lesions)).find((l: any) => l.id === lesion.id).features;
}

function expectReferenceStatistics(features: any[], c: Case): void {
  const prefix = ibsiFilterPrefix(ibsiFilterOf(c.filter));
  expect(features.map((f) => f.name).sort()).toEqual(Object.keys(c.statistics).map((k) => `${prefix}_${k}`).sort());
  const allowed = bounds(c, 0.01 * c.mapRange);
  for (const f of features) {
    const stat = f.name.slice(prefix.length + 1);
    expect(f.family).toBe("intensity_statistics");
    expect(f.value, f.name).toEqual(expect.any(Number));
    if (UNBOUNDED.includes(stat) || !Number.isFinite(allowed[stat]!)) continue;
    expect(Math.abs(f.value - c.statistics[stat]!), f.name).toBeLessThanOrEqual(allowed[stat]!);
  }
}

describe.each(BOTH_STORES)("IBSI-2 filter setting over GraphQL [$name]", (target) => {
  const pool = new FeatureWorkerPool(1);
  afterAll(() => pool.close());
  const platform = useTestPlatform(target, { cohort, services: { imageSources: [phantomImages], featurePool: pool } });

  it("Lesion.features with a LoG filter: the response map's statistics, with provenance, then the stored answer", async () => {
    roiCase = LOG;
    const settings = { filter: LOG.filter };
    platform.counting.reset();
    const first = await graphql(platform.server.graphqlUrl, QUERY, { patient: patientId, settings });
    expect(first.errors).toBeUndefined();
    const features = featuresOf(first.data);
    expectReferenceStatistics(features, LOG);
    expect(features.find((f) => f.name.endsWith("_stat_mean"))).toMatchObject({ name: "log-sigma-5mm-t4-3D-mirror_stat_mean", ibsiCode: "Q4LE", imageSource: "IBSI-2 checkerboard phantom" });
    for (const f of features) expect(f.settings.filter).toEqual({ kind: "LOG", boundary: "MIRROR", dimensions: 3, sigma: 5, truncation: 4 });
    expect(platform.counting.calls.get("saveLesionFeatures")).toBe(1);

    platform.counting.reset();
    const again = await graphql(platform.server.graphqlUrl, QUERY, { patient: patientId, settings: { filter: { ...LOG.filter, truncation: 4 } } });
    expect(again.errors).toBeUndefined();
    expect(platform.counting.calls.get("saveLesionFeatures")).toBeUndefined();
    expect(featuresOf(again.data)).toEqual(features);
  });

  it("computeFeatures with a Laws energy filter, then Lesion.features reads the stored answer", async () => {
    roiCase = LAWS;
    const settings = { filter: LAWS.filter };
    const started = await graphql(platform.server.graphqlUrl, COMPUTE, { cohort: { ids: [patientId] }, settings });
    expect(started.errors).toBeUndefined();
    const job = await finishedJob(platform.server.graphqlUrl, JOB, started.data.computeFeatures.id);
    expect(job.errors).toEqual([]);
    platform.counting.reset();
    const { data, errors } = await graphql(platform.server.graphqlUrl, QUERY, { patient: patientId, settings });
    expect(errors).toBeUndefined();
    expect(platform.counting.calls.get("saveLesionFeatures")).toBeUndefined();
    expectReferenceStatistics(featuresOf(data), LAWS);
  });

  it.each([
    [{ filter: { kind: "LOG" } }, undefined, /filter\.sigma is required for a LOG filter/],
    [{ filter: { kind: "MEAN", support: 5, sigma: 1 } }, undefined, /filter\.sigma does not apply to a MEAN filter/],
    [{ filter: { kind: "LOG", sigma: -1 } }, undefined, /filter\.sigma must be a positive number/],
    [{ filter: { kind: "LAWS", lawsKernel: "L5S5", rotationInvariance: true } }, undefined, /filter\.pooling is required with rotationInvariance/],
    [{ filter: { kind: "LOG", sigma: 2 }, binCount: 16 }, undefined, /leave out binCount/],
    [{ filter: { kind: "LOG", sigma: 2 }, profile: "PYRADIOMICS", pyradiomicsParams: "featureClass:\n  firstorder: []\n" }, undefined, /filter is the IBSI profile's/],
    [{ filter: { kind: "LOG", sigma: 2 } }, ["glcm"], /leave out glcm/],
  ])("refuses %j (families %j) as BAD_USER_INPUT naming the field", async (settings, families, message) => {
    const { errors } = await graphql(platform.server.graphqlUrl, QUERY, { patient: patientId, settings, families });
    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors![0]!.message).toMatch(message);
  });
});
