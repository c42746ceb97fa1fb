// A patient's further clinical / molecular attributes as ingest stores them on Patient.clinicalAttributes:
// name → { value, source, dataRelease } (BRIEF contract). `source` names the source and its dataset
// ("cBioPortal brca_tcga_pan_can_atlas_2018", "GDC TCGA-BRCA"): a re-ingest replaces exactly its entries.
export type ClinicalValue = string | number | boolean;

export interface ClinicalAttributeEntry {
  value: ClinicalValue;
  source: string;
  dataRelease: string | null;
  /** Set when the value was read from a sample (the primary tumour's), not the patient. */
  sampleId?: string;
}

export type ClinicalAttributes = Record<string, ClinicalAttributeEntry>;

/** Progression-free survival names shared with the survival analyses (BRIEF contract). */
export const PFS_DAYS = "progressionFreeSurvivalDays";
export const PFS_EVENT = "progressionFreeSurvivalEvent";

/** The name an attribute is stored under when another source already holds its plain name. */
export function qualifiedName(name: string, source: string): string {
  return `${name} [${source}]`;
}
