// The cross-validation step jobs the distributed engine runs (signature-cv-job.ts, survival-cv-job.ts), here
// on the in-process JobRunner and both stores: one item per CV step, each storing its result under its own
// step marker, the step completing the set assembling the fit. The stored Signature / SurvivalAnalysis is the
// one the in-process engine (SignatureService.fit, SurvivalService.analyse) stores — same id, result, params,
// dataVersion and feature links; a step run again (a retried task) writes nothing; a second finisher writes
// nothing (saveSignatureOnce / saveSurvivalAnalysisOnce).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FeatureSettings } from "../../../compute/features/settings.js";
import type { GraphStore } from "../../../graph-model/graph-store.js";
import { inlineModelRunners } from "../../../ingest/analysis/model-runners.js";
import { signatureCvJob, signatureStepPrefix } from "../../../ingest/analysis/signature-cv-job.js";
import { signatureFitJobId } from "../../../ingest/analysis/signature-fit-job.js";
import type { SignatureRequest } from "../../../ingest/analysis/signature-request.js";
import { SignatureService } from "../../../ingest/analysis/signature-service.js";
import { survivalCvJob, survivalStepPrefix } from "../../../ingest/analysis/survival-cv-job.js";
import type { SurvivalRequest } from "../../../ingest/analysis/survival-request.js";
import { SurvivalService } from "../../../ingest/analysis/survival-service.js";
import { settingsKey } from "../../../ingest/features/feature-settings-key.js";
import { JobRunner } from "../../../ingest/jobs/job-runner.js";
import { writePlantedSignatureCohort } from "../../support/planted/planted-signature-cohort.js";
import { writePlantedSurvivalCohort } from "../../support/planted/planted-survival-cohort.js";
import { BOTH_STORES, embeddedStore } from "../../support/stores.js";

const SETTINGS: FeatureSettings = { discretisation: { method: "fixedBinSize", binWidth: 25 } };
const key = settingsKey(SETTINGS);
const now = () => new Date("2026-12-07T00:00:00Z");
const later = () => new Date("2026-12-08T00:00:00Z");
const comparable = <T extends { createdAt?: unknown }>(node: T) => ({ ...node, createdAt: undefined });

for (const target of BOTH_STORES) {
  describe(`CV step jobs on ${target.name} (in-process runner)`, () => {
    let store: GraphStore;
    let reference: GraphStore;
    let signatureRequest: SignatureRequest;
    let survivalRequest: SurvivalRequest;

    beforeAll(async () => {
      store = await target.open();
      reference = await embeddedStore.open();
      for (const s of [store, reference]) {
        const sig = await writePlantedSignatureCohort(s, 4, 60, key.hash, key.canonical);
        const surv = await writePlantedSurvivalCohort(s, 5, 80, key.hash, key.canonical);
        signatureRequest = { cohort: { collectionIds: [sig.collectionId] }, settings: SETTINGS, target: "SUBTYPE", seed: 11, outerFolds: 4, innerFolds: 3, repeats: 2, permutations: 2, lambdaCount: 20 };
        survivalRequest = { kind: "PENALISED_COX", endpoint: "OVERALL", cohort: { collectionIds: [surv.collectionId] }, settings: SETTINGS, seed: 7, folds: 3, penalizers: [0.3, 0.1, 0.03] };
      }
    }, 180_000);

    afterAll(async () => {
      if (store) await target.dispose(store);
      if (reference) await embeddedStore.dispose(reference);
    });

    it("a signature fit, one item per CV step, stores fitSignature's Signature once", async () => {
      const build = () => signatureCvJob(store, new SignatureService(store, now), () => inlineModelRunners, signatureRequest, later);
      const listed = build();
      expect(listed.id).toBe(signatureFitJobId(signatureRequest));
      const items: Array<{ key: string }> = [];
      for await (const item of listed.items) items.push(item);
      expect(items.map((i) => i.key)).toHaveLength(2 * 4 + 2 + 1);
      expect(items[0]!.key).toBe("class:Luminal:fold:0:0");
      const done = await new JobRunner({ concurrency: 3 }).run(build());
      expect(done).toMatchObject({ status: "SUCCEEDED", progress: { done: items.length, failed: 0 } });

      const [expected] = await new SignatureService(reference, now).fit(signatureRequest);
      const [stored] = await store.signaturesByIds([expected!.id]);
      expect(comparable(stored!)).toEqual(comparable(expected!));
      const features = async (s: GraphStore) => (await s.signatureFeatures([expected!.id])).get(expected!.id)!.map((f) => ({ ...f, feature: f.feature.key }));
      expect(await features(store)).toEqual(await features(reference));
      expect(await store.completeStepMarkers(signatureStepPrefix(expected!.id))).toBe(items.length);

      // A retried step (all steps COMPLETE, the Signature stored) and a second finisher write nothing.
      const before = await store.counts();
      const again = build();
      const controller = new AbortController();
      for await (const item of again.items) await again.handle(item, { jobId: again.id, key: item.key, signal: controller.signal });
      expect(await store.counts()).toEqual(before);
      expect(await store.saveSignatureOnce({ ...expected!, createdAt: later().toISOString() } as never, [], later().toISOString())).toBe(false);
      expect((await store.signaturesByIds([expected!.id]))[0]!.createdAt).toBe(stored!.createdAt);
      // A step written again (a task retried after its write) changes nothing: its marker is COMPLETE.
      const prefix = signatureStepPrefix(expected!.id);
      const final = (await store.stepResults(prefix)).get("final");
      expect(await store.saveStepResult(`${prefix}final`, { other: 1 }, later().toISOString())).toBe(false);
      expect((await store.stepResults(prefix)).get("final")).toEqual(final);
    }, 300_000);

    it("a PENALISED_COX survival analysis, one item per outer fold + the final CV, stores analyse's SurvivalAnalysis once", async () => {
      const prepared = await new SurvivalService(store, now).prepare(survivalRequest);
      const job = survivalCvJob(store, prepared, () => inlineModelRunners, later);
      expect(job.id).toBe(prepared.id);
      expect(job.items).toEqual(["fold:0", "fold:1", "fold:2", "final"]);
      const done = await new JobRunner({ concurrency: 2 }).run(job);
      expect(done).toMatchObject({ status: "SUCCEEDED", progress: { done: 4, failed: 0 } });

      const expected = await new SurvivalService(reference, now).analyse(survivalRequest);
      expect(expected.id).toBe(prepared.id);
      const [stored] = await store.survivalAnalysesByIds([expected.id]);
      expect(comparable(stored!)).toEqual(comparable(expected));
      const page = { skip: 0, first: 1000 };
      const links = async (s: GraphStore) => (await s.survivalFeatures(expected.id, page)).map((f) => ({ ...f, feature: undefined }));
      expect(await links(store)).toEqual(await links(reference));
      expect(await store.completeStepMarkers(survivalStepPrefix(expected.id))).toBe(4);

      const before = await store.counts();
      const controller = new AbortController();
      for (const step of ["fold:1", "final"]) await job.handle(step, { jobId: job.id, key: step, signal: controller.signal });
      expect(await store.counts()).toEqual(before);
    }, 300_000);
  });
}
