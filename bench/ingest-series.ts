// The ingest bench's series: a 512×512×N CT with a spherical tumour and a one-segment SEG of it,
// written by the synthetic DICOM generator (ingest/demo/dicom) and STOWed into a DICOMweb server.
import { imageSeries, type SyntheticImageSeries } from "../ingest/demo/dicom/image-series.js";
import { segSegmentation, type SyntheticSegmentation } from "../ingest/demo/dicom/segmentation-seg.js";
import { seededRandom, seededUid } from "../ingest/demo/dicom/seeded-random.js";
import { seriesGeometry } from "../ingest/demo/dicom/series-geometry.js";
import { sphere } from "../ingest/demo/dicom/shapes.js";
import { stowInstances } from "../ingest/demo/dicom/stow-instances.js";

export const BENCH_PATIENT = "TCGA-BN-0001";
const SEED = 5120300;
const FILES_PER_STOW = 20;

export interface BenchSeries {
  readonly ct: SyntheticImageSeries;
  readonly seg: SyntheticSegmentation;
}

export function benchSeries(slices: number): BenchSeries {
  const context = {
    seed: SEED + slices,
    patientId: BENCH_PATIENT,
    studyUid: seededUid(SEED + slices, "bench/study"),
    studyDate: "20240101",
    studyDescription: "ingest bench",
    frameOfReferenceUid: seededUid(SEED + slices, "bench/frame"),
  };
  const geometry = seriesGeometry({
    rows: 512, columns: 512, pixelSpacing: [0.7, 0.7], rowDirection: [1, 0, 0], columnDirection: [0, 1, 0],
    origin: [-179, -179, 0], sliceSpacing: 1, sliceCount: slices,
  });
  const centre = [10, -5, slices / 2] as const;
  const ct = imageSeries(context, {
    name: "bench/ct", modality: "CT", seriesNumber: 1, description: `bench CT ${slices} slices`, bodyPart: "CHEST", geometry,
    sliceThickness: 1, rescaleSlope: 1, rescaleIntercept: -1024,
    acquisition: { Manufacturer: "SIEMENS", ConvolutionKernel: "B30f", KVP: 120 },
    // Inline distance test: 512²·N calls, so nothing allocated per voxel.
    intensity: (p, random) => ((p[0] - centre[0]) ** 2 + (p[1] - centre[1]) ** 2 + (p[2] - centre[2]) ** 2 <= 900 ? 40 : -700) + Math.round(random() * 40),
    random: seededRandom(SEED),
  });
  const seg = segSegmentation("bench/seg", 2, ct, [sphere("Tumour", centre, 30)]);
  return { ct, seg };
}

/** STOWs the series and its SEG (Orthanc keeps the first copy of a re-sent instance, so re-runs are cheap). */
export async function seedBenchSeries(dicomwebUrl: string, series: BenchSeries): Promise<void> {
  const files = [...series.ct.files, series.seg.file];
  for (let start = 0; start < files.length; start += FILES_PER_STOW) {
    const answer = await stowInstances(dicomwebUrl, files.slice(start, start + FILES_PER_STOW));
    const failed = answer["00081198"]?.Value;
    if (Array.isArray(failed) && failed.length > 0) throw new Error(`STOW-RS refused ${failed.length} instances`);
  }
}
