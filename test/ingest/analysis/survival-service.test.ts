// Survival analyses end to end on both stores, on a planted cohort (test/support/planted): a latent
// drives one feature and the hazard; age adds an independent hazard. The univariate Cox screen must
// recover the planted feature's direction (HR > 1) at q < 0.05 and not the nulls'; combined models
// must give clinical + radiomic a higher out-of-fold C than clinical only; Kaplan–Meier by a median
// split must separate the groups. Bad input (too few events, a constant feature, a single group,
// censoring everywhere, an unknown attribute) is a typed error and stores nothing; the same question
// twice is answered from the graph.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FeatureSettings } from "../../../compute/features/settings.js";
import type { GraphStore } from "../../../graph-model/graph-store.js";
import { settingsKey } from "../../../ingest/features/feature-settings-key.js";
import { SurvivalService } from "../../../ingest/analysis/survival-service.js";
import type { SurvivalRequest } from "../../../ingest/analysis/survival-request.js";
import { writePlantedSurvivalCohort, type PlantedSurvivalCohort } from "../../support/planted/planted-survival-cohort.js";
import { BOTH_STORES } from "../../support/stores.js";

const SETTINGS: FeatureSettings = { discretisation: { method: "fixedBinSize", binWidth: 25 } };
const PATIENTS = 120;

for (const target of BOTH_STORES) {
  describe(`survival analyses on ${target.name}`, () => {
    let store: GraphStore;
    let cohort: PlantedSurvivalCohort;
    let service: SurvivalService;
    const key = settingsKey(SETTINGS);

    beforeAll(async () => {
      store = await target.open();
      cohort = await writePlantedSurvivalCohort(store, 5, PATIENTS, key.hash, key.canonical);
      service = new SurvivalService(store, () => new Date("2026-12-07T00:00:00Z"));
    }, 120_000);
    afterAll(async () => target.dispose(store));

    const request = (kind: SurvivalRequest["kind"], extra: Partial<SurvivalRequest> = {}): SurvivalRequest => ({
      kind, endpoint: "OVERALL", cohort: { collectionIds: [cohort.collectionId] }, settings: SETTINGS, seed: 7, ...extra,
    });

    it("univariate Cox recovers the planted hazard direction at q < 0.05, nulls not; stored with per-feature results; same question → same node", async () => {
      const analysis = await service.analyse(request("UNIVARIATE_COX"));
      const rows = await store.survivalFeatures(analysis.id, { skip: 0, first: 50 });
      expect(rows.map((r) => r.featureKey)).not.toContain(cohort.constantKey); // dropped with a note
      expect((analysis.params as { droppedFeatures: { name: string }[] }).droppedFeatures.map((d) => d.name)).toEqual(["constant"]);
      const planted = rows.find((r) => r.featureKey === cohort.plantedKey)!;
      expect(rows[0]!.featureKey).toBe(cohort.plantedKey);
      expect(planted.hazardRatio!).toBeGreaterThan(1);
      expect(planted.hrLower!).toBeGreaterThan(1);
      expect(planted.q!).toBeLessThan(0.05);
      expect(planted.phP).not.toBeNull();
      expect(rows.filter((r) => cohort.nullKeys.includes(r.featureKey) && r.q! < 0.05)).toHaveLength(0);
      const before = await store.counts();
      const again = await service.analyse(request("UNIVARIATE_COX"));
      expect(again.id).toBe(analysis.id);
      expect(again.createdAt).toBe(analysis.createdAt);
      expect(await store.counts()).toEqual(before);
    }, 300_000);

    it("combined models: clinical + radiomic has a higher out-of-fold C than clinical only, with ΔC CI and LR test", async () => {
      const analysis = await service.analyse(request("COMBINED", { features: ["planted_hazard", "surv_null_1"], bootstrapSamples: 200 }));
      const result = analysis.result as { models: { name: string; outOfFoldConcordance: number; covariates: string[] }[]; comparisons: { model: string; over: string; deltaC: number; ci95: [number, number]; likelihoodRatio: { p: number } }[] };
      const clinical = result.models.find((m) => m.name === "clinical")!;
      const radiomic = result.models.find((m) => m.name === "clinical + radiomic")!;
      expect(clinical.covariates).toEqual(["age", "stage", "sex"]);
      expect(radiomic.outOfFoldConcordance).toBeGreaterThan(clinical.outOfFoldConcordance);
      const increment = result.comparisons.find((c) => c.model === "clinical + radiomic")!;
      expect(increment.over).toBe("clinical");
      expect(increment.ci95[0]).toBeGreaterThan(0);
      expect(increment.likelihoodRatio.p).toBeLessThan(0.001);
      const links = await store.survivalFeatures(analysis.id, { skip: 0, first: 10 });
      expect(links.map((l) => l.featureKey)).toEqual([cohort.plantedKey, `surv_null_1@${key.hash}`]);
    }, 300_000);

    it("penalised Cox: honest out-of-fold Harrell and Uno C above 0.5, the planted feature has the largest coefficient", async () => {
      const analysis = await service.analyse(request("PENALISED_COX", { folds: 3, penalizers: [0.3, 0.1, 0.03] }));
      const result = analysis.result as { outOfFoldHarrellC: number; outOfFoldUnoC: number; outerFolds: unknown[]; proportionalHazards: { global?: { p: number } } };
      expect(result.outOfFoldHarrellC).toBeGreaterThan(0.6);
      expect(result.outOfFoldUnoC).toBeGreaterThan(0.6);
      expect(result.outerFolds).toHaveLength(3);
      expect(result.proportionalHazards.global?.p).toBeGreaterThan(0);
      const [first] = await store.survivalFeatures(analysis.id, { skip: 0, first: 1 });
      expect(first!.featureKey).toBe(cohort.plantedKey);
      expect(first!.coefficient!).toBeGreaterThan(0);
    }, 300_000);

    it("Kaplan–Meier by a median split of the planted feature: the high group dies sooner (log-rank p < 0.05), numbers at risk kept", async () => {
      const analysis = await service.analyse(request("KAPLAN_MEIER", { splitFeature: "planted_hazard" }));
      const result = analysis.result as { groups: { group: string; n: number; medianSurvival: number | null; atRiskAt: { time: number; atRisk: number }[] }[]; logRank: { p: number } };
      expect(result.groups.map((g) => g.group)).toEqual(["high", "low"]);
      expect(result.groups[0]!.n + result.groups[1]!.n).toBe(PATIENTS);
      expect(result.logRank.p).toBeLessThan(0.05);
      expect(result.groups[0]!.atRiskAt[0]).toEqual({ time: 0, atRisk: result.groups[0]!.n });
    }, 300_000);

    it("bad input is a typed error and stores nothing", async () => {
      const before = await store.counts();
      const cases: Array<[Partial<SurvivalRequest> & { kind: SurvivalRequest["kind"] }, RegExp]> = [
        [{ kind: "UNIVARIATE_COX", cohort: { collectionIds: [cohort.fewEventsCollectionId] } }, /too few events: 2/],
        [{ kind: "UNIVARIATE_COX", features: ["constant"] }, /'constant' is constant/],
        [{ kind: "KAPLAN_MEIER", groupBy: "GRADE" }, /single group 'G4'/],
        [{ kind: "UNIVARIATE_COX", endpoint: "PROGRESSION_FREE" }, /censored/],
        [{ kind: "KAPLAN_MEIER", groupBy: "PAM50" }, /unknown target attribute 'PAM50'.*ARM, GRADE/],
        [{ kind: "UNIVARIATE_COX", features: ["no_such_feature"] }, /unknown feature 'no_such_feature'/],
      ];
      for (const [extra, message] of cases) {
        const error = await service.analyse(request(extra.kind, extra)).then(() => null, (e: unknown) => e as { code?: string; message: string });
        expect(error?.code, String(message)).toBe("BAD_USER_INPUT");
        expect(error!.message).toMatch(message);
      }
      expect(await store.counts()).toEqual(before);
    }, 300_000);
  });
}
