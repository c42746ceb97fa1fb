// End-to-end truth (issue #6): a synthetic cohort whose patients share a hidden latent between their
// DICOM and their genomics (test/support/planted). The lesion's intensity heterogeneity, the hypoxia
// genes' expression and the odds of an IDH1 mutation rise with it; lesion shape, other genes and other
// mutations do not. Imaging is ingested from the real Orthanc over DICOMweb, genomics from the replay
// server in GDC's formats, gene sets from a GMT; the platform computes the features from the pixels and
// runs both analyses through GraphQL. It must recover the planted feature–pathway and feature–mutation
// links at q < 0.05, and its false discoveries (links involving a null feature or a null target) must
// stay within the FDR it promises, over several seeds.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pino } from "pino";
import { startServer } from "../../cli/server.js";
import { createServices } from "../../cli/services.js";
import { deleteOrthancPatients } from "../support/cohort/orthanc-reset.js";
import { seedDicomWeb } from "../support/cohort/seed-archive.js";
import { orthancUrl } from "../support/dicomweb-stow.js";
import { finishedJob, graphql } from "../support/graphql-client.js";
import { plantedGenomicFixture, plantedProject } from "../support/planted/planted-genomics.js";
import { plantedImaging } from "../support/planted/planted-imaging.js";
import { PLANTED_GMT, PLANTED_MUTATION, PLANTED_PATHWAY, plantedPlan, type PlantedPlan } from "../support/planted/planted-plan.js";
import { startReplayServer } from "../support/replay/replay-server.js";
import { BOTH_STORES, type StoreUnderTest } from "../support/stores.js";

const SEEDS = [1, 2, 3];
const PATIENTS = 32;
const FDR = 0.05;
const plans = SEEDS.map((seed) => plantedPlan(seed, PATIENTS));
/** Intensity variance (first order) and GLCM contrast: the planted heterogeneity, as the platform computes it. */
const PLANTED_FEATURES = ["ECT3", "ACUI"];
/** Morphology features computed from the mask alone (shape drawn independently of the latent): nulls. */
const NULL_FEATURES = new Set(["RNU0", "YEKZ", "C0JK", "2PR5", "SKGS", "BQWJ", "KRCK", "QCFX", "25C7", "L0JK", "TDIC", "P9VJ", "7J51", "Q3CK", "N17B",
  "PBX1", "R59B", "ZH1A", "IQYR", "6BDE", "RDD2", "SWZ1", "BRI8", "R3ER", "7T7F"]);

const SETTINGS = { discretisation: "FIXED_BIN_SIZE", binWidth: 25 };
const FAMILIES = ["intensity_statistics", "glcm", "morphology"];
const INGEST_IMAGING = `mutation($collection: String!, $patients: [String!]!) { ingestImaging(collection: $collection, patientIds: $patients) { id } }`;
const INGEST_GENOMICS = `mutation($project: String!) { ingestGenomics(project: $project) { id } }`;
const INGEST_PATHWAYS = `mutation($gmt: String!) { ingestPathways(format: MSIGDB, gmt: $gmt, version: "planted-test") { written } }`;
const JOB = `query($id: ID!) { job(id: $id) { status progress { done failed } errors { key code message } } }`;
const RUN = `mutation($cohort: PatientFilterInput, $targets: AssociationTargets!, $settings: FeatureSettingsInput, $families: [String!]) {
  runAssociation(cohort: $cohort, targets: $targets, settings: $settings, families: $families) { id params } }`;
const PATHWAY_LINKS = `query($id: ID!) { featurePathwayLinks(analysisId: $id, first: 10000) { feature { ibsiCode name } target rho q } }`;
const MUTATION_LINKS = `query($id: ID!, $after: String) { mutationAssociations(analysisId: $id, first: 1000, after: $after) {
  nodes { feature { ibsiCode name } gene auc q } pageInfo { hasNextPage endCursor } } }`;

interface Link { code: string; target: string; q: number; effect: number }
interface Outcome { discoveries: number; falseDiscoveries: number }

let seeded: Promise<string> | undefined;
/** Every seed's DICOM in the real Orthanc (distinct barcodes per seed), once per test file. */
function seededOrthanc(): Promise<string> {
  const url = orthancUrl();
  seeded ??= (async () => {
    for (const plan of plans) {
      await deleteOrthancPatients(url, plan.barcodes);
      await seedDicomWeb(url, plantedImaging(plan));
    }
    return url;
  })();
  return seeded;
}

const finished = (url: string, id: string) => finishedJob(url, JOB, id);

async function call(url: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const { data, errors } = await graphql(url, query, variables);
  expect(errors, `${query.slice(0, 40)}: ${JSON.stringify(errors)}`).toBeUndefined();
  return data;
}

/** Ingests one plan's imaging, genomics and gene sets, runs both analyses and returns their links. */
async function runPlan(target: StoreUnderTest, plan: PlantedPlan): Promise<{ pathways: Link[]; mutations: Link[]; profiled: number; seconds: Record<string, number> }> {
  const dicomwebUrl = await seededOrthanc();
  const seconds: Record<string, number> = {};
  let last = performance.now();
  const lap = (phase: string) => {
    seconds[phase] = Math.round((performance.now() - last) / 100) / 10;
    last = performance.now();
  };
  const fixture = plantedGenomicFixture(plan);
  const store = await target.open();
  const replay = await startReplayServer(fixture);
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), "rg-planted-"));
  const server = await startServer({ ...createServices(store, pino({ level: process.env.PLANTED_LOG ?? "silent" }), { dicomwebUrl, pixelCacheDir: cacheDir, gdcUrl: replay.gdcUrl }), port: 0 });
  try {
    const url = server.graphqlUrl;
    const project = plantedProject(plan);
    const imaging = await finished(url, (await call(url, INGEST_IMAGING, { collection: project, patients: plan.barcodes })).ingestImaging.id);
    expect(imaging).toMatchObject({ status: "SUCCEEDED", progress: { done: PATIENTS, failed: 0 } });
    lap("imaging");
    const genomics = await finished(url, (await call(url, INGEST_GENOMICS, { project })).ingestGenomics.id);
    expect(genomics.status).toBe("SUCCEEDED");
    lap("genomics");
    expect((await call(url, INGEST_PATHWAYS, { gmt: PLANTED_GMT })).ingestPathways.written).toBe(4);

    const cohort = { collectionIds: [project] };
    const byPathway = (await call(url, RUN, { cohort, targets: "PATHWAYS", settings: SETTINGS, families: FAMILIES })).runAssociation;
    expect(byPathway.params.patients).toBe(PATIENTS);
    const pathways = (await call(url, PATHWAY_LINKS, { id: byPathway.id })).featurePathwayLinks
      .map((l: any) => ({ code: l.feature.ibsiCode, target: l.target, q: l.q, effect: l.rho }));
    lap("features+pathways");
    const byMutation = (await call(url, RUN, { cohort, targets: "MUTATIONS", settings: SETTINGS, families: FAMILIES })).runAssociation;
    const mutations: Link[] = [];
    for (let after: string | null = null, more = true; more; ) {
      const page: any = (await call(url, MUTATION_LINKS, { id: byMutation.id, after })).mutationAssociations;
      mutations.push(...page.nodes.map((l: any) => ({ code: l.feature.ibsiCode, target: l.gene, q: l.q, effect: l.auc - 0.5 })));
      [after, more] = [page.pageInfo.endCursor, page.pageInfo.hasNextPage];
    }
    expect(mutations.length).toBe(byMutation.params.tests);
    lap("mutations");
    expect(byMutation.params.targetKeys).toContain(PLANTED_MUTATION.gene);
    // Profiled = with at least one mutation call: the fixture's patients that carry any mutation.
    expect(byMutation.params.profiledPatients).toBe(fixture.patients.filter((p) => p.mutations.length > 0).length);
    expect(byMutation.params.groups[PLANTED_MUTATION.gene].mutated).toBe(fixture.patients.filter((p) => p.mutations.some((m) => m.mutation.gene === PLANTED_MUTATION.gene)).length);
    return { pathways, mutations, profiled: byMutation.params.profiledPatients, seconds };
  } finally {
    await server.stop();
    await replay.close();
    await target.dispose(store);
    await rm(cacheDir, { recursive: true, force: true });
  }
}

/** Discoveries at q < FDR and, among them, links that involve a null feature or a null target. */
function outcome(links: Link[], plantedTarget: string): Outcome {
  const discovered = links.filter((l) => l.q < FDR);
  return { discoveries: discovered.length, falseDiscoveries: discovered.filter((l) => NULL_FEATURES.has(l.code) || l.target !== plantedTarget).length };
}

function expectPlantedRecovered(links: Link[], plantedTarget: string, label: string) {
  for (const code of PLANTED_FEATURES) {
    const planted = links.filter((l) => l.code === code && l.target === plantedTarget);
    expect(planted.length, `${label}: ${code} tested`).toBeGreaterThan(0);
    for (const link of planted) {
      expect(link.q, `${label}: ${code} → ${plantedTarget}`).toBeLessThan(FDR);
      expect(link.effect, `${label}: ${code} → ${plantedTarget} rises with the latent`).toBeGreaterThan(0);
    }
  }
}

describe.each(BOTH_STORES)("planted radiogenomic association, end to end [$name]", (target) => {
  const outcomes: Array<{ pathways: Outcome; mutations: Outcome }> = [];

  for (const plan of plans) {
    it(`seed ${plan.seed}: recovers heterogeneity ↔ ${PLANTED_PATHWAY} and heterogeneity → ${PLANTED_MUTATION.gene} at q < ${FDR}`, async () => {
      const { pathways, mutations, profiled, seconds } = await runPlan(target, plan);
      console.info(`[${target.name}] seed ${plan.seed}: seconds ${JSON.stringify(seconds)}`);
      expect(profiled).toBeGreaterThanOrEqual(PATIENTS / 2);
      expectPlantedRecovered(pathways, PLANTED_PATHWAY, `seed ${plan.seed} pathways`);
      expectPlantedRecovered(mutations, PLANTED_MUTATION.gene, `seed ${plan.seed} mutations`);
      outcomes.push({ pathways: outcome(pathways, PLANTED_PATHWAY), mutations: outcome(mutations, PLANTED_MUTATION.gene) });
    }, 300_000);
  }

  it(`keeps false discoveries among null features and null targets within the FDR (${FDR}) over the seeds`, () => {
    expect(outcomes).toHaveLength(plans.length);
    for (const kind of ["pathways", "mutations"] as const) {
      // BH promises E[false / max(discoveries, 1)] ≤ FDR; the seeds' mean proportion estimates it.
      const proportions = outcomes.map((o) => o[kind].falseDiscoveries / Math.max(o[kind].discoveries, 1));
      const mean = proportions.reduce((a, b) => a + b, 0) / proportions.length;
      console.info(`[${target.name}] ${kind}: discoveries ${outcomes.map((o) => o[kind].discoveries).join("/")}, false ${outcomes.map((o) => o[kind].falseDiscoveries).join("/")}, mean FDP ${mean.toFixed(3)}`);
      expect(mean, kind).toBeLessThanOrEqual(FDR);
    }
  });
});
