// STAR-Counts files of given cases (reference §1.6) and the one primary-tumour file kept per patient.
import { isPrimaryTumourSample, patientBarcodeOf } from "../genomics/tcga-barcode.js";
import { listAt, stringAt } from "../genomics/json-readers.js";
import { allOf, fieldEquals, fieldIn, type GdcFilter } from "./gdc-filters.js";

export const GDC_FILE_FIELDS = [
  "file_id", "file_name", "data_type", "analysis.workflow_type",
  "cases.case_id", "cases.submitter_id", "cases.project.project_id",
  "cases.samples.submitter_id", "cases.samples.sample_type",
] as const;

export function starCountsFilter(patientIds: readonly string[]): GdcFilter {
  return allOf(
    fieldIn("cases.submitter_id", patientIds),
    fieldEquals("files.data_type", "Gene Expression Quantification"),
    fieldEquals("files.analysis.workflow_type", "STAR - Counts"),
    fieldEquals("files.access", "open"),
  );
}

export interface GdcExpressionFile {
  fileId: string;
  fileName: string | null;
  patientId: string;
  caseId: string | null;
  sampleId: string | null;
  sampleType: string | null;
}

export function expressionFileOf(hit: Record<string, unknown>): GdcExpressionFile | null {
  const fileId = stringAt(hit, "file_id");
  const theCase = listAt(hit, "cases")[0];
  const barcode = stringAt(theCase, "submitter_id");
  if (fileId === null || barcode === null) return null;
  const sample = listAt(theCase, "samples")[0];
  return {
    fileId,
    fileName: stringAt(hit, "file_name"),
    patientId: patientBarcodeOf(barcode),
    caseId: stringAt(theCase, "case_id"),
    sampleId: stringAt(sample, "submitter_id"),
    sampleType: stringAt(sample, "sample_type"),
  };
}

/** One file per patient: primary tumour only (sample_type "Primary Tumor" or barcode code 01); with
 * several (aliquots, vials), the lowest sample barcode, then the lowest file id. */
export function primaryTumourFiles(files: readonly GdcExpressionFile[]): Map<string, GdcExpressionFile> {
  const chosen = new Map<string, GdcExpressionFile>();
  const ordered = files.filter(isPrimaryTumourFile).sort((a, b) => compare(a.sampleId ?? "", b.sampleId ?? "") || compare(a.fileId, b.fileId));
  for (const file of ordered) if (!chosen.has(file.patientId)) chosen.set(file.patientId, file);
  return chosen;
}

function isPrimaryTumourFile(file: GdcExpressionFile): boolean {
  if (file.sampleType !== null) return file.sampleType === "Primary Tumor";
  return file.sampleId !== null && isPrimaryTumourSample(file.sampleId);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

