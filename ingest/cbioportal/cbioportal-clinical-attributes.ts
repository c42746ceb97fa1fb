// Every clinical attribute a cBioPortal study serves, per patient, typed by the attribute's datatype
// (GET /studies/{id}/clinical-attributes: NUMBER | STRING | BOOLEAN; values arrive as strings,
// reference §2.5). Patient-level rows are kept as they are. Sample-level rows (SUBTYPE, TMB, … in some
// studies) are read from the patient's primary-tumour sample (barcode type 01; the first by sample id
// when there are several) and put onto the patient with that sampleId; a patient-level attribute of the
// same name wins. PFS_MONTHS / PFS_STATUS also give the shared progressionFreeSurvivalDays / Event.
import { isPrimaryTumourSample } from "../genomics/tcga-barcode.js";
import { patientBarcodeOf } from "../genomics/tcga-barcode.js";
import { stringAt } from "../genomics/json-readers.js";
import { PFS_DAYS, PFS_EVENT, type ClinicalAttributes, type ClinicalValue } from "../clinical/clinical-attribute.js";
import { statusEvent } from "./cbioportal-status.js";

/** cBioPortal's month: 365.25 / 12 days (the same conversion as OS_MONTHS). */
export const DAYS_PER_MONTH = 365.25 / 12;

/** Sample bookkeeping, not a property of the tumour. */
const SAMPLE_BOOKKEEPING = new Set(["SAMPLE_ID", "PATIENT_ID", "OTHER_SAMPLE_ID", "OTHER_PATIENT_ID", "SAMPLE_TYPE", "SAMPLE_TYPE_ID", "IS_FFPE", "SOMATIC_STATUS"]);

export interface CbioClinicalAttributeMeta {
  datatype: string;
  patientAttribute: boolean;
}

export function attributeMetaOf(rows: readonly unknown[]): Map<string, CbioClinicalAttributeMeta> {
  const meta = new Map<string, CbioClinicalAttributeMeta>();
  for (const row of rows) {
    const id = stringAt(row, "clinicalAttributeId");
    if (id === null) continue;
    const patientAttribute = (row as Record<string, unknown>).patientAttribute;
    meta.set(id, { datatype: (stringAt(row, "datatype") ?? "STRING").toUpperCase(), patientAttribute: patientAttribute === true });
  }
  return meta;
}

/** A value typed by its attribute's datatype; null when a NUMBER / BOOLEAN does not parse (left out). */
export function typedValue(text: string, datatype: string | undefined): ClinicalValue | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (datatype === "NUMBER") {
    const n = Number(trimmed);
    return Number.isFinite(n) ? n : null;
  }
  if (datatype === "BOOLEAN") {
    const lower = trimmed.toLowerCase();
    return lower === "true" || lower === "yes" ? true : lower === "false" || lower === "no" ? false : null;
  }
  return trimmed;
}

export interface CbioAttributeContext {
  source: string;
  dataRelease: string | null;
  meta: Map<string, CbioClinicalAttributeMeta>;
}

/** Patient barcode → attributes, from PATIENT rows and the primary-tumour sample's SAMPLE rows. */
export function cbioportalClinicalAttributes(patientRows: readonly unknown[], sampleRows: readonly unknown[], context: CbioAttributeContext): Map<string, ClinicalAttributes> {
  const out = new Map<string, ClinicalAttributes>();
  const entryOf = (attribute: string, text: string, sampleId?: string) => {
    const value = typedValue(text, context.meta.get(attribute)?.datatype);
    return value === null ? null : { value, source: context.source, dataRelease: context.dataRelease, ...(sampleId ? { sampleId } : {}) };
  };
  for (const row of patientRows) {
    const patientId = stringAt(row, "patientId");
    const attribute = stringAt(row, "clinicalAttributeId");
    const text = stringAt(row, "value");
    if (patientId === null || attribute === null || text === null) continue;
    const entry = entryOf(attribute, text);
    if (!entry) continue;
    const barcode = patientBarcodeOf(patientId);
    out.set(barcode, { ...(out.get(barcode) ?? {}), [attribute]: entry });
  }
  for (const [barcode, sample] of primarySampleRows(sampleRows)) {
    const attributes = out.get(barcode) ?? {};
    for (const [attribute, { sampleId, text }] of sample) {
      if (SAMPLE_BOOKKEEPING.has(attribute) || attribute in attributes) continue;
      const entry = entryOf(attribute, text, sampleId);
      if (entry) attributes[attribute] = entry;
    }
    out.set(barcode, attributes);
  }
  for (const attributes of out.values()) addProgressionFreeSurvival(attributes, context);
  return out;
}

/** Patient barcode → attribute → value of the patient's primary-tumour sample (lowest sample id). */
function primarySampleRows(rows: readonly unknown[]): Map<string, Map<string, { sampleId: string; text: string }>> {
  const byPatient = new Map<string, Map<string, { sampleId: string; text: string }>>();
  for (const row of rows) {
    const sampleId = stringAt(row, "sampleId");
    const attribute = stringAt(row, "clinicalAttributeId");
    const text = stringAt(row, "value");
    if (sampleId === null || attribute === null || text === null || !isPrimaryTumourSample(sampleId)) continue;
    const barcode = patientBarcodeOf(stringAt(row, "patientId") ?? sampleId);
    const attributes = byPatient.get(barcode) ?? new Map();
    const held = attributes.get(attribute);
    if (!held || sampleId < held.sampleId) attributes.set(attribute, { sampleId, text });
    byPatient.set(barcode, attributes);
  }
  return byPatient;
}

/** PFS_MONTHS × 365.25/12 days and PFS_STATUS (1:PROGRESSION / 0:CENSORED), only as a complete pair. */
function addProgressionFreeSurvival(attributes: ClinicalAttributes, context: CbioAttributeContext): void {
  const months = attributes.PFS_MONTHS?.value;
  const event = typeof attributes.PFS_STATUS?.value === "string" ? statusEvent(attributes.PFS_STATUS.value) : null;
  const monthsNumber = typeof months === "number" ? months : typeof months === "string" ? Number(months) : NaN;
  if (!Number.isFinite(monthsNumber) || monthsNumber < 0 || event === null) return;
  attributes[PFS_DAYS] = { value: monthsNumber * DAYS_PER_MONTH, source: context.source, dataRelease: context.dataRelease };
  attributes[PFS_EVENT] = { value: event, source: context.source, dataRelease: context.dataRelease };
}
