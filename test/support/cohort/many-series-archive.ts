// A cohort of many tiny series (4×4 slices, one by default) for paging tests: `patients` patients × one study
// × `seriesPerStudy` series, barcodes TCGA-PG-<prefix><nnn>, seeded so the UIDs are the same every run.
import { imageSeries, type StudyContext } from "./image-series.js";
import { seededRandom, seededUid } from "./seeded-random.js";
import { seriesGeometry } from "./series-geometry.js";
import { stowInstances } from "../dicomweb-stow.js";

export interface ManySeriesTruth {
  readonly patientIds: string[];
  /** seriesUid → its study UID and patient. */
  readonly series: Map<string, { studyUid: string; patientId: string; modality: "CT" | "MR" }>;
  readonly files: Uint8Array[];
}

export function manySeriesCohort(seed: number, prefix: string, patients: number, seriesPerStudy: number, slices = 1): ManySeriesTruth {
  const geometry = seriesGeometry({ rows: 4, columns: 4, pixelSpacing: [1, 1], rowDirection: [1, 0, 0], columnDirection: [0, 1, 0], origin: [0, 0, 0], sliceSpacing: 1, sliceCount: slices });
  const truth: ManySeriesTruth = { patientIds: [], series: new Map(), files: [] };
  for (let p = 0; p < patients; p++) {
    const patientId = `TCGA-PG-${prefix}${String(p).padStart(3, "0")}`;
    const context: StudyContext = {
      seed, patientId, studyUid: seededUid(seed, `${patientId}/study`), studyDate: "20200101",
      studyDescription: "paging study", frameOfReferenceUid: seededUid(seed, `${patientId}/frame`),
    };
    truth.patientIds.push(patientId);
    for (let s = 0; s < seriesPerStudy; s++) {
      const modality = s % 2 === 0 ? "CT" : "MR";
      const series = imageSeries(context, {
        name: `${patientId}/series/${s}`, modality, seriesNumber: s + 1, description: `series ${s}`, bodyPart: "CHEST",
        geometry, sliceThickness: 1, rescaleSlope: 1, rescaleIntercept: 0, acquisition: {},
        intensity: () => 10, random: seededRandom(seed + p),
      });
      truth.series.set(series.seriesUid, { studyUid: context.studyUid, patientId, modality });
      truth.files.push(...series.files);
    }
  }
  return truth;
}

/** STOW-RS in batches (Orthanc keeps the first copy of a re-sent instance, so seeding twice is harmless). */
export async function seedManySeries(dicomwebUrl: string, truth: ManySeriesTruth, batch = 60): Promise<void> {
  for (let i = 0; i < truth.files.length; i += batch) await stowInstances(dicomwebUrl, truth.files.slice(i, i + batch));
}
