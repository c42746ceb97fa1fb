// Signature fits as jobs on the model worker pool, both stores: the job goes QUEUED/RUNNING → SUCCEEDED
// with one item per class, the stored signature equals the synchronous (inline) fit's; a single-class
// target fails the job's item with BAD_USER_INPUT and stores nothing; a cancelled fit leaves no worker busy.
// (Workers load dist/: npm test builds first.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphStore } from "../../graph-model/graph-store.js";
import { settingsKey } from "../../ingest/features/feature-settings-key.js";
import { SignatureService } from "../../ingest/analysis/signature-service.js";
import { signatureFitJob, signatureFitJobId } from "../../ingest/analysis/signature-fit-job.js";
import { ModelWorkerPool } from "../../ingest/analysis/model-worker-pool.js";
import { JobRegistry } from "../../ingest/jobs/job-registry.js";
import { JobRunner } from "../../ingest/jobs/job-runner.js";
import type { FeatureSettings } from "../../compute/features/settings.js";
import { writePlantedSignatureCohort, type PlantedSignatureCohort } from "../support/planted/planted-signature-cohort.js";
import { BOTH_STORES } from "../support/stores.js";

const SETTINGS: FeatureSettings = { discretisation: { method: "fixedBinSize", binWidth: 25 } };
const now = () => new Date("2026-12-07T00:00:00Z");

for (const target of BOTH_STORES) {
  describe(`signature-fit jobs on ${target.name}`, () => {
    let store: GraphStore;
    let cohort: PlantedSignatureCohort;
    const pool = new ModelWorkerPool({ size: 2 });
    const key = settingsKey(SETTINGS);
    const request = (attribute: string, seed = 11) => ({ cohort: { collectionIds: [cohort.collectionId] }, settings: SETTINGS, target: attribute, seed });

    beforeAll(async () => {
      store = await target.open();
      cohort = await writePlantedSignatureCohort(store, 4, 60, key.hash, key.canonical);
    }, 120_000);
    afterAll(async () => (await pool.close(), await target.dispose(store)));

    it("runs on the pool to SUCCEEDED, one item per class, storing the signature the inline fit stores", async () => {
      const jobs = new JobRegistry({ runner: new JobRunner() });
      const pooled = new SignatureService(store, now, pool.runners().nestedCrossValidatedLogistic);
      const handle = jobs.submit(signatureFitJob(() => pooled, request("SUBTYPE")));
      expect(handle.id).toBe(signatureFitJobId(request("SUBTYPE")));
      expect(["QUEUED", "RUNNING"]).toContain(jobs.get(handle.id)!.status);
      const done = await handle.result;
      expect(done.status).toBe("SUCCEEDED");
      expect(done.progress).toMatchObject({ done: 1, failed: 0 });
      const [fromJob] = await pooled.fit(request("SUBTYPE")); // stored answer
      const before = await store.counts();
      const reference = BOTH_STORES[0]!; // a fresh embedded store (a second Neo4j handle would share this database)
      const inlineStore = await reference.open();
      try {
        await writePlantedSignatureCohort(inlineStore, 4, 60, key.hash, key.canonical);
        const [inline] = await new SignatureService(inlineStore, now).fit(request("SUBTYPE"));
        expect(fromJob!.id).toBe(inline!.id);
        expect(fromJob!.result).toEqual(inline!.result);
        expect(fromJob!.params).toEqual(inline!.params);
      } finally {
        await reference.dispose(inlineStore);
      }
      expect(await store.counts()).toEqual(before);
    }, 300_000);

    it("a single-class target fails the job's item with BAD_USER_INPUT and stores nothing", async () => {
      const jobs = new JobRegistry({ runner: new JobRunner() });
      const before = await store.counts();
      const done = await jobs.submit(signatureFitJob(() => new SignatureService(store, now, pool.runners().nestedCrossValidatedLogistic), request("CONSTANT"))).result;
      expect(done.status).toBe("FAILED");
      expect(done.errors[0]).toMatchObject({ key: "plan", code: "BAD_USER_INPUT", message: expect.stringContaining("single class") });
      expect(await store.counts()).toEqual(before);
    }, 120_000);

    it("a cancelled fit job leaves no worker busy and stores nothing", async () => {
      const jobs = new JobRegistry({ runner: new JobRunner() });
      const before = await store.counts();
      const serviceFor = (signal?: AbortSignal) => new SignatureService(store, now, pool.runners(signal).nestedCrossValidatedLogistic);
      const handle = jobs.submit(signatureFitJob(serviceFor, { ...request("SUBTYPE", 99), permutations: 2000 }));
      for (let i = 0; i < 500 && pool.activeTasks === 0; i++) await new Promise((r) => setTimeout(r, 20)); // the fit is on a worker
      expect(pool.activeTasks).toBe(1);
      handle.cancel();
      expect((await handle.result).status).toBe("CANCELLED");
      expect(pool.activeTasks).toBe(0);
      expect(await store.counts()).toEqual(before);
    }, 120_000);
  });
}
