// A planted cohort for signatures, written straight into a store (no DICOM): the shared latent of
// planted-plan drives two features and the odds of a SUBTYPE label ("Basal" vs "Luminal", log-odds
// SUBTYPE_LOG_ODDS · latent); NULL_FEATURES features and a NOISE label are drawn independently of it.
// Everything derives from the seed, so a fit with a fixed seed is reproducible.
import { SeededRandom } from "../../../compute/seeded-random.js";
import type { GraphStore } from "../../../graph-model/graph-store.js";
import type * as M from "../../../graph-model/model/records.js";
import { logistic, plantedPlan } from "./planted-plan.js";

export const SUBTYPE_LOG_ODDS = 3;
export const PLANTED_SIGNATURE_FEATURES = ["planted_a", "planted_b"] as const;
export const NULL_FEATURE_COUNT = 10;
/** Feature value = latent + this SD of noise for planted features. */
export const PLANTED_FEATURE_NOISE_SD = 0.7;

export interface PlantedSignatureCohort {
  collectionId: string;
  patientIds: string[];
  planted: string[];
  nulls: string[];
}

export async function writePlantedSignatureCohort(store: GraphStore, seed: number, count: number, settingsHash: string, settings: unknown): Promise<PlantedSignatureCohort> {
  const plan = plantedPlan(seed, count);
  const rng = new SeededRandom(seed * 104729 + 3);
  const collectionId = `PLANTED-SIG-${seed}`;
  const nulls = Array.from({ length: NULL_FEATURE_COUNT }, (_, i) => `null_${String(i + 1).padStart(2, "0")}`);
  const names = [...PLANTED_SIGNATURE_FEATURES, ...nulls];
  const feature = (name: string): M.FeatureRecord => ({ key: `${name}@${settingsHash}`, name, family: "planted", ibsiCode: name.toUpperCase(), settingsHash, settings, unit: null });
  await store.upsertCollections([{ id: collectionId, name: "planted signature cohort", source: "test" }]);
  const patients: M.PatientRecord[] = [];
  const features: M.LesionFeatureRecord[] = [];
  const studies: M.StudyRecord[] = [];
  const series: M.SeriesRecord[] = [];
  const lesions: M.LesionRecord[] = [];
  for (const barcode of plan.barcodes) {
    const latent = plan.latent.get(barcode)!;
    const subtype = rng.next() < logistic(SUBTYPE_LOG_ODDS * latent) ? "Basal" : "Luminal";
    const noise = rng.next() < 0.5 ? "A" : "B";
    patients.push({
      id: barcode, collectionId, source: "test", dataRelease: "planted",
      clinicalAttributes: { SUBTYPE: { value: subtype, source: "test", dataRelease: "planted" }, NOISE: { value: noise, source: "test", dataRelease: "planted" }, CONSTANT: { value: "same", source: "test", dataRelease: "planted" } },
    });
    const studyUid = `1.2.999.${seed}.${barcode.slice(-3)}`;
    studies.push({ uid: studyUid, patientId: barcode });
    series.push({ uid: `${studyUid}.1`, studyUid, modality: "CT" });
    const lesionId = `${studyUid}.1:1`;
    lesions.push({ id: lesionId, seriesUid: `${studyUid}.1`, label: "tumour" });
    for (const name of names) {
      const value = name.startsWith("planted") ? latent + rng.normal(0, PLANTED_FEATURE_NOISE_SD) : rng.normal();
      features.push({ lesionId, feature: feature(name), value });
    }
  }
  await store.upsertPatients(patients);
  await store.upsertStudies(studies);
  await store.upsertSeries(series);
  await store.upsertLesions(lesions);
  await store.saveLesionFeatures(features);
  return { collectionId, patientIds: [...plan.barcodes], planted: PLANTED_SIGNATURE_FEATURES.map((n) => `${n}@${settingsHash}`), nulls: nulls.map((n) => `${n}@${settingsHash}`) };
}
