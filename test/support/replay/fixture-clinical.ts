// Clinical records of the replay cohort in GDC's and cBioPortal's shapes, with the PatientRecords a
// correct ingest must produce from each. Scenarios cover the reference's field drift (§1.5, §2.5).
import type { SeededRandom } from "../../../compute/seeded-random.js";
import type { PatientRecord } from "../../../graph-model/model/records.js";
import { round } from "./fixture-ids.js";

export const DAYS_PER_MONTH = 365.25 / 12;

export type ClinicalScenario = "dead" | "alive-follow-ups" | "alive-two-diagnoses" | "no-demographic" | "legacy-fields" | "not-reported" | "random";

export const SCENARIOS: ClinicalScenario[] = ["dead", "alive-follow-ups", "alive-two-diagnoses", "no-demographic", "legacy-fields", "not-reported"];

export interface FixtureClinical {
  scenario: ClinicalScenario;
  /** GDC /cases hit without case_id/submitter_id/project. */
  gdcCase: Record<string, unknown>;
  /** cBioPortal PATIENT attributes (values are strings, as the API sends them). */
  cbioAttributes: Record<string, string>;
  gdcTruth: Omit<PatientRecord, "id" | "collectionId" | "projectId" | "source" | "dataRelease">;
  cbioTruth: Omit<PatientRecord, "id" | "collectionId" | "projectId" | "source" | "dataRelease">;
}

export function clinicalFor(scenario: ClinicalScenario, rng: SeededRandom): FixtureClinical {
  const ageDays = rng.integer(40 * 365, 80 * 365);
  const sex = rng.pick(["male", "female"]);
  const deathDays = rng.integer(30, 900);
  const followUp = rng.integer(100, 1500);
  const diagnosis = { age_at_diagnosis: ageDays, days_to_last_follow_up: null as number | null, ajcc_pathologic_stage: "Stage IIA", primary_diagnosis: "Glioblastoma", tumor_grade: "Not Reported" };
  switch (scenario === "random" ? rng.pick<ClinicalScenario>(["dead", "alive-follow-ups"]) : scenario) {
    case "dead":
      return build(scenario, {
        demographic: { vital_status: "Dead", days_to_death: deathDays, sex_at_birth: sex, age_at_index: Math.floor(ageDays / 365.25) },
        diagnoses: [diagnosis],
        follow_ups: [{ days_to_follow_up: Math.max(0, deathDays - 40) }],
      }, { sex, ageDays, stage: "Stage IIA", diagnosis: "Glioblastoma", vital: "Dead", days: deathDays });
    case "alive-follow-ups":
      return build(scenario, {
        demographic: { vital_status: "Alive", sex_at_birth: sex, age_at_index: Math.floor(ageDays / 365.25) },
        diagnoses: [{ ...diagnosis, days_to_last_follow_up: followUp }],
        follow_ups: [{ days_to_follow_up: followUp + 55 }, { days_to_follow_up: 10 }, { days_to_follow_up: null }],
      }, { sex, ageDays, stage: "Stage IIA", diagnosis: "Glioblastoma", vital: "Alive", days: followUp + 55 });
    case "alive-two-diagnoses":
      // The earliest diagnosis (smallest age_at_diagnosis) is the primary one.
      return build(scenario, {
        demographic: { vital_status: "Alive", sex_at_birth: sex },
        diagnoses: [
          { ...diagnosis, age_at_diagnosis: ageDays + 700, days_to_last_follow_up: followUp, ajcc_pathologic_stage: "Stage IIIB" },
          { ...diagnosis, days_to_last_follow_up: followUp + 700, ajcc_pathologic_stage: "Stage I", primary_diagnosis: "Astrocytoma, NOS" },
        ],
        follow_ups: [],
      }, { sex, ageDays, stage: "Stage I", diagnosis: "Astrocytoma, NOS", vital: "Alive", days: followUp + 700 });
    case "no-demographic":
      return build(scenario, { diagnoses: [{ primary_diagnosis: "Glioblastoma", ajcc_pathologic_stage: "Not Reported" }] },
        { sex: null, ageDays: null, stage: null, diagnosis: "Glioblastoma", vital: null, days: null });
    case "legacy-fields":
      // gender instead of sex_at_birth; days_to_death on the diagnosis (older dictionaries).
      return build(scenario, {
        demographic: { vital_status: "Dead", gender: sex },
        diagnoses: [{ ...diagnosis, days_to_death: deathDays }],
      }, { sex, ageDays, stage: "Stage IIA", diagnosis: "Glioblastoma", vital: "Dead", days: deathDays, legacyStatus: true });
    case "not-reported":
      return build(scenario, {
        demographic: { vital_status: "Not Reported", sex_at_birth: sex, age_at_index: 61 },
        diagnoses: [{ ...diagnosis, age_at_diagnosis: null, ajcc_pathologic_stage: null }],
        follow_ups: [{ days_to_follow_up: followUp }],
      }, { sex, ageDays: 61 * 365.25, stage: null, diagnosis: "Glioblastoma", vital: null, days: null });
    default:
      throw new Error(`unreachable scenario ${scenario}`);
  }
}

interface Facts {
  sex: string | null;
  ageDays: number | null;
  stage: string | null;
  diagnosis: string | null;
  vital: "Alive" | "Dead" | null;
  days: number | null;
  legacyStatus?: boolean;
}

function build(scenario: ClinicalScenario, gdcCase: Record<string, unknown>, facts: Facts): FixtureClinical {
  const months = facts.days === null ? null : round(facts.days / DAYS_PER_MONTH, 2);
  const gdcTruth = {
    sex: facts.sex,
    ageAtDiagnosisYears: facts.ageDays === null ? null : facts.ageDays / 365.25,
    vitalStatus: facts.vital,
    stage: facts.stage,
    primaryDiagnosis: facts.diagnosis,
    overallSurvivalDays: facts.days,
    overallSurvivalEvent: facts.vital === null ? null : facts.vital === "Dead",
  };
  const cbioAttributes: Record<string, string> = {};
  if (facts.sex) cbioAttributes.SEX = facts.sex === "male" ? "Male" : "Female";
  if (facts.ageDays !== null) cbioAttributes.AGE = String(Math.floor(facts.ageDays / 365.25));
  if (facts.stage) cbioAttributes.AJCC_PATHOLOGIC_TUMOR_STAGE = facts.stage;
  if (facts.vital && months !== null) {
    const status = facts.vital === "Dead" ? "1:DECEASED" : "0:LIVING";
    cbioAttributes.OS_STATUS = facts.legacyStatus ? status.slice(2) : status;
    cbioAttributes.OS_MONTHS = String(months);
  }
  const cbioTruth = {
    sex: cbioAttributes.SEX ?? null,
    ageAtDiagnosisYears: cbioAttributes.AGE === undefined ? null : Number(cbioAttributes.AGE),
    vitalStatus: cbioAttributes.OS_STATUS ? facts.vital : null,
    stage: facts.stage,
    primaryDiagnosis: null,
    overallSurvivalDays: months === null || !cbioAttributes.OS_STATUS ? null : months * DAYS_PER_MONTH,
    overallSurvivalEvent: cbioAttributes.OS_STATUS ? facts.vital === "Dead" : null,
  };
  return { scenario, gdcCase, cbioAttributes, gdcTruth, cbioTruth };
}
