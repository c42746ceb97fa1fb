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

function clip(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
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

/**
 * Tumour intensities lie within ±DEMO_TUMOUR_WINDOW_SD spreads of the tumour mean (a normal clipped there).
 * Fixed-bin-number discretisation bins each ROI between its own minimum and maximum; unclipped, those are the
 * realised extremes of ~300–1500 draws, a per-lesion random number that moves every texture feature at once,
 * and one chance correlation of it with a null pathway became ~100 "discoveries". Clipped, nearly every lesion
 * reaches both bounds (P(a side misses) < 1e-3 for 300 voxels), so its range is 4 spreads wide in every lesion.
 */
export const DEMO_TUMOUR_WINDOW_SD = 2;

/**
 * log of the tumour's intensity spread per unit of hidden hypoxia activity (the planted link). 1.0, not the
 * earlier 0.5: at 0.5 and 20 lesions the planted dispersion ↔ DEMO_HYPOXIA links (rho ≈ 0.7) passed BH only
 * because the accidental flood of texture "discoveries" loosened its threshold; once that flood is gone,
 * 672 tests need rho ≳ 0.8.
 */
export const DEMO_HETEROGENEITY_PER_ACTIVITY = 1.0;

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
  const spread = (modality === "MR" ? 60 : 12) * Math.exp(DEMO_HETEROGENEITY_PER_ACTIVITY * activity);
  const data = new Float32Array(nx * ny * nz);
  const mask = new Uint8Array(nx * ny * nz);
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) {
        const index = i + nx * (j + ny * k);
        const d = ((i - nx / 2) * SPACING[0]) ** 2 / radii[0] ** 2 + ((j - ny / 2) * SPACING[1]) ** 2 / radii[1] ** 2 + ((k - nz / 2) * SPACING[2]) ** 2 / radii[2] ** 2;
        const inside = d <= 1;
        mask[index] = inside ? 1 : 0;
        const value = inside ? clip(rng.normal(tumour, spread), tumour - DEMO_TUMOUR_WINDOW_SD * spread, tumour + DEMO_TUMOUR_WINDOW_SD * spread) : rng.normal(tissue, modality === "MR" ? 40 : 8);
        data[index] = Math.round(value) + scannerOffset;
      }
  return { geometry, radii, volume: { geometry, data }, mask: { geometry, data: mask } };
}
