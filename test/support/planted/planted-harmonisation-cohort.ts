// A planted multi-scanner cohort for harmonisation, written straight into a store (no DICOM): the shared
// latent of planted-plan drives `planted_a` and the odds of SUBTYPE (Basal vs Luminal); each patient's
// series gets a MANUFACTURER drawn independently of the latent (so scanner and biology are not
// confounded), and the scanner adds a location shift and a scale factor to the null feature
// `scanner_null` (SCANNER_EFFECT) — and a smaller shift to `planted_a`, so ComBat must remove a batch
// effect from a biological feature without removing its biology. Everything derives from the seed.
// A small second collection holds the inputs ComBat must refuse (a batch of one, one kernel, no model).
import { SeededRandom } from "../../../compute/seeded-random.js";
import type { GraphStore } from "../../../graph-model/graph-store.js";
import type * as M from "../../../graph-model/model/records.js";
import { logistic, plantedPlan } from "./planted-plan.js";

export const SUBTYPE_LOG_ODDS = 3;
/** Per manufacturer: value = shift + scale · N(0, 1) for scanner_null; planted_a gets shift / 2. */
export const SCANNER_EFFECT: Record<string, { shift: number; scale: number }> = {
  "GE MEDICAL SYSTEMS": { shift: 0, scale: 1 },
  PHILIPS: { shift: 1.5, scale: 2 },
  SIEMENS: { shift: -1.2, scale: 0.6 },
};
export const MANUFACTURERS = Object.keys(SCANNER_EFFECT).sort();
export const NULL_FEATURE_COUNT = 6;

export interface PlantedHarmonisationCohort {
  collectionId: string;
  /** Refusal cases: one SIEMENS patient (a batch of one), every kernel B30f, two patients without a model. */
  badCollectionId: string;
  patientIds: string[];
  planted: string;
  scannerNull: string;
  nulls: string[];
  subtype: Map<string, string>;
  manufacturer: Map<string, string>;
}

export async function writePlantedHarmonisationCohort(store: GraphStore, seed: number, count: number, settingsHash: string, settings: unknown): Promise<PlantedHarmonisationCohort> {
  const plan = plantedPlan(seed, count);
  const rng = new SeededRandom(seed * 15485863 + 11);
  // Follow-up from its own stream (the other draws stay as they were): hazard ∝ exp(0.8 · latent), uniform censoring.
  const survivalRng = new SeededRandom(seed * 7919 + 5);
  const collectionId = `PLANTED-HARM-${seed}`;
  const badCollectionId = `PLANTED-HARM-BAD-${seed}`;
  const nulls = Array.from({ length: NULL_FEATURE_COUNT }, (_, i) => `null_${String(i + 1).padStart(2, "0")}`);
  const feature = (name: string): M.FeatureRecord => ({ key: `${name}@${settingsHash}`, name, family: "planted", ibsiCode: name.toUpperCase(), settingsHash, settings, unit: null });
  await store.upsertCollections([{ id: collectionId, name: "planted harmonisation cohort", source: "test" }, { id: badCollectionId, name: "planted harmonisation refusals", source: "test" }]);
  const patients: M.PatientRecord[] = [];
  const studies: M.StudyRecord[] = [];
  const series: M.SeriesRecord[] = [];
  const lesions: M.LesionRecord[] = [];
  const features: M.LesionFeatureRecord[] = [];
  const subtype = new Map<string, string>();
  const manufacturer = new Map<string, string>();
  const add = (barcode: string, collection: string, latent: number, maker: string, extra: Partial<M.SeriesRecord>, attributes: Record<string, string>) => {
    const label = rng.next() < logistic(SUBTYPE_LOG_ODDS * latent) ? "Basal" : "Luminal";
    subtype.set(barcode, label);
    manufacturer.set(barcode, maker);
    const clinical = Object.fromEntries(Object.entries({ SUBTYPE: label, ...attributes }).map(([k, v]) => [k, { value: v, source: "test", dataRelease: "planted" }]));
    const eventDays = -Math.log(1 - survivalRng.next()) / (0.002 * Math.exp(0.8 * latent));
    const censorDays = 200 + 2000 * survivalRng.next();
    patients.push({
      id: barcode, collectionId: collection, source: "test", dataRelease: "planted", clinicalAttributes: clinical,
      overallSurvivalDays: Math.round(Math.min(eventDays, censorDays)), overallSurvivalEvent: eventDays <= censorDays,
    });
    const studyUid = `1.2.998.${seed}.${collection.length}.${barcode.slice(-3)}`;
    studies.push({ uid: studyUid, patientId: barcode });
    series.push({ uid: `${studyUid}.1`, studyUid, modality: "CT", manufacturer: maker, manufacturerModel: `${maker} model`, convolutionKernel: "B30f", sliceThickness: 1 + rng.next() * 4, source: "test", dataRelease: "planted", ...extra });
    const lesionId = `${studyUid}.1:1`;
    lesions.push({ id: lesionId, seriesUid: `${studyUid}.1`, label: "tumour" });
    const effect = SCANNER_EFFECT[maker]!;
    features.push({ lesionId, feature: feature("planted_a"), value: latent + rng.normal(0, 0.7) + effect.shift / 2 });
    features.push({ lesionId, feature: feature("scanner_null"), value: effect.shift + effect.scale * rng.normal() });
    for (const name of nulls) features.push({ lesionId, feature: feature(name), value: rng.normal() });
  };
  plan.barcodes.forEach((barcode, i) => {
    const maker = MANUFACTURERS[i % MANUFACTURERS.length]!;
    add(barcode, collectionId, plan.latent.get(barcode)!, maker, {}, { SITE_ONLY: maker === "SIEMENS" ? "special" : "common" });
  });
  const bad = plantedPlan(seed + 1, 7).barcodes.map((b) => b.replace("TCGA-P", "TCGA-Q"));
  bad.forEach((barcode, i) => add(barcode, badCollectionId, rng.normal(), i === 0 ? "SIEMENS" : MANUFACTURERS[i % 2]!, i >= 5 ? { manufacturerModel: null } : {}, {}));
  await store.upsertPatients(patients);
  await store.upsertStudies(studies);
  await store.upsertSeries(series);
  await store.upsertLesions(lesions);
  await store.saveLesionFeatures(features);
  return {
    collectionId, badCollectionId, patientIds: [...plan.barcodes], planted: `planted_a@${settingsHash}`, scannerNull: `scanner_null@${settingsHash}`,
    nulls: nulls.map((n) => `${n}@${settingsHash}`), subtype, manufacturer,
  };
}
