// Imaging through the whole platform, on both stores: the synthetic cohort in the real Orthanc,
// ingested over DICOMweb by the ingestImaging job, then IBSI features computed on demand from the
// fetched pixels and masks — checked against the shapes' known voxel counts and volumes.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { startServer, type RunningServer } from "../../cli/server.js";
import { createServices } from "../../cli/services.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import { countingStore, type CountingStore } from "../support/counting-store.js";
import { graphql } from "../support/graphql-client.js";
import { BOTH_STORES } from "../support/stores.js";
import { WITHOUT_RATE_LIMITS_OR_TIMEOUTS } from "../support/test-platform.js";
import { cohort, patientIds, seededOrthanc } from "../ingest/dicomweb/cohort-fixture.js";

const INGEST = `mutation($patients: [String!]!) { ingestImaging(collection: "TCGA-SYN", patientIds: $patients) { id } }`;
const JOB = `query($id: ID!) { job(id: $id) { status progress { done failed } errors { key code message } } }`;
const FEATURES = `query($id: ID!) { patient(id: $id) { studies { series { uid modality sliceThickness manufacturer lesions { id voxelCount volumeMm3
  features(families: ["morphology"]) { ibsiCode value settings imageSource } } } } } }`;

async function finished(url: string, id: string): Promise<any> {
  for (;;) {
    const { data } = await graphql(url, JOB, { id });
    if (!["QUEUED", "RUNNING"].includes(data.job.status)) return data.job;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(BOTH_STORES)("imaging ingest and on-demand features from Orthanc [$name]", (target) => {
  let store: GraphStore;
  let counting: CountingStore;
  let server: RunningServer;
  let cacheDir: string;

  beforeAll(async () => {
    const url = await seededOrthanc();
    store = await target.open();
    cacheDir = await mkdtemp(path.join(os.tmpdir(), "rg-pixels-"));
    counting = countingStore(store);
    server = await startServer({ ...createServices(counting.store, pino({ level: "silent" }), { dicomwebUrl: url, pixelCacheDir: cacheDir }), ...WITHOUT_RATE_LIMITS_OR_TIMEOUTS, port: 0 });
  });
  afterAll(async () => {
    await server.stop();
    await target.dispose(store);
    await rm(cacheDir, { recursive: true, force: true });
  });

  it("ingests studies, series and lesions; the broken patient fails alone with typed errors", async () => {
    const { data, errors } = await graphql(server.graphqlUrl, INGEST, { patients: patientIds });
    expect(errors).toBeUndefined();
    const job = await finished(server.graphqlUrl, data.ingestImaging.id);
    expect(job.status).toBe("PARTIAL");
    expect(job.progress).toMatchObject({ done: patientIds.length - 1, failed: 1 });
    expect(job.errors).toHaveLength(1);
    expect(job.errors[0].key).toBe(patientIds[2]);
    expect(job.errors[0].message).toMatch(cohort.orphan.missingImageSeriesUid);

    const stored = await store.lesionsByIds(cohort.lesions.map((l) => l.id));
    for (const truth of cohort.lesions) {
      const lesion = stored.find((l) => l.id === truth.id);
      expect(lesion, truth.id).toBeDefined();
      expect(lesion!.voxelCount, truth.id).toBe(truth.voxelCount);
      expect(lesion!.volumeMm3!).toBeCloseTo(truth.volumeMm3, 6);
    }
  });

  it("computes morphology from the archive's pixels on first request and serves it from the graph after", async () => {
    counting.reset();
    const patient = patientIds[0]!;
    const { data, errors } = await graphql(server.graphqlUrl, FEATURES, { id: patient });
    expect(errors).toBeUndefined();
    const lesions = data.patient.studies.flatMap((s: any) => s.series.flatMap((x: any) => x.lesions));
    const truths = cohort.lesions.filter((t) => lesions.some((l: any) => l.id === t.id));
    expect(truths.length).toBeGreaterThanOrEqual(2);
    expect(new Set(truths.map((t) => t.segmentationType))).toEqual(new Set(["SEG", "RTSTRUCT"]));
    for (const truth of truths) {
      const features = lesions.find((l: any) => l.id === truth.id).features;
      const voxelVolume = features.find((f: any) => f.ibsiCode === "YEKZ").value;
      const meshVolume = features.find((f: any) => f.ibsiCode === "RNU0").value;
      expect(voxelVolume, truth.id).toBeCloseTo(truth.volumeMm3, 6);
      expect(Math.abs(meshVolume - truth.analyticVolumeMm3) / truth.analyticVolumeMm3, truth.id).toBeLessThan(0.15);
      expect(features.every((f: any) => f.imageSource.includes(truth.segmentationSeriesUid)), truth.id).toBe(true);
      expect(features[0].settings).toMatchObject({ discretisation: { method: "fixedBinNumber", binCount: 32 } });
    }
    expect(counting.calls.get("saveLesionFeatures")).toBe(lesions.length);

    counting.reset();
    const again = await graphql(server.graphqlUrl, FEATURES, { id: patient });
    expect(again.data).toEqual(data);
    expect(counting.calls.get("saveLesionFeatures")).toBeUndefined();
  });
});
