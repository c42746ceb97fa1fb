// A small TCGA-like imaging cohort with known answers: three patients (barcodes TCGA-SY-000n), an
// axial CT with anisotropic voxels and shuffled InstanceNumbers, an oblique MR, SEG and RTSTRUCT
// lesions (spheres, ellipsoids, shells with a hole), one corrupt instance and one SEG whose image
// series is missing. Deterministic for a given seed.
import type { Vec3 } from "../../../compute/image/volume.js";
import { seededRandom, seededUid } from "./seeded-random.js";
import { add, scale, seriesGeometry, type SeriesGeometry, type SeriesGeometrySpec } from "./series-geometry.js";
import { ellipsoid, shapeContains, shell, sphere, type LesionShape } from "./shapes.js";
import { imageSeries, type ImageSeriesSpec, type StudyContext, type SyntheticImageSeries } from "./image-series.js";
import { segSegmentation, type SyntheticSegmentation } from "./segmentation-seg.js";
import { rtStructSegmentation } from "./segmentation-rtstruct.js";
import type { LesionTruth } from "./lesion-truth.js";

export interface SyntheticStudy {
  readonly uid: string;
  readonly patientId: string;
  /** YYYYMMDD as in the files. */
  readonly date: string;
  readonly description: string;
  readonly imageSeries: readonly SyntheticImageSeries[];
  readonly segmentations: readonly SyntheticSegmentation[];
}

export interface SyntheticPatient {
  readonly id: string;
  readonly studies: readonly SyntheticStudy[];
}

export interface CohortFile {
  /** Relative path for a folder copy: patient/study/series/instance.dcm. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface SyntheticCohort {
  readonly seed: number;
  readonly collectionId: string;
  readonly patients: readonly SyntheticPatient[];
  /** Every file an archive should hold (the missing series is not among them). */
  readonly files: readonly CohortFile[];
  /** Lesions whose masks can be built, with their truth. */
  readonly lesions: readonly LesionTruth[];
  readonly corrupt: { readonly imageSeriesUid: string; readonly sopInstanceUid: string; readonly segmentationSeriesUid: string };
  readonly orphan: { readonly segmentationSeriesUid: string; readonly missingImageSeriesUid: string };
  imageSeries(uid: string): SyntheticImageSeries;
}

export const SYNTHETIC_COLLECTION = "TCGA-SYN";

export function syntheticCohort(seed = 20261129): SyntheticCohort {
  const random = seededRandom(seed);
  const patients = [axialCtPatient(seed, random), obliqueMrPatient(seed, random)];
  const broken = brokenCtPatient(seed, random);
  patients.push(broken.patient);
  const allSeries = patients.flatMap((p) => p.studies.flatMap((s) => s.imageSeries));
  const allSegmentations = patients.flatMap((p) => p.studies.flatMap((s) => s.segmentations));
  const failing = new Set([broken.corrupt.segmentationSeriesUid, broken.orphan.segmentationSeriesUid]);
  return {
    seed,
    collectionId: SYNTHETIC_COLLECTION,
    patients,
    files: patients.flatMap(patientFiles),
    lesions: allSegmentations.filter((seg) => !failing.has(seg.seriesUid)).flatMap((seg) => seg.lesions),
    corrupt: broken.corrupt,
    orphan: broken.orphan,
    imageSeries: (uid) => {
      const found = allSeries.find((series) => series.seriesUid === uid);
      if (!found) throw new Error(`no synthetic image series ${uid}`);
      return found;
    },
  };
}

function patientFiles(patient: SyntheticPatient): CohortFile[] {
  return patient.studies.flatMap((study) => [
    ...study.imageSeries.flatMap((series) =>
      series.files.map((bytes, k) => ({ path: `${patient.id}/${study.uid}/${series.seriesUid}/${series.sopInstanceUids[k]}.dcm`, bytes })),
    ),
    ...study.segmentations.map((seg) => ({ path: `${patient.id}/${study.uid}/${seg.seriesUid}/${seg.sopInstanceUid}.dcm`, bytes: seg.file })),
  ]);
}

function studyContext(seed: number, patientId: string, date: string, description: string): StudyContext {
  return {
    seed,
    patientId,
    studyUid: seededUid(seed, `${patientId}/study`),
    studyDate: date,
    studyDescription: description,
    frameOfReferenceUid: seededUid(seed, `${patientId}/frame-of-reference`),
  };
}

function study(context: StudyContext, imageSeries: SyntheticImageSeries[], segmentations: SyntheticSegmentation[]): SyntheticStudy {
  return { uid: context.studyUid, patientId: context.patientId, date: context.studyDate, description: context.studyDescription, imageSeries, segmentations };
}

/** Centre of the series' voxel box plus an offset along its row, column and normal axes. */
function inSeries(geometry: SeriesGeometry, offset: Vec3): Vec3 {
  const middle = add(
    geometry.origin,
    add(
      scale(geometry.rowDirection, ((geometry.columns - 1) / 2) * geometry.pixelSpacing[1]),
      add(scale(geometry.columnDirection, ((geometry.rows - 1) / 2) * geometry.pixelSpacing[0]), scale(geometry.normal, ((geometry.sliceCount - 1) / 2) * geometry.sliceSpacing)),
    ),
  );
  return add(middle, add(scale(geometry.rowDirection, offset[0]), add(scale(geometry.columnDirection, offset[1]), scale(geometry.normal, offset[2]))));
}

/** Background plus noise, a brighter value inside any lesion. */
function lesionIntensity(geometry: () => SeriesGeometry, shapes: () => readonly LesionShape[], background: number, lesion: number, noise: number) {
  return (point: Vec3, random: () => number) => {
    const inside = shapes().some((shape) => shapeContains(shape, geometry(), point));
    return (inside ? lesion : background) + Math.round((random() - 0.5) * 2 * noise);
  };
}

function axialGeometry(rows: number, columns: number, pixelSpacing: readonly [number, number], sliceSpacing: number, sliceCount: number): SeriesGeometry {
  const spec: SeriesGeometrySpec = {
    rows,
    columns,
    pixelSpacing,
    rowDirection: [1, 0, 0],
    columnDirection: [0, 1, 0],
    origin: [-((columns - 1) / 2) * pixelSpacing[1], -((rows - 1) / 2) * pixelSpacing[0], -((sliceCount - 1) / 2) * sliceSpacing],
    sliceSpacing,
    sliceCount,
  };
  return seriesGeometry(spec);
}

const CT_ACQUISITION = {
  Manufacturer: "SIEMENS",
  ManufacturerModelName: "SOMATOM Definition AS+",
  ConvolutionKernel: "B30f",
  KVP: 120,
  ContrastBolusAgent: "Omnipaque 350",
};

function axialCtPatient(seed: number, random: () => number): SyntheticPatient {
  const context = studyContext(seed, "TCGA-SY-0001", "20240115", "CT CHEST W CONTRAST");
  const geometry = axialGeometry(64, 64, [0.8, 0.7], 2.5, 30);
  const segShapes = [
    sphere("Tumour core", inSeries(geometry, [-9.3, -8.1, -4.7]), 8),
    ellipsoid("Oedema", inSeries(geometry, [8.2, 9.6, 3.1]), [11, 7, 14]),
  ];
  const rtShapes = [
    shell("Necrotic rim", inSeries(geometry, [0.4, -1.3, 6.2]), [12, 12, 15], [6, 6, 8]),
    sphere("Nodule", inSeries(geometry, [-12.1, 11.3, -18.4]), 6),
  ];
  const ct = imageSeries(context, {
    name: "TCGA-SY-0001/ct",
    modality: "CT",
    seriesNumber: 2,
    description: "Chest 2.5mm B30f",
    bodyPart: "CHEST",
    geometry,
    sliceThickness: 2.5,
    rescaleSlope: 1,
    rescaleIntercept: -1024,
    acquisition: CT_ACQUISITION,
    intensity: lesionIntensity(() => geometry, () => [...segShapes, ...rtShapes], 30, 80, 5),
    random,
    shuffleInstanceNumbers: true,
  });
  return {
    id: context.patientId,
    studies: [
      study(context, [ct], [segSegmentation("TCGA-SY-0001/seg", 100, ct, segShapes), rtStructSegmentation("TCGA-SY-0001/rtstruct", 101, ct, rtShapes, { offGridContourRois: [1] })]),
    ],
  };
}

/** The axial axes rotated by `a` about z, then `b` about x. */
function obliqueDirections(a: number, b: number): { rowDirection: Vec3; columnDirection: Vec3 } {
  const rotate = (v: Vec3): Vec3 => {
    const z: Vec3 = [v[0] * Math.cos(a) - v[1] * Math.sin(a), v[0] * Math.sin(a) + v[1] * Math.cos(a), v[2]];
    return [z[0], z[1] * Math.cos(b) - z[2] * Math.sin(b), z[1] * Math.sin(b) + z[2] * Math.cos(b)];
  };
  return { rowDirection: rotate([1, 0, 0]), columnDirection: rotate([0, 1, 0]) };
}

function obliqueMrPatient(seed: number, random: () => number): SyntheticPatient {
  const context = studyContext(seed, "TCGA-SY-0002", "20230620", "MRI BRAIN W/WO CONTRAST");
  const { rowDirection, columnDirection } = obliqueDirections(0.35, 0.25);
  const geometry = seriesGeometry({
    rows: 48,
    columns: 48,
    pixelSpacing: [1.1, 0.9],
    rowDirection,
    columnDirection,
    origin: [-21.7, -24.3, -30.1],
    sliceSpacing: 3,
    sliceCount: 24,
  });
  const segShapes = [
    ellipsoid("Enhancing tumour", inSeries(geometry, [-5.3, 4.2, -3.7]), [9, 6, 12]),
    sphere("Necrosis", inSeries(geometry, [7.1, -8.4, 6.3]), 5),
    shell("Ring enhancement", inSeries(geometry, [-6.2, -9.1, 8.4]), [7, 7, 9], [3.5, 3.5, 4.5]),
  ];
  const rtShapes = [shell("Cyst wall", inSeries(geometry, [3.3, -1.9, 2.2]), [10, 10, 13], [5, 5, 7])];
  const mr: ImageSeriesSpec = {
    name: "TCGA-SY-0002/mr",
    modality: "MR",
    seriesNumber: 5,
    description: "AX T1 POST GD oblique",
    bodyPart: "BRAIN",
    geometry,
    sliceThickness: 3,
    rescaleSlope: 0.5,
    rescaleIntercept: 10,
    acquisition: {
      Manufacturer: "GE MEDICAL SYSTEMS",
      ManufacturerModelName: "SIGNA HDxt",
      MagneticFieldStrength: 1.5,
      ScanningSequence: "SE",
      SequenceName: "fse-xl",
      RepetitionTime: 600,
      EchoTime: 12,
      ContrastBolusAgent: "Gadavist",
    },
    intensity: lesionIntensity(() => geometry, () => [...segShapes, ...rtShapes], 200, 600, 20),
    random,
  };
  const series = imageSeries(context, mr);
  return {
    id: context.patientId,
    studies: [
      study(context, [series], [segSegmentation("TCGA-SY-0002/seg", 200, series, segShapes), rtStructSegmentation("TCGA-SY-0002/rtstruct", 201, series, rtShapes)]),
    ],
  };
}

function brokenCtPatient(seed: number, random: () => number) {
  const context = studyContext(seed, "TCGA-SY-0003", "20220301", "CT ABDOMEN");
  const geometry = axialGeometry(32, 32, [0.9, 0.9], 3, 12);
  const shapes = [sphere("Liver lesion", inSeries(geometry, [1.2, -0.7, 0.4]), 6)];
  const base = {
    modality: "CT" as const,
    bodyPart: "ABDOMEN",
    geometry,
    sliceThickness: 3,
    rescaleSlope: 1,
    rescaleIntercept: -1024,
    acquisition: { ...CT_ACQUISITION, ConvolutionKernel: "B40f", KVP: 100 },
    intensity: lesionIntensity(() => geometry, () => shapes, 40, 90, 5),
    random,
  };
  const corruptCt = imageSeries(context, { ...base, name: "TCGA-SY-0003/ct", seriesNumber: 3, description: "Abdomen 3mm", truncatedSlice: 5 });
  // Never stored in the archive: the orphan SEG below references it.
  const missingCt = imageSeries(context, { ...base, name: "TCGA-SY-0003/missing-ct", seriesNumber: 4, description: "Abdomen (not archived)" });
  const corruptSeg = segSegmentation("TCGA-SY-0003/seg", 300, corruptCt, shapes);
  const orphanSeg = segSegmentation("TCGA-SY-0003/orphan-seg", 301, missingCt, shapes);
  return {
    patient: { id: context.patientId, studies: [study(context, [corruptCt], [corruptSeg, orphanSeg])] },
    corrupt: { imageSeriesUid: corruptCt.seriesUid, sopInstanceUid: corruptCt.sopInstanceUids[5]!, segmentationSeriesUid: corruptSeg.seriesUid },
    orphan: { segmentationSeriesUid: orphanSeg.seriesUid, missingImageSeriesUid: missingCt.seriesUid },
  };
}
