// A one-series CT study with one spherical lesion, for tests that transform the files (compression,
// multi-frame) and need a patient of their own (barcode TCGA-SY-09xx) outside the main cohort.
import { imageSeries, type StudyContext, type SyntheticImageSeries } from "./image-series.js";
import { seededRandom, seededUid } from "./seeded-random.js";
import { seriesGeometry } from "./series-geometry.js";
import { shapeContains, sphere, type LesionShape } from "./shapes.js";

export interface MiniStudy {
  readonly context: StudyContext;
  readonly ct: SyntheticImageSeries;
  readonly lesion: LesionShape;
}

export function miniCtStudy(seed: number, patientId: string): MiniStudy {
  const context: StudyContext = {
    seed,
    patientId,
    studyUid: seededUid(seed, `${patientId}/study`),
    studyDate: "20210405",
    studyDescription: "CT mini study",
    frameOfReferenceUid: seededUid(seed, `${patientId}/frame`),
  };
  const geometry = seriesGeometry({
    rows: 24,
    columns: 24,
    pixelSpacing: [0.9, 0.9],
    rowDirection: [1, 0, 0],
    columnDirection: [0, 1, 0],
    origin: [-10.35, -10.35, -9],
    sliceSpacing: 2,
    sliceCount: 10,
  });
  const lesion = sphere("Mini lesion", [0.4, -0.3, 0.2], 5);
  const ct = imageSeries(context, {
    name: `${patientId}/ct`,
    modality: "CT",
    seriesNumber: 1,
    description: "mini CT",
    bodyPart: "CHEST",
    geometry,
    sliceThickness: 2,
    rescaleSlope: 1,
    rescaleIntercept: -1024,
    acquisition: { Manufacturer: "TOSHIBA", ManufacturerModelName: "Aquilion", ConvolutionKernel: "FC13", KVP: 120 },
    intensity: (point, random) => (shapeContains(lesion, geometry, point) ? 60 : -20) + Math.round(random() * 10),
    random: seededRandom(seed),
  });
  return { context, ct, lesion };
}
