// bench/scale's synthetic cohort as real DICOM: per patient one CT series (1 mm voxels, a cube of
// `grid`³) with a sphere of about `voxels` voxels, HU N(40, 15) inside and N(-20, 10) outside (as
// sphere-case.ts), and its DICOM SEG. Seeded: the same arguments give the same files, byte for byte.
import type { Vec3 } from "../compute/image/volume.js";
import { imageSeries, type StudyContext } from "../ingest/demo/dicom/image-series.js";
import { segSegmentation } from "../ingest/demo/dicom/segmentation-seg.js";
import { seededRandom, seededUid } from "../ingest/demo/dicom/seeded-random.js";
import { seriesGeometry } from "../ingest/demo/dicom/series-geometry.js";
import { sphere } from "../ingest/demo/dicom/shapes.js";

export interface ScaleCohort {
  readonly collectionId: string;
  readonly patientIds: string[];
  readonly files: Uint8Array[];
  /** Voxels in each sphere (the same for every lesion). */
  readonly roiVoxels: number;
}

/** A standard normal from two uniforms (Box–Muller). */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export function scaleCohort(collectionId: string, patients: number, voxels = 10_000): ScaleCohort {
  const radius = Math.cbrt((3 * voxels) / (4 * Math.PI));
  const grid = Math.ceil(2 * radius * 1.2) + 2;
  const centre = (grid - 1) / 2;
  const geometry = seriesGeometry({
    rows: grid, columns: grid, pixelSpacing: [1, 1], rowDirection: [1, 0, 0], columnDirection: [0, 1, 0],
    origin: [-centre, -centre, -centre], sliceSpacing: 1, sliceCount: grid,
  });
  const inside = (p: Vec3) => p[0] ** 2 + p[1] ** 2 + p[2] ** 2 <= radius * radius;
  let roiVoxels = 0;
  for (let k = 0; k < grid; k++) for (let j = 0; j < grid; j++) for (let i = 0; i < grid; i++) if (inside([i - centre, j - centre, k - centre])) roiVoxels++;
  const cohort: ScaleCohort = { collectionId, patientIds: [], files: [], roiVoxels };
  const seed = 17_2026;
  for (let p = 0; p < patients; p++) {
    const patientId = `TCGA-SC-${collectionId.split("-").pop()}-${String(p).padStart(4, "0")}`;
    const context: StudyContext = {
      seed, patientId, studyUid: seededUid(seed, `${collectionId}/${patientId}/study`), studyDate: "20200101",
      studyDescription: "scale bench study", frameOfReferenceUid: seededUid(seed, `${collectionId}/${patientId}/frame`),
    };
    const ct = imageSeries(context, {
      name: `${collectionId}/${patientId}/ct`, modality: "CT", seriesNumber: 1, description: "scale bench CT", bodyPart: "CHEST",
      geometry, sliceThickness: 1, rescaleSlope: 1, rescaleIntercept: -1024, acquisition: { Manufacturer: "radiogenomics bench" },
      intensity: (point, random) => Math.round(inside(point) ? 40 + 15 * normal(random) : -20 + 10 * normal(random)),
      random: seededRandom(seed + p),
    });
    const seg = segSegmentation(`${collectionId}/${patientId}/seg`, 2, ct, [sphere("Tumour", [0, 0, 0], radius)]);
    cohort.patientIds.push(patientId);
    cohort.files.push(...ct.files, seg.file);
  }
  return cohort;
}
