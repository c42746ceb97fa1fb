// Generated images for the demo cohort's lesions, so `npm start` can compute real IBSI features on
// demand without a DICOMweb server: an ellipsoidal tumour in tissue, whose texture heterogeneity
// follows the patient's hidden hypoxia activity (the demo's planted radiogenomic link).
import { SeededRandom } from "../../compute/seeded-random.js";
import { AXIAL, type Geometry } from "../../compute/image/volume.js";
import type { Lesion } from "../../graph-model/model/records.js";
import type { LesionImage, LesionImageSource } from "../features/lesion-image-source.js";
import { demoHypoxiaActivity, type CohortRecords } from "./demo-cohort.js";
import { demoScannerOffset } from "./demo-scanner-effect.js";

const SIZE = [40, 40, 16] as const;
const SPACING = [0.9, 0.9, 2.5] as const;

export class DemoLesionImages implements LesionImageSource {
  private readonly patientOfLesion = new Map<string, { patientId: string; modality: string; offset: number }>();

  constructor(cohort: CohortRecords) {
    const studyPatient = new Map(cohort.studies.map((s) => [s.uid, s.patientId]));
    const series = new Map(cohort.series.map((s) => [s.uid, s]));
    for (const lesion of cohort.lesions) {
      const s = series.get(lesion.seriesUid)!;
      this.patientOfLesion.set(lesion.id, { patientId: studyPatient.get(s.studyUid)!, modality: s.modality ?? "CT", offset: demoScannerOffset(s) });
    }
  }

  serves(lesion: Lesion): boolean {
    return lesion.source === "demo" && this.patientOfLesion.has(lesion.id);
  }

  async load(lesion: Lesion): Promise<LesionImage> {
    const { patientId, modality, offset } = this.patientOfLesion.get(lesion.id)!;
    return { ...demoLesionImage(lesion.id, demoHypoxiaActivity(patientId), modality, offset), source: "demo generator v1" };
  }
}

function seedOf(text: string): number {
  let seed = 2166136261;
  for (const char of text) seed = Math.imul(seed ^ char.charCodeAt(0), 16777619);
  return seed >>> 0;
}

/** A demo lesion's image: the grid, the tumour's semi-axes (mm, about the grid's centre) and the arrays. */
export interface DemoLesionPhantom {
  readonly geometry: Geometry;
  readonly radii: readonly [number, number, number];
  readonly volume: LesionImage["volume"];
  readonly mask: LesionImage["mask"];
}

/** Tissue around an ellipsoid; inside, intensity noise grows with the activity (heterogeneous tumour). */
export function demoLesionImage(lesionId: string, activity: number, modality: string, scannerOffset = 0): Omit<LesionImage, "source"> {
  const { volume, mask } = demoLesionPhantom(lesionId, activity, modality, scannerOffset);
  return { volume, mask };
}

/** The same image with the tumour's shape, for writing it as DICOM (ingest/demo/dicom/demo-dicom-files.ts). */
/** `scannerOffset` is added to every voxel (demo-scanner-effect.ts). */
export function demoLesionPhantom(lesionId: string, activity: number, modality: string, scannerOffset = 0): DemoLesionPhantom {
  const rng = new SeededRandom(seedOf(lesionId));
  const geometry: Geometry = { size: SIZE, spacing: SPACING, origin: [-18, -18, -20], direction: AXIAL };
  const [nx, ny, nz] = SIZE;
  const radii = [6 + 4 * rng.next(), 5 + 4 * rng.next(), 5 + 3 * rng.next()] as const;
  const [tissue, tumour] = modality === "MR" ? [300, 650] : [30, 60];
  const spread = (modality === "MR" ? 60 : 12) * Math.exp(0.5 * activity);
  const data = new Float32Array(nx * ny * nz);
  const mask = new Uint8Array(nx * ny * nz);
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) {
        const index = i + nx * (j + ny * k);
        const d = ((i - nx / 2) * SPACING[0]) ** 2 / radii[0] ** 2 + ((j - ny / 2) * SPACING[1]) ** 2 / radii[1] ** 2 + ((k - nz / 2) * SPACING[2]) ** 2 / radii[2] ** 2;
        const inside = d <= 1;
        mask[index] = inside ? 1 : 0;
        data[index] = Math.round(inside ? rng.normal(tumour, spread) : rng.normal(tissue, modality === "MR" ? 40 : 8)) + scannerOffset;
      }
  return { geometry, radii, volume: { geometry, data }, mask: { geometry, data: mask } };
}
