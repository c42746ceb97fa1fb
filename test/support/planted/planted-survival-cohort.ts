// A planted cohort for survival, written straight into a store (no DICOM): the shared latent of
// planted-plan drives a feature ("planted_hazard" = latent + noise) and the hazard (exponential event
// times, log-hazard SURVIVAL_LOG_HAZARD · latent, uniform censoring); age adds a weaker, independent
// hazard, so the clinical-only model has something to find and the radiomic block adds to it.
// NULL_SURVIVAL_FEATURES features are independent of both, "constant" is the same everywhere.
// Progression-free follow-up is stored censored for everyone (the "censoring everywhere" case), the
// attribute GRADE has one value (a single group), and a second small collection has only 2 events.
import { SeededRandom } from "../../../compute/seeded-random.js";
import type { GraphStore } from "../../../graph-model/graph-store.js";
import type * as M from "../../../graph-model/model/records.js";
import { plantedPlan } from "./planted-plan.js";

/** log hazard ratio per unit of latent. */
export const SURVIVAL_LOG_HAZARD = 1;
/** log hazard ratio per 10 years of age (age ~ N(60, 10)). */
export const AGE_LOG_HAZARD = 0.4;
export const NULL_SURVIVAL_FEATURES = 6;
export const PLANTED_HAZARD_NOISE_SD = 0.5;

export interface PlantedSurvivalCohort {
  collectionId: string;
  /** A collection of 8 patients with 2 events. */
  fewEventsCollectionId: string;
  plantedKey: string;
  nullKeys: string[];
  constantKey: string;
}

export async function writePlantedSurvivalCohort(store: GraphStore, seed: number, count: number, settingsHash: string, settings: unknown): Promise<PlantedSurvivalCohort> {
  const plan = plantedPlan(seed, count + 8);
  const rng = new SeededRandom(seed * 15485863 + 11);
  const collectionId = `PLANTED-SURV-${seed}`;
  const fewEventsCollectionId = `PLANTED-SURV-${seed}-FEW`;
  const nulls = Array.from({ length: NULL_SURVIVAL_FEATURES }, (_, i) => `surv_null_${i + 1}`);
  const names = ["planted_hazard", ...nulls, "constant"];
  const feature = (name: string): M.FeatureRecord => ({ key: `${name}@${settingsHash}`, name, family: "planted", ibsiCode: name.toUpperCase(), settingsHash, settings, unit: null });
  await store.upsertCollections([
    { id: collectionId, name: "planted survival cohort", source: "test" },
    { id: fewEventsCollectionId, name: "planted survival cohort, few events", source: "test" },
  ]);
  const patients: M.PatientRecord[] = [], studies: M.StudyRecord[] = [], series: M.SeriesRecord[] = [], lesions: M.LesionRecord[] = [], features: M.LesionFeatureRecord[] = [];
  plan.barcodes.forEach((barcode, i) => {
    const few = i >= count;
    const latent = plan.latent.get(barcode)!;
    const age = Math.round(rng.normal(60, 10));
    const rate = 1 / 1000 * Math.exp(SURVIVAL_LOG_HAZARD * latent + AGE_LOG_HAZARD * (age - 60) / 10);
    const eventTime = -Math.log(1 - rng.next()) / rate; // exponential with this rate
    const censorTime = 200 + rng.next() * 2800;
    const event = few ? i - count < 2 : eventTime <= censorTime;
    const days = Math.max(1, Math.round(few ? 100 + 50 * (i - count) : Math.min(eventTime, censorTime)));
    patients.push({
      id: barcode, collectionId: few ? fewEventsCollectionId : collectionId, source: "test", dataRelease: "planted", ageAtDiagnosisYears: age,
      sex: rng.next() < 0.5 ? "female" : "male", stage: rng.pick(["Stage I", "Stage II", "Stage III", "Stage IV"]),
      overallSurvivalDays: days, overallSurvivalEvent: event, vitalStatus: event ? "Dead" : "Alive",
      clinicalAttributes: {
        progressionFreeSurvivalDays: { value: days, source: "test", dataRelease: "planted" },
        progressionFreeSurvivalEvent: { value: false, source: "test", dataRelease: "planted" },
        GRADE: { value: "G4", source: "test", dataRelease: "planted" },
        ARM: { value: rng.next() < 0.5 ? "A" : "B", source: "test", dataRelease: "planted" },
      },
    });
    const studyUid = `1.2.998.${seed}.${i + 1}`;
    studies.push({ uid: studyUid, patientId: barcode });
    series.push({ uid: `${studyUid}.1`, studyUid, modality: "CT" });
    const lesionId = `${studyUid}.1:1`;
    lesions.push({ id: lesionId, seriesUid: `${studyUid}.1`, label: "tumour" });
    for (const name of names) {
      const value = name === "planted_hazard" ? latent + rng.normal(0, PLANTED_HAZARD_NOISE_SD) : name === "constant" ? 1 : rng.normal();
      features.push({ lesionId, feature: feature(name), value });
    }
  });
  await store.upsertPatients(patients);
  await store.upsertStudies(studies);
  await store.upsertSeries(series);
  await store.upsertLesions(lesions);
  await store.saveLesionFeatures(features);
  return { collectionId, fewEventsCollectionId, plantedKey: `planted_hazard@${settingsHash}`, nullKeys: nulls.map((n) => `${n}@${settingsHash}`), constantKey: `constant@${settingsHash}` };
}
