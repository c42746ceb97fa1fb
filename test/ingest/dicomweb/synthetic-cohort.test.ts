// The generator's truth agrees with compute/image on the files themselves (no server involved), so
// the DICOMweb tests can trust it.
import { describe, expect, it } from "vitest";
import { parseImageInstance } from "../../../compute/image/dicom-instance.js";
import { buildSeriesVolume } from "../../../compute/image/series-volume.js";
import { parseSegmentation } from "../../../compute/image/segmentation.js";
import { segmentationMasks } from "../../../compute/image/seg-mask.js";
import { parseRtStructureSet } from "../../../compute/image/rtstruct.js";
import { rtStructureSetMasks } from "../../../compute/image/rtstruct-mask.js";
import { gridMaskStatistics } from "../../../compute/image/mask-stats.js";
import { syntheticCohort } from "../../support/cohort/synthetic-cohort.js";

const cohort = syntheticCohort();

describe("synthetic cohort", () => {
  it("is deterministic for a seed", () => {
    const again = syntheticCohort();
    expect(again.files.map((f) => f.path)).toEqual(cohort.files.map((f) => f.path));
    expect(Buffer.from(again.files[7]!.bytes).equals(Buffer.from(cohort.files[7]!.bytes))).toBe(true);
  });

  it("has TCGA-shaped barcodes, SEG and RTSTRUCT lesions, and a shuffled InstanceNumber series", () => {
    expect(cohort.patients.map((p) => p.id)).toEqual(["TCGA-SY-0001", "TCGA-SY-0002", "TCGA-SY-0003"]);
    expect(new Set(cohort.lesions.map((l) => l.segmentationType))).toEqual(new Set(["SEG", "RTSTRUCT"]));
    const ct = cohort.patients[0]!.studies[0]!.imageSeries[0]!;
    expect(ct.instanceNumbers).not.toEqual([...ct.instanceNumbers].sort((a, b) => a - b));
  });

  it.each(cohort.lesions.map((lesion) => [lesion.id, lesion] as const))("lesion %s: compute/image reproduces the truth", (_, lesion) => {
    const image = cohort.imageSeries(lesion.imageSeriesUid);
    const { grid, volume } = buildSeriesVolume(image.files.map((file) => parseImageInstance(file)));
    expect(volume.data[3 + grid.columns * (4 + grid.rows * 2)]).toBe(image.expectedValue(3, 4, 2));
    const segmentation = cohort.patients.flatMap((p) => p.studies.flatMap((s) => s.segmentations)).find((s) => s.seriesUid === lesion.segmentationSeriesUid)!;
    const mask =
      lesion.segmentationType === "SEG"
        ? segmentationMasks(parseSegmentation(segmentation.file), grid).find((m) => m.segment.segmentNumber === lesion.segmentNumber)!
        : rtStructureSetMasks(parseRtStructureSet(segmentation.file), grid).masks.find((m) => m.roi.roiNumber === lesion.segmentNumber)!;
    const stats = gridMaskStatistics(mask);
    expect(stats.voxelCount).toBe(lesion.voxelCount);
    expect(stats.volumeMm3).toBeCloseTo(lesion.volumeMm3, 6);
    stats.centroidPatient!.forEach((value, axis) => expect(value).toBeCloseTo(lesion.voxelCentroid[axis]!, 6));
    expect(Math.abs(lesion.volumeMm3 / lesion.analyticVolumeMm3 - 1)).toBeLessThan(0.08);
  });
});
