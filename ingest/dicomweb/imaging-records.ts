// Normalized graph records (graph-model) from what the archive returned.
import type { PatientRecord, SeriesRecord, StudyRecord } from "../../graph-model/model/records.js";
import type { ImageInstance } from "../../compute/image/dicom-instance.js";
import type { SeriesSummary } from "../../compute/image/series-summary.js";
import type { DicomArchive, SeriesLocator, StudyEntry } from "./dicom-archive.js";

/** Just the barcode and its collection: the patient's own properties and provenance belong to the clinical source (GDC). */
export function patientRecord(patientId: string, collectionId: string): PatientRecord {
  return { id: patientId, collectionId };
}

export function studyRecord(study: StudyEntry & { patientId: string }, archive: DicomArchive): StudyRecord {
  return {
    uid: study.studyUid,
    patientId: study.patientId,
    date: isoDate(study.studyDate),
    description: study.description ?? null,
    ...provenance(archive),
  };
}

/** The series record: geometry and acquisition parameters from the summary, descriptive tags from the first slice. */
export function seriesRecord(locator: SeriesLocator, summary: SeriesSummary, first: ImageInstance, archive: DicomArchive): SeriesRecord {
  const { acquisition } = summary;
  return {
    uid: summary.seriesInstanceUID,
    studyUid: locator.studyUid,
    modality: summary.modality ?? null,
    description: first.seriesDescription ?? null,
    bodyPart: first.bodyPartExamined ?? null,
    frameOfReferenceUid: summary.frameOfReferenceUID ?? null,
    rows: summary.rows,
    columns: summary.columns,
    sliceCount: summary.sliceCount,
    sliceThickness: summary.sliceThickness ?? null,
    spacingBetweenSlices: summary.sliceSpacing ?? null,
    pixelSpacing: [...summary.pixelSpacing],
    convolutionKernel: acquisition.convolutionKernel ?? null,
    manufacturer: acquisition.manufacturer ?? null,
    manufacturerModel: acquisition.manufacturerModelName ?? null,
    kvp: acquisition.kvp ?? null,
    magneticFieldStrength: acquisition.magneticFieldStrength ?? null,
    sequenceName: acquisition.sequenceName ?? acquisition.scanningSequence ?? null,
    contrastAgent: acquisition.contrastBolusAgent ?? "",
    retrieveUrl: archive.seriesUrl(locator) ?? null,
    ...provenance(archive),
  };
}

export function provenance(archive: DicomArchive): { source: string; dataRelease: string | null } {
  return { source: archive.source, dataRelease: archive.dataRelease ?? null };
}

/** DICOM DA (YYYYMMDD) → YYYY-MM-DD; null when absent or malformed. */
export function isoDate(date: string | undefined): string | null {
  const match = date?.match(/^(\d{4})(\d{2})(\d{2})$/);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}
