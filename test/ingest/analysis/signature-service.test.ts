// Signatures end to end on both stores, on a planted cohort (test/support/planted): a subtype label
// driven by the latent that drives two features. The nested-CV signature must select the planted
// features more often than the nulls, with an out-of-fold AUC whose CI excludes 0.5; a pure-noise label
// must give a CI covering 0.5 (no leakage). Bad input (unknown attribute, a single class) is a typed
// error and stores nothing; the same question twice is answered from the graph.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphStore } from "../../../graph-model/graph-store.js";
import { settingsKey } from "../../../ingest/features/feature-settings-key.js";
import { SignatureService } from "../../../ingest/analysis/signature-service.js";
import type { FeatureSettings } from "../../../compute/features/settings.js";
import { writePlantedSignatureCohort, type PlantedSignatureCohort } from "../../support/planted/planted-signature-cohort.js";
import { BOTH_STORES } from "../../support/stores.js";
import { signatureCoefficients, signatureFolds, signatureRocSvg } from "../../../ingest/analysis/signature-export.js";
import { formatCsv } from "../../../compute/export/csv.js";
import { rocAuc } from "../../../compute/stats/index.js";

const SETTINGS: FeatureSettings = { discretisation: { method: "fixedBinSize", binWidth: 25 } };
const PATIENTS = 80;

for (const target of BOTH_STORES) {
  describe(`signatures on ${target.name}`, () => {
    let store: GraphStore;
    let cohort: PlantedSignatureCohort;
    let service: SignatureService;
    const key = settingsKey(SETTINGS);

    beforeAll(async () => {
      store = await target.open();
      cohort = await writePlantedSignatureCohort(store, 4, PATIENTS, key.hash, key.canonical);
      service = new SignatureService(store, () => new Date("2026-12-07T00:00:00Z"));
    }, 120_000);
    afterAll(async () => target.dispose(store));

    const request = (attribute: string, extra: Record<string, unknown> = {}) => ({ cohort: { collectionIds: [cohort.collectionId] }, settings: SETTINGS, target: attribute, seed: 11, ...extra });

    it("recovers the planted subtype: CI excludes 0.5, planted features selected more often than nulls, stored with coefficients", async () => {
      const [signature] = await service.fit(request("SUBTYPE", { permutations: 19 }));
      const result = signature!.result as { auc: number; ci95: [number, number]; permutationP: number; folds: unknown[]; lambdaPath: number[] };
      expect(signature!.target).toBe("SUBTYPE=Luminal");
      // Luminal is the positive class (second sorted): the planted features point against it.
      expect(result.ci95[0]).toBeGreaterThan(0.5);
      expect(result.permutationP).toBeLessThanOrEqual(0.05);
      expect(result.folds).toHaveLength(5);
      expect(result.lambdaPath).toHaveLength(50);
      const features = (await store.signatureFeatures([signature!.id])).get(signature!.id)!;
      expect(features).toHaveLength(cohort.planted.length + cohort.nulls.length);
      const frequency = new Map(features.map((f) => [f.featureKey, f.selectionFrequency!]));
      const mean = (keys: string[]) => keys.reduce((s, k) => s + frequency.get(k)!, 0) / keys.length;
      expect(mean(cohort.planted)).toBeGreaterThan(mean(cohort.nulls));
      for (const k of cohort.planted) expect(frequency.get(k)).toBe(1);
      const coefficient = new Map(features.map((f) => [f.featureKey, f.coefficient!]));
      expect(cohort.planted.some((k) => coefficient.get(k)! < 0)).toBe(true);
      expect(signature!.params).toMatchObject({ attribute: "SUBTYPE", positiveClass: "Luminal", settingsHash: key.hash, options: { seed: 11, outerFolds: 5, innerFolds: 5, l1Ratio: 1 } });
      expect(signature!.dataVersion).toMatchObject({ labelSources: ["test planted"] });

      const before = await store.counts();
      const [again] = await service.fit(request("SUBTYPE", { permutations: 19 }));
      expect(again!.id).toBe(signature!.id);
      expect(await store.counts()).toEqual(before);
      expect((await store.signatures({ skip: 0, first: 10 })).map((s) => s.id)).toContain(signature!.id);
    }, 300_000);

    it("exports the stored signature: ROC SVG, coefficient table (intercept, planted first) and one fold row per outer fold", async () => {
      const [signature] = await service.fit(request("SUBTYPE", { permutations: 19 }));
      const params = signature!.params as { outcome: number[] };
      const result = signature!.result as { auc: number; outOfFoldScores: number[] };
      // The stored out-of-fold scores and outcome reproduce the stored AUC (repeat 0 = the only repeat).
      expect(rocAuc(result.outOfFoldScores, params.outcome)).toBeCloseTo(result.auc, 12);
      const svg = await signatureRocSvg(store, signature!.id);
      expect(svg.startsWith("<svg") || svg.startsWith("<?xml")).toBe(true);
      expect(svg).toContain("SUBTYPE=Luminal");
      const coefficients = await signatureCoefficients(store, signature!.id);
      const names = coefficients.rows.map((r) => String(r[0]));
      expect(names.slice(1, 3).sort()).toEqual(["planted_a", "planted_b"]);
      expect(coefficients.rows).toHaveLength(1 + cohort.planted.length + cohort.nulls.length);
      const folds = await signatureFolds(store, signature!.id);
      expect(folds.rows).toHaveLength(5);
      expect(formatCsv(folds)).toContain("train_size");
      expect(folds.comments.join("\n")).toContain(signature!.id);
      const trainColumn = folds.columns.indexOf("train_size");
      const testColumn = folds.columns.indexOf("test_size");
      for (const row of folds.rows) expect(Number(row[trainColumn]) + Number(row[testColumn])).toBe(PATIENTS);
    }, 300_000);

    it("on a pure-noise label reports an AUC whose CI covers 0.5", async () => {
      const [signature] = await service.fit(request("NOISE"));
      const { ci95 } = signature!.result as { ci95: [number, number] };
      expect(ci95[0]).toBeLessThan(0.5);
      expect(ci95[1]).toBeGreaterThan(0.5);
    }, 300_000);

    it("applies a stored signature to another cohort and reports its external AUC", async () => {
      const other = await writePlantedSignatureCohort(store, 5, 60, key.hash, key.canonical);
      const [signature] = await service.fit(request("SUBTYPE"));
      const applied = await service.apply(signature!.id, { collectionIds: [other.collectionId] });
      expect(applied.patients).toBe(60);
      expect(applied.ci95![0]).toBeGreaterThan(0.5);
    }, 300_000);

    it("refuses an unknown attribute and a single class with BAD_USER_INPUT and stores nothing", async () => {
      const before = await store.counts();
      await expect(service.fit(request("PAM50"))).rejects.toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringContaining("CONSTANT, NOISE, SUBTYPE") });
      await expect(service.fit(request("CONSTANT"))).rejects.toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringContaining("single class") });
      await expect(service.fit(request("SUBTYPE", { positiveClass: "Her2" }))).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
      expect(await store.counts()).toEqual(before);
    }, 120_000);
  });
}
