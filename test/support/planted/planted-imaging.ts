// The imaging side of the planted association: per patient one small CT with one SEG-segmented
// ellipsoidal lesion. Inside the lesion, voxel values scatter around 40 HU with an SD that rises with
// the patient's latent (the planted heterogeneity); the lesion's size and shape are drawn independently
// of the latent (so mask-only morphology features are null features).
import { seededRandom, seededUid } from "../cohort/seeded-random.js";
import { imageSeries, type StudyContext } from "../cohort/image-series.js";
import { segSegmentation } from "../cohort/segmentation-seg.js";
import { seriesGeometry } from "../cohort/series-geometry.js";
import { ellipsoid, shapeContains } from "../cohort/shapes.js";
import type { CohortFile } from "../cohort/synthetic-cohort.js";
import { HETEROGENEITY, type PlantedPlan } from "./planted-plan.js";

export interface PlantedImaging {
  readonly files: readonly CohortFile[];
  /** barcode → the SD (HU) the lesion's values were drawn with. */
  readonly lesionSdHu: ReadonlyMap<string, number>;
}

/** A standard normal from a uniform source (Box–Muller). */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(Math.max(random(), Number.EPSILON))) * Math.cos(2 * Math.PI * random());
}

function patientFiles(plan: PlantedPlan, barcode: string, index: number): { files: CohortFile[]; sd: number } {
  const seed = plan.seed * 1000 + index;
  const random = seededRandom(seed);
  const context: StudyContext = {
    seed, patientId: barcode, studyUid: seededUid(seed, `${barcode}/study`), studyDate: "20220301",
    studyDescription: "CT planted cohort", frameOfReferenceUid: seededUid(seed, `${barcode}/frame`),
  };
  const geometry = seriesGeometry({ rows: 24, columns: 24, pixelSpacing: [0.9, 0.9], rowDirection: [1, 0, 0], columnDirection: [0, 1, 0], origin: [-10.35, -10.35, -9], sliceSpacing: 2, sliceCount: 10 });
  const size = () => 3.5 + 3 * random(); // semi-axes 3.5–6.5 mm, independent of the latent
  const lesion = ellipsoid("Tumour", [0.2, -0.3, 0.1], [size(), size(), size()]);
  const sd = HETEROGENEITY.baseSdHu * Math.exp(HETEROGENEITY.slope * plan.latent.get(barcode)!);
  const ct = imageSeries(context, {
    name: `${barcode}/ct`, modality: "CT", seriesNumber: 1, description: "planted CT", bodyPart: "CHEST", geometry, sliceThickness: 2,
    rescaleSlope: 1, rescaleIntercept: -1024,
    acquisition: { Manufacturer: "SIEMENS", ManufacturerModelName: "SOMATOM", ConvolutionKernel: "B30f", KVP: 120 },
    intensity: (point, r) => (shapeContains(lesion, geometry, point) ? 40 + sd * normal(r) : -20 + 10 * r()),
    random,
  });
  const seg = segSegmentation(`${barcode}/seg`, 100, ct, [lesion]);
  const dir = `${barcode}/${context.studyUid}`;
  return {
    sd,
    files: [
      ...ct.files.map((bytes, k) => ({ path: `${dir}/${ct.seriesUid}/${ct.sopInstanceUids[k]}.dcm`, bytes })),
      { path: `${dir}/${seg.seriesUid}/${seg.sopInstanceUid}.dcm`, bytes: seg.file },
    ],
  };
}

export function plantedImaging(plan: PlantedPlan): PlantedImaging {
  const made = plan.barcodes.map((barcode, i) => [barcode, patientFiles(plan, barcode, i)] as const);
  return { files: made.flatMap(([, m]) => m.files), lesionSdHu: new Map(made.map(([b, m]) => [b, m.sd])) };
}
