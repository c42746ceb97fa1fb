// The demo cohort's segmented series as real DICOM files: for each lesion, its image series (the
// demo phantom's voxels — the per-patient texture that plants the hypoxia link — with the series
// record's acquisition tags) and its SEG or RTSTRUCT of the tumour ellipsoid, carrying exactly the
// UIDs the demo records name. Written once into a folder, which the local-folder source then ingests.
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Vec3 } from "../../../compute/image/volume.js";
import type { LesionRecord, SeriesRecord, StudyRecord } from "../../../graph-model/model/records.js";
import { demoHypoxiaActivity, type CohortRecords } from "../demo-cohort.js";
import { demoLesionPhantom, type DemoLesionPhantom } from "../demo-lesion-images.js";
import { demoScannerOffset } from "../demo-scanner-effect.js";
import { imageSeries, type StudyContext, type SyntheticImageSeries } from "./image-series.js";
import { rtStructSegmentation } from "./segmentation-rtstruct.js";
import { segSegmentation, type SyntheticSegmentation } from "./segmentation-seg.js";
import { seededRandom } from "./seeded-random.js";
import { seriesGeometry } from "./series-geometry.js";
import { ellipsoid } from "./shapes.js";

/** Changes whenever the files would change; a folder holding another version is rewritten. */
export const DEMO_DICOM_VERSION = "demo-dicom-1";
const VERSION_FILE = "VERSION";
const RESCALE_INTERCEPT = -1024; // stored = value + 1024 fits unsigned and signed 16 bits for both modalities

export interface DemoDicomFile {
  /** patient/study/series/instance.dcm */
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** Every file of the demo's segmented series and their segmentations. */
export function demoDicomFiles(cohort: CohortRecords): DemoDicomFile[] {
  const studies = new Map(cohort.studies.map((s) => [s.uid, s]));
  const series = new Map(cohort.series.map((s) => [s.uid, s]));
  return cohort.lesions.flatMap((lesion) => {
    const image = series.get(lesion.seriesUid)!;
    const study = studies.get(image.studyUid)!;
    const phantom = demoLesionPhantom(lesion.id, demoHypoxiaActivity(study.patientId), image.modality ?? "CT", demoScannerOffset(image));
    const ct = imageFiles(study, image, phantom);
    const segmentation = segmentationOf(lesion, ct, phantom);
    const folder = `${study.patientId}/${study.uid}`;
    return [
      ...ct.files.map((bytes, k) => ({ path: `${folder}/${ct.seriesUid}/${ct.sopInstanceUids[k]}.dcm`, bytes })),
      { path: `${folder}/${segmentation.seriesUid}/${segmentation.sopInstanceUid}.dcm`, bytes: segmentation.file },
    ];
  });
}

/** Whether `root` holds this version's files. */
export async function hasDemoDicomFolder(root: string): Promise<boolean> {
  const version = await readFile(join(root, VERSION_FILE), "utf8").catch(() => undefined);
  return version?.trim() === DEMO_DICOM_VERSION;
}

/** Writes the files under `root` unless it already holds this version; returns whether it wrote them. */
export async function ensureDemoDicomFolder(root: string, cohort: CohortRecords): Promise<boolean> {
  if (await hasDemoDicomFolder(root)) return false;
  const staging = `${root}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  for (const file of demoDicomFiles(cohort)) {
    await mkdir(dirname(join(staging, file.path)), { recursive: true });
    await writeFile(join(staging, file.path), file.bytes);
  }
  await writeFile(join(staging, VERSION_FILE), `${DEMO_DICOM_VERSION}\n`);
  await rm(root, { recursive: true, force: true });
  await mkdir(dirname(root), { recursive: true });
  await rename(staging, root); // a reader sees the old folder, none, or the whole new one
  return true;
}

function imageFiles(study: StudyRecord, record: SeriesRecord, phantom: DemoLesionPhantom): SyntheticImageSeries {
  const { size, spacing, origin } = phantom.geometry;
  const context: StudyContext = {
    seed: 20261129,
    patientId: study.patientId,
    studyUid: study.uid,
    studyDate: (study.date ?? "").replaceAll("-", ""),
    studyDescription: study.description ?? "",
    frameOfReferenceUid: `${record.uid}.0`,
  };
  const geometry = seriesGeometry({
    rows: size[1], columns: size[0], pixelSpacing: [spacing[1], spacing[0]], rowDirection: [1, 0, 0], columnDirection: [0, 1, 0],
    origin, sliceSpacing: spacing[2], sliceCount: size[2],
  });
  // The phantom's voxel at a voxel centre (the grids are the same, so rounding only undoes float error).
  const valueAt = (p: Vec3) => {
    const [i, j, k] = [0, 1, 2].map((axis) => Math.round((p[axis]! - origin[axis]!) / spacing[axis]!));
    return phantom.volume.data[i! + size[0] * (j! + size[1] * k!)]!;
  };
  return imageSeries(context, {
    name: `demo/${record.uid}`, seriesUid: record.uid, modality: record.modality === "MR" ? "MR" : "CT", seriesNumber: 1,
    description: record.description ?? "", bodyPart: record.bodyPart ?? "", geometry, sliceThickness: record.sliceThickness ?? spacing[2],
    rescaleSlope: 1, rescaleIntercept: RESCALE_INTERCEPT, acquisition: acquisitionTags(record), intensity: valueAt, random: seededRandom(1),
  });
}

function acquisitionTags(record: SeriesRecord): Record<string, string | number> {
  const tags: Record<string, string | number | null | undefined> = {
    Manufacturer: record.manufacturer, ManufacturerModelName: record.manufacturerModel, ConvolutionKernel: record.convolutionKernel,
    KVP: record.kvp, MagneticFieldStrength: record.magneticFieldStrength, SequenceName: record.sequenceName, ContrastBolusAgent: record.contrastAgent,
  };
  return Object.fromEntries(Object.entries(tags).filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined && entry[1] !== ""));
}

function segmentationOf(lesion: LesionRecord, image: SyntheticImageSeries, phantom: DemoLesionPhantom): SyntheticSegmentation {
  const shape = ellipsoid(lesion.label ?? "Tumour", [0, 0, 0], phantom.radii); // the phantom's tumour sits at the grid's centre, (0, 0, 0) mm
  const uids = { seriesUid: lesion.segmentationSeriesUid!, sopInstanceUid: lesion.segmentationSopInstanceUid! };
  return lesion.segmentationType === "RTSTRUCT"
    ? rtStructSegmentation(`demo/${lesion.id}`, 2, image, [shape], { uids })
    : segSegmentation(`demo/${lesion.id}`, 2, image, [shape], uids);
}
