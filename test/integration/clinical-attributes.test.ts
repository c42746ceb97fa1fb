// Clinical and molecular attributes from the replay GDC and cBioPortal (exact API shapes) into both
// stores: stored with source and release, equal to the fixture's truth; both sources side by side;
// re-ingest idempotent and replacing only its own source's attributes; PFS mapped to the shared names;
// readable through GraphQL (Patient.clinicalAttributes, clinicalAttributeSummary); and a signature
// fitted end to end on an attribute that came from cBioPortal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { startServer, type RunningServer } from "../../cli/server.js";
import { createServices } from "../../cli/services.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import { cbioportalIngestJob } from "../../ingest/cbioportal/cbioportal-ingest-job.js";
import { settingsKey } from "../../ingest/features/feature-settings-key.js";
import { gdcIngestJob } from "../../ingest/gdc/gdc-ingest-job.js";
import { JobRunner } from "../../ingest/jobs/index.js";
import { DEFAULT_FEATURE_SETTINGS } from "../../resolvers/feature-settings.mapping.js";
import { graphql } from "../support/graphql-client.js";
import { plantedPlan } from "../support/planted/planted-plan.js";
import { writePlantedSignatureCohort, type PlantedSignatureCohort } from "../support/planted/planted-signature-cohort.js";
import { generateGenomicFixture, type GenomicFixture } from "../support/replay/genomic-fixture.js";
import { rounded, sortedBy } from "../support/replay/record-matchers.js";
import { startReplayServer, type ReplayServer } from "../support/replay/replay-server.js";
import { BOTH_STORES, type StoreUnderTest } from "../support/stores.js";
import { WITHOUT_RATE_LIMITS_OR_TIMEOUTS } from "../support/test-platform.js";

const INGEST = `mutation($source: GenomicSource!, $project: String!, $collection: String) { ingestGenomics(source: $source, project: $project, steps: [patients], collection: $collection) { id } }`;
const JOB = `query($id: ID!) { job(id: $id) { status errors { message } } }`;
const PATIENT = `query($id: ID!) { patient(id: $id) { clinicalAttributes { name value source dataRelease sampleId } } }`;
const SUMMARY = `query($collection: String!) { clinicalAttributeSummary(cohort: { collectionIds: [$collection] }) { name kind patients levels { value patients } min max sources } }`;

async function finished(url: string, id: string): Promise<any> {
  for (;;) {
    const { data } = await graphql(url, JOB, { id });
    if (!["QUEUED", "RUNNING"].includes(data.job.status)) return data.job;
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Harness { store: GraphStore; replay: ReplayServer; server: RunningServer; services: ReturnType<typeof createServices> }

async function harness(target: StoreUnderTest, fixture: GenomicFixture): Promise<Harness> {
  const store = await target.open();
  const replay = await startReplayServer(fixture);
  const services = createServices(store, pino({ level: "silent" }), { gdcUrl: replay.gdcUrl, cbioportalUrl: replay.cbioportalUrl });
  const server = await startServer({ ...services, ...WITHOUT_RATE_LIMITS_OR_TIMEOUTS, port: 0 });
  return { store, replay, server, services };
}

async function ingest(h: Harness, source: "GDC" | "CBIOPORTAL", project: string, collection?: string): Promise<void> {
  const { data, errors } = await graphql(h.server.graphqlUrl, INGEST, { source, project, collection });
  expect(errors).toBeUndefined();
  expect(await finished(h.server.graphqlUrl, data.ingestGenomics.id)).toMatchObject({ status: "SUCCEEDED" });
}

const attributesOf = async (store: GraphStore, ids: string[]) =>
  new Map((await store.patientsByIds(ids)).map((p) => [p.id, rounded(p.clinicalAttributes ?? {}) as Record<string, unknown>]));

describe.each(BOTH_STORES)("clinical attributes from GDC and cBioPortal [$name]", (target) => {
  const fixture = generateGenomicFixture({ seed: 13, patientCount: 8 });
  const ids = fixture.patients.map((p) => p.barcode);
  const cbioSource = `cBioPortal ${fixture.studyId}`;
  let h: Harness;
  beforeAll(async () => {
    h = await harness(target, fixture);
  });
  afterAll(async () => {
    await h.server.stop();
    await h.replay.close();
    await target.dispose(h.store);
  });

  it("stores each source's attributes with source and release, side by side, equal to the fixture", async () => {
    await ingest(h, "GDC", fixture.projectId);
    const gdcOnly = await attributesOf(h.store, ids);
    for (const id of ids) expect(gdcOnly.get(id), id).toEqual(rounded(fixture.truth.gdcAttributes.get(id)));
    await ingest(h, "CBIOPORTAL", fixture.studyId);
    const both = await attributesOf(h.store, ids);
    for (const id of ids) expect(both.get(id), id).toEqual(rounded({ ...fixture.truth.gdcAttributes.get(id), ...fixture.truth.cbioAttributes.get(id) }));
    // the GDC molecular test and the primary tumour's (not the recurrence's) SUBTYPE
    expect(both.get(ids[0]!)!["molecular_test.MGMT"]).toEqual({ value: "Positive", source: `GDC ${fixture.projectId}`, dataRelease: fixture.gdcDataRelease });
    expect(both.get(ids[2]!)!.SUBTYPE).toEqual({ value: "GBM_mesenchymal", source: cbioSource, dataRelease: fixture.cbioportal.study.importDate, sampleId: `${ids[2]}-01` });
  });

  it("maps PFS_MONTHS × 30.4375 and PFS_STATUS 1:PROGRESSION / 0:CENSORED to progressionFreeSurvivalDays / Event", async () => {
    const stored = await attributesOf(h.store, ids);
    expect(stored.get(ids[1]!)).toMatchObject({ PFS_MONTHS: { value: 6.5 }, PFS_STATUS: { value: "1:PROGRESSION" }, progressionFreeSurvivalDays: { value: rounded(6.5 * 30.4375) }, progressionFreeSurvivalEvent: { value: true } });
    expect(stored.get(ids[2]!)).toMatchObject({ progressionFreeSurvivalDays: { value: rounded(9.75 * 30.4375) }, progressionFreeSurvivalEvent: { value: false } });
    // no PFS at all, or months without a status: no progression-free pair
    expect(stored.get(ids[4]!)).not.toHaveProperty("progressionFreeSurvivalDays");
    expect(stored.get(ids[5]!)).not.toHaveProperty("progressionFreeSurvivalEvent");
  });

  it("re-ingest changes nothing; a changed upstream replaces only that source's attributes", async () => {
    const before = await h.store.counts();
    const stored = await attributesOf(h.store, ids);
    for (const job of [await gdcIngestJob(h.store, h.services.genomics.gdc, h.services.genomics.gdcHttp, { projectId: fixture.projectId, steps: ["patients"] }),
      await cbioportalIngestJob(h.store, h.services.genomics, { studyId: fixture.studyId, steps: ["patients"] })])
      expect((await new JobRunner().run(job)).status).toBe("SUCCEEDED");
    expect(await h.store.counts()).toEqual(before);
    expect(await attributesOf(h.store, ids)).toEqual(stored);

    const rows = fixture.cbioportal.clinical.PATIENT;
    const kept = rows.filter((r) => r.clinicalAttributeId !== "GENETIC_ANCESTRY_LABEL");
    rows.splice(0, rows.length, ...kept);
    expect((await new JobRunner().run(await cbioportalIngestJob(h.store, h.services.genomics, { studyId: fixture.studyId, steps: ["patients"] }))).status).toBe("SUCCEEDED");
    const after = await attributesOf(h.store, ids);
    for (const id of ids) {
      const { GENETIC_ANCESTRY_LABEL: _dropped, ...rest } = stored.get(id)! as Record<string, unknown>;
      expect(after.get(id), id).toEqual(rest);
    }
  });

  it("reads Patient.clinicalAttributes and clinicalAttributeSummary through GraphQL", async () => {
    const { data, errors } = await graphql(h.server.graphqlUrl, PATIENT, { id: ids[0] });
    expect(errors).toBeUndefined();
    const byName = new Map(data.patient.clinicalAttributes.map((a: any) => [a.name, a]));
    expect(byName.get("SUBTYPE")).toEqual({ name: "SUBTYPE", value: "GBM_IDHmut-non-codel", source: cbioSource, dataRelease: fixture.cbioportal.study.importDate, sampleId: `${ids[0]}-01` });
    expect(byName.get("OS_MONTHS")).toMatchObject({ value: Number(fixture.patients[0]!.clinical.cbioAttributes.OS_MONTHS), sampleId: null });
    expect(byName.get("molecular_test.IDH1")).toMatchObject({ value: "Negative", source: `GDC ${fixture.projectId}` });

    const summary = (await graphql(h.server.graphqlUrl, SUMMARY, { collection: fixture.projectId })).data.clinicalAttributeSummary;
    const of = (name: string) => summary.find((s: any) => s.name === name);
    // SUBTYPE cycles over three levels by patient index: 3, 3, 2 of 8
    expect(of("SUBTYPE")).toEqual({ name: "SUBTYPE", kind: "string", patients: 8, min: null, max: null,
      levels: [{ value: "GBM_IDHmut-non-codel", patients: 3 }, { value: "GBM_classical", patients: 3 }, { value: "GBM_mesenchymal", patients: 2 }],
      sources: [`${cbioSource} ${fixture.cbioportal.study.importDate}`] });
    expect(of("progressionFreeSurvivalDays")).toMatchObject({ kind: "number", patients: 6, levels: [], min: expect.closeTo(3.25 * 30.4375, 9), max: expect.closeTo(26 * 30.4375, 9) });
    expect(of("progressionFreeSurvivalEvent")).toMatchObject({ kind: "boolean", levels: [{ value: "false", patients: 3 }, { value: "true", patients: 3 }] });
    expect(of("sex")).toMatchObject({ kind: "string" });
  });
});

describe.each(BOTH_STORES)("fitSignature on an attribute ingested from cBioPortal [$name]", (target) => {
  const SEED = 6;
  const plan = plantedPlan(SEED, 60);
  const fixture = generateGenomicFixture({ seed: 17, patientIds: [...plan.barcodes] });
  const key = settingsKey(DEFAULT_FEATURE_SETTINGS);
  let h: Harness;
  let cohort: PlantedSignatureCohort;
  beforeAll(async () => {
    h = await harness(target, fixture);
    cohort = await writePlantedSignatureCohort(h.store, SEED, 60, key.hash, key.canonical);
    // The planted subtype becomes the study's SUBTYPE sample attribute; the test-written labels go.
    const planted = new Map((await h.store.patientsByIds(cohort.patientIds)).map((p) => [p.id, (p.clinicalAttributes as any).SUBTYPE.value as string]));
    for (const row of fixture.cbioportal.clinical.SAMPLE)
      if (row.clinicalAttributeId === "SUBTYPE") row.value = String(row.sampleId).endsWith("-01") ? planted.get(String(row.patientId))! : "Recurrent";
    await h.store.upsertPatients(cohort.patientIds.map((id) => ({ id, collectionId: cohort.collectionId, clinicalAttributes: {} })));
  }, 120_000);
  afterAll(async () => {
    await h.server.stop();
    await h.replay.close();
    await target.dispose(h.store);
  });

  it("fits SUBTYPE from cBioPortal with its provenance; an unknown target lists the ingested attributes", async () => {
    await ingest(h, "CBIOPORTAL", fixture.studyId, cohort.collectionId);
    const FIT = `mutation($collection: String!, $target: String!) { fitSignature(cohort: { collectionIds: [$collection] }, target: $target, folds: 5, seed: 3) { target ci95 dataVersion } }`;
    const { data, errors } = await graphql(h.server.graphqlUrl, FIT, { collection: cohort.collectionId, target: "SUBTYPE" });
    expect(errors).toBeUndefined();
    const [signature] = data.fitSignature;
    expect(signature.target).toBe("SUBTYPE=Luminal");
    expect(signature.ci95[0]).toBeGreaterThan(0.5);
    expect(signature.dataVersion.labelSources).toEqual([`cBioPortal ${fixture.studyId} ${fixture.cbioportal.study.importDate}`]);

    // a continuous sample attribute, dichotomised at the cohort median (TMB = 1.7 · patient index, 60 patients)
    const DICHOTOMISED = `mutation($collection: String!) { fitSignature(cohort: { collectionIds: [$collection] }, target: "TMB_NONSYNONYMOUS", dichotomise: true, folds: 3, seed: 3) { target params } }`;
    const tmb = await graphql(h.server.graphqlUrl, DICHOTOMISED, { collection: cohort.collectionId });
    expect(tmb.errors).toBeUndefined();
    expect(tmb.data.fitSignature[0].target).toBe("TMB_NONSYNONYMOUS=high");
    expect(tmb.data.fitSignature[0].params.dichotomy).toMatchObject({ threshold: expect.closeTo(29.5 * 1.7, 9), thresholdFrom: "cohort median", high: 30, low: 30 });

    const before = await h.store.counts();
    const bad = await graphql(h.server.graphqlUrl, FIT, { collection: cohort.collectionId, target: "PAM50" });
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    for (const name of ["SUBTYPE", "TMB_NONSYNONYMOUS", "progressionFreeSurvivalDays"]) expect(bad.errors?.[0]?.message).toContain(name);
    expect(await h.store.counts()).toEqual(before);
  }, 300_000);
});
