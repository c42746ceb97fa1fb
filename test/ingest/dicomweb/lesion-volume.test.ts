// loadLesionVolumeAndMask against the real Orthanc: volume and mask on one grid, masks matching the
// analytic truth (SEG and RTSTRUCT, axial and oblique), pixels served from the cache after ingest.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maskStatistics } from "../../../compute/image/mask-stats.js";
import { voxelToPatient } from "../../../compute/image/volume.js";
import { DicomWebArchive, ImagingLesionImages, ImagingSource, PixelCache, lesionRefOf, type LesionRef } from "../../../ingest/dicomweb/index.js";
import type { Lesion } from "../../../graph-model/model/records.js";
import type { LesionTruth } from "../../support/cohort/lesion-truth.js";
import { cohort, patientIds, recordsOf, seededOrthanc } from "./cohort-fixture.js";

let cacheDirectory: string;
let cache: PixelCache;
let source: ImagingSource;

beforeAll(async () => {
  const url = await seededOrthanc();
  cacheDirectory = await mkdtemp(join(tmpdir(), "rg-lesion-"));
  cache = new PixelCache({ directory: cacheDirectory, maxBytes: 64 * 1024 * 1024 });
  source = new ImagingSource(new DicomWebArchive({ url }), { cache });
});

afterAll(async () => {
  await rm(cacheDirectory, { recursive: true, force: true });
});

function refOf(truth: LesionTruth, withStudy: boolean): LesionRef {
  return {
    seriesUid: truth.imageSeriesUid,
    segmentationType: truth.segmentationType,
    segmentationSeriesUid: truth.segmentationSeriesUid,
    segmentationSopInstanceUid: truth.segmentationSopInstanceUid,
    segmentNumber: truth.segmentNumber,
    studyUid: withStudy ? cohort.imageSeries(truth.imageSeriesUid).context.studyUid : undefined,
  };
}

const cases = cohort.lesions.map((truth) => {
  const oblique = cohort.imageSeries(truth.imageSeriesUid).spec.modality === "MR";
  return [`${truth.segmentationType} ${oblique ? "oblique" : "axial"} '${truth.label}'`, truth] as const;
});

describe("loadLesionVolumeAndMask", () => {
  it.each(cases)("%s: mask voxel count, volume and centroid match the truth", async (_, truth) => {
    const { volume, mask } = await source.loadLesionVolumeAndMask(refOf(truth, true));
    expect(mask.geometry).toEqual(volume.geometry);
    const stats = maskStatistics(mask);
    expect(stats.voxelCount).toBe(truth.voxelCount);
    expect(stats.volumeMm3).toBeCloseTo(truth.volumeMm3, 3);
    stats.centroidPatient!.forEach((value, axis) => expect(value).toBeCloseTo(truth.voxelCentroid[axis]!, 4));
    // The voxel-count centroid of a symmetric shape lies within one voxel of the shape's centre.
    const [si, sj, sk] = volume.geometry.spacing;
    const distance = Math.hypot(...stats.centroidPatient!.map((value, axis) => value - truth.analyticCentroid[axis]!));
    expect(distance).toBeLessThan(Math.hypot(si, sj, sk));
  });

  it("puts every slice where its position says, whatever its InstanceNumber, with rescale applied", async () => {
    const truth = cohort.lesions.find((l) => l.segmentationType === "SEG" && cohort.imageSeries(l.imageSeriesUid).spec.modality === "CT")!;
    const image = cohort.imageSeries(truth.imageSeriesUid);
    const { volume } = await source.loadLesionVolumeAndMask(refOf(truth, true));
    const [nx, ny, nz] = volume.geometry.size;
    for (const [i, j, k] of [[0, 0, 0], [10, 20, 3], [40, 33, 17], [nx - 1, ny - 1, nz - 1]] as const) {
      expect(volume.data[i + nx * (j + ny * k)]).toBe(image.expectedValue(i, j, k));
    }
    const position = voxelToPatient(volume.geometry, 0, 0, nz - 1);
    expect(position[2]).toBeCloseTo(image.spec.geometry.positions[nz - 1]![2], 6);
  });

  it("finds the study itself when the reference has none (QIDO-RS by SeriesInstanceUID)", async () => {
    const truth = cohort.lesions.find((l) => l.segmentationType === "RTSTRUCT")!;
    const { mask } = await source.loadLesionVolumeAndMask(refOf(truth, false));
    expect(maskStatistics(mask).voxelCount).toBe(truth.voxelCount);
  });

  it("serves the pixels from the cache after ingest: no instance is fetched twice", async () => {
    const fresh = new PixelCache({ directory: await mkdtemp(join(tmpdir(), "rg-lesion-fresh-")), maxBytes: 64 * 1024 * 1024 });
    const ingesting = new ImagingSource(source.archive, { cache: fresh });
    const lesions = recordsOf(await ingesting.collect({ patientIds: ["TCGA-SY-0002"] }), "lesion");
    const missesAfterIngest = fresh.stats.misses;
    // The 24 MR slices come in one series request and are put in the cache; the SEG and RTSTRUCT one by one.
    expect(missesAfterIngest).toBe(2);
    const studyUid = cohort.patients[1]!.studies[0]!.uid;
    const mr = cohort.patients[1]!.studies[0]!.imageSeries[0]!;
    for (const sopInstanceUid of mr.sopInstanceUids) expect(await fresh.has({ studyUid, seriesUid: mr.seriesUid, sopInstanceUid })).toBe(true);
    for (const lesion of lesions) await ingesting.loadLesionVolumeAndMask(lesionRefOf(lesion, studyUid));
    expect(fresh.stats.misses).toBe(missesAfterIngest);
    expect(fresh.stats.hits).toBeGreaterThanOrEqual(lesions.length * 25);
    await rm(fresh.options.directory, { recursive: true, force: true });
  });

  it("serves the feature service: a stored Lesion (no series UID) is loaded through the series its segmentation names", async () => {
    const [record] = recordsOf(await source.collect({ patientIds: ["TCGA-SY-0002"] }), "lesion").filter((l) => l.segmentationType === "RTSTRUCT");
    const { seriesUid: _, ...stored } = record!;
    const lesion = stored as unknown as Lesion;
    const images = new ImagingLesionImages(source);
    expect(images.serves(lesion)).toBe(true);
    expect(images.serves({ ...lesion, source: "demo" })).toBe(false);
    expect(images.serves({ ...lesion, segmentationSopInstanceUid: null })).toBe(false);
    const { mask, volume, source: provenance } = await images.load(lesion);
    expect(mask.geometry).toEqual(volume.geometry);
    expect(maskStatistics(mask).voxelCount).toBe(cohort.lesions.find((l) => l.id === lesion.id)!.voxelCount);
    expect(provenance).toBe(`DICOMweb segmentation ${lesion.segmentationSeriesUid}`);
  });

  it("rejects a lesion on the corrupt series with INVALID_DICOM, and an unknown series with NOT_FOUND", async () => {
    const corrupt = cohort.patients[2]!.studies[0]!.segmentations.find((s) => s.seriesUid === cohort.corrupt.segmentationSeriesUid)!.lesions[0]!;
    await expect(source.loadLesionVolumeAndMask(refOf(corrupt, true))).rejects.toMatchObject({ code: "INVALID_DICOM" });
    await expect(source.loadLesionVolumeAndMask({ ...refOf(corrupt, false), seriesUid: "2.25.1" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
