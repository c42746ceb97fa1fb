// The association as a job of batches of tests (association-job.ts) on the in-process JobRunner and the
// embedded store gives exactly runAssociation's analysis: the same links (rho, p, n), the same BH q-values
// (BH once over all p-values, by the batch that completes the set) and the same provenance (createdAt aside);
// a batch run again (a retried task) writes nothing more; the same request afterwards is a job of no items.
import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphStore } from "../../../graph-model/graph-store.js";
import type * as M from "../../../graph-model/model/records.js";
import { associationJob } from "../../../ingest/analysis/association-job.js";
import type { AssociationRequest } from "../../../ingest/analysis/association-request.js";
import { AssociationService } from "../../../ingest/analysis/association-service.js";
import { demoCohort } from "../../../ingest/demo/demo-cohort.js";
import { DemoLesionImages } from "../../../ingest/demo/demo-lesion-images.js";
import { loadCohort } from "../../../ingest/demo/load-demo.js";
import { FeatureService } from "../../../ingest/features/feature-service.js";
import { JobRunner } from "../../../ingest/jobs/job-runner.js";
import { DEFAULT_FEATURE_SETTINGS } from "../../../resolvers/feature-settings.mapping.js";
import { comparableAnalysis, comparableLinks } from "../../support/association-comparable.js";
import { embeddedStore } from "../../support/stores.js";

const records = demoCohort();
const GENES: AssociationRequest = { cohort: {}, settings: DEFAULT_FEATURE_SETTINGS, families: ["intensity_statistics", "glcm"], targets: "GENES", targetKeys: records.genes.map((g) => g.symbol) };

describe("startAssociation's job in-process (JobRunner, embedded store) = runAssociation", () => {
  let reference: GraphStore;
  let store: GraphStore;

  beforeAll(async () => {
    [reference, store] = await Promise.all([embeddedStore.open(), embeddedStore.open()]);
    await Promise.all([loadCohort(reference, records), loadCohort(store, records)]);
  }, 120_000);

  afterAll(async () => {
    for (const s of [reference, store]) if (s) await embeddedStore.dispose(s);
  });

  it("gives the same links, q-values and provenance in 7-gene batches, concurrently, and adds nothing when a batch runs again", async () => {
    const expected = await new AssociationService(reference, new FeatureService(reference, [new DemoLesionImages(records)])).run(GENES);
    const features = new FeatureService(store, [new DemoLesionImages(records)]);
    const featureCount = (expected.params as { features: number }).features;
    const job = await associationJob(store, features, { ...GENES, batchTests: 7 * featureCount });
    expect(job.id).toBe(`association-${expected.id}`);
    const batches = job.items as { from: number; to: number }[];
    expect(batches).toHaveLength(Math.ceil(records.genes.length / 7));
    const report = await new JobRunner({ concurrency: 3 }).run(job);
    expect(report).toMatchObject({ status: "SUCCEEDED", progress: { total: batches.length, done: batches.length, failed: 0 } });

    const analysis = (await store.analysisById(expected.id))!;
    expect(comparableAnalysis(analysis)).toEqual(comparableAnalysis(expected));
    const read = (s: GraphStore) => s.correlationLinks({ analysisId: expected.id, targetKind: "Gene", first: 1_000_000 });
    const links = await read(store);
    expect(links.length).toBe((expected.params as { tests: number }).tests);
    expect(links.every((l) => l.q !== null && l.q >= l.p!)).toBe(true);
    expect(comparableLinks(links)).toEqual(comparableLinks(await read(reference)));

    // A retried batch: its marker is COMPLETE, nothing is written, no edge doubles.
    await job.handle(batches[0]!, { jobId: job.id, key: job.keyOf(batches[0]!), signal: new AbortController().signal });
    expect(comparableLinks(await read(store))).toEqual(comparableLinks(links));
    // Asked again: the stored analysis, a job with nothing to do.
    expect((await associationJob(store, features, { ...GENES, batchTests: 1 })).items).toEqual([]);
  }, 300_000);
});
