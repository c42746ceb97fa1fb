// What to read from an imaging archive. A collection is given as its patients' barcodes: IDC's
// DICOMweb (Google Healthcare) has no collection attribute to search on, and IDC's documented route
// from a collection to its patients is its index (idc-index / BigQuery), not QIDO-RS.

export interface ImagingQuery {
  /** DICOM PatientIDs (TCGA barcodes, e.g. TCGA-02-0003); all patients when absent. */
  readonly patientIds?: readonly string[];
  /** Collection the patients belong to (e.g. TCGA-GBM); when set, PatientRecords are yielded with it. */
  readonly collectionId?: string;
  /** StudyDate as QIDO-RS matches it: "YYYYMMDD", or a range "YYYYMMDD-YYYYMMDD" (either end may be left open). */
  readonly studyDate?: string;
  /** Image-series modalities to keep (e.g. ["CT", "MR"]); SEG and RTSTRUCT on kept series are always read. */
  readonly modalities?: readonly string[];
}

/** Modalities that are not image stacks: segmentations are read as lesions, the rest are skipped. */
export const SEGMENTATION_MODALITIES = ["SEG", "RTSTRUCT"] as const;
const NON_IMAGE_MODALITIES = new Set(["SEG", "RTSTRUCT", "SR", "PR", "KO", "REG", "RTPLAN", "RTDOSE", "RTRECORD", "DOC", "OT"]);

export function isImageModality(modality: string | undefined): boolean {
  return modality !== undefined && !NON_IMAGE_MODALITIES.has(modality);
}

export function isSegmentationModality(modality: string | undefined): modality is (typeof SEGMENTATION_MODALITIES)[number] {
  return modality === "SEG" || modality === "RTSTRUCT";
}

export function keepsModality(query: ImagingQuery, modality: string | undefined): boolean {
  return !query.modalities || query.modalities.length === 0 || (modality !== undefined && query.modalities.includes(modality));
}

const DATE_OR_RANGE = /^(\d{8})?(-(\d{8})?)?$/;

export function requireValidStudyDate(studyDate: string | undefined): void {
  if (studyDate !== undefined && (studyDate === "" || studyDate === "-" || !DATE_OR_RANGE.test(studyDate))) {
    throw new Error(`StudyDate '${studyDate}' is not YYYYMMDD or a range YYYYMMDD-YYYYMMDD`);
  }
}

/** Whether a YYYYMMDD date lies in the query's date or range (used where the archive cannot filter). */
export function matchesStudyDate(query: ImagingQuery, date: string | undefined): boolean {
  if (!query.studyDate) return true;
  if (!date) return false;
  const [from, to] = query.studyDate.includes("-") ? query.studyDate.split("-") : [query.studyDate, query.studyDate];
  return (!from || date >= from) && (!to || date <= to);
}
