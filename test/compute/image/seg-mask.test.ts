import { describe, expect, it } from "vitest";
import { parseImageInstance } from "../../../compute/image/dicom-instance.js";
import { imageGridFromInstances, type ImageGrid } from "../../../compute/image/image-grid.js";
import { parseSegmentation, type Segmentation } from "../../../compute/image/segmentation.js";
import { frameStoredValues } from "../../../compute/image/seg-frame-pixels.js";
import { sliceIndexOfFrame } from "../../../compute/image/seg-frame-placement.js";
import { segmentationMasks, type SegmentMask } from "../../../compute/image/seg-mask.js";
import { gridMaskStatistics } from "../../../compute/image/mask-stats.js";
import { DEFAULT_GRID_TOLERANCE } from "../../../compute/image/grid-tolerance.js";
import { buildSeriesVolume } from "../../../compute/image/series-volume.js";
import { toVolumeMask } from "../../../compute/image/grid-mask.js";
import { readNrrdLabelMap } from "./nrrd-reader.js";
import { expectedSet, readDicomFile, type ExpectedImage, type ExpectedSeg, type ExpectedSegFrame } from "./dicom-test-data.js";

interface SegCase {
  readonly set: string;
  readonly seg: ExpectedSeg;
  readonly images: readonly ExpectedImage[];
}

function segCases(): SegCase[] {
  return ["dcmqi-ct3slice", "dcmqi-phantom-23x38x3", "dcmqi-phantom-24x38x3", "highdicom-ct-small"].flatMap((name) => {
    const set = expectedSet(name);
    return (set.segs ?? []).map((seg) => {
      const referenced = new Set(seg.ReferencedSeries.map((series) => series.SeriesInstanceUID));
      const pool = [...set.images, ...(set.images_single ?? [])];
      return { set: name, seg, images: pool.filter((image) => referenced.has(image.SeriesInstanceUID)) };
    });
  });
}

function gridOf(images: readonly ExpectedImage[]): ImageGrid {
  return imageGridFromInstances(images.map((image) => parseImageInstance(readDicomFile(image.path))));
}

function nonZero(values: ArrayLike<number>): number {
  let count = 0;
  for (let p = 0; p < values.length; p++) if (values[p] !== 0) count++;
  return count;
}

function boundingBox(values: ArrayLike<number>, columns: number): { rows: number[]; cols: number[] } {
  const rows: number[] = [];
  const cols: number[] = [];
  for (let p = 0; p < values.length; p++) {
    if (values[p] === 0) continue;
    rows.push(Math.floor(p / columns));
    cols.push(p % columns);
  }
  return { rows: [Math.min(...rows), Math.max(...rows)], cols: [Math.min(...cols), Math.max(...cols)] };
}

function valueCounts(values: ArrayLike<number>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (let p = 0; p < values.length; p++) counts[String(values[p])] = (counts[String(values[p])] ?? 0) + 1;
  return counts;
}

function countWhere(data: Uint8Array, predicate: (index: number) => boolean): number {
  let count = 0;
  for (let index = 0; index < data.length; index++) if (predicate(index)) count++;
  return count;
}

// Fractional SEGs: "nonzero" in expected.json counts every stored value > 0, i.e. threshold 1/max.
function nonZeroThreshold(seg: Segmentation): number | undefined {
  return seg.segmentationType === "FRACTIONAL" ? 1 / (seg.maximumFractionalValue ?? 255) : undefined;
}

describe.each(segCases())("SEG $seg.path", ({ seg: expectedSeg, images }) => {
  const seg = parseSegmentation(readDicomFile(expectedSeg.path));
  const grid = gridOf(images);

  it("has the UIDs, type, frame count and segments of expected.json", () => {
    expect(seg.sopInstanceUID).toBe(expectedSeg.SOPInstanceUID);
    expect(seg.seriesInstanceUID).toBe(expectedSeg.SeriesInstanceUID);
    expect(seg.segmentationType).toBe(expectedSeg.SegmentationType);
    expect(seg.frames).toHaveLength(expectedSeg.NumberOfFrames);
    expect(seg.segments.map((s) => [s.segmentNumber, s.label])).toEqual(expectedSeg.segments.map((s) => [s.SegmentNumber, s.SegmentLabel]));
    expect(seg.referencedSeries.map((s) => s.seriesInstanceUID)).toEqual(expectedSeg.ReferencedSeries.map((s) => s.SeriesInstanceUID));
    expect(seg.referencedSeries.map((s) => [...s.sopInstanceUIDs].sort())).toEqual(expectedSeg.ReferencedSeries.map((s) => [...s.ReferencedSOPInstanceUIDs].sort()));
    expect(seg).toMatchObject({
      sopClassUID: expectedSeg.SOPClassUID,
      frameOfReferenceUID: expectedSeg.FrameOfReferenceUID,
      patientID: expectedSeg.PatientID,
      rows: expectedSeg.Rows,
      columns: expectedSeg.Columns,
      bitsAllocated: expectedSeg.BitsAllocated,
    });
    expect(seg.fractionalType ?? null).toBe(expectedSeg.SegmentationFractionalType);
    expect(seg.maximumFractionalValue ?? null).toBe(expectedSeg.MaximumFractionalValue);
    expect(seg.pixelData.byteLength).toBe(expectedSeg.PixelData_bytes);
    expect(seg.rows * seg.columns).toBe(expectedSeg.frame_bits); // expected.json's frame_bits is pixels per frame (bits when 1-bit)
    expect(seg.segments.map((s) => [s.category?.codeMeaning, s.type?.codeMeaning, s.algorithmType])).toEqual(
      expectedSeg.segments.map((s) => [s.Category, s.Type, s.SegmentAlgorithmType]),
    );
    for (const frame of seg.frames) {
      expect([...frame.pixelSpacing!]).toEqual(expectedSeg.shared_PixelSpacing_row_col.map((v) => expect.closeTo(v, 6)));
      expect([...frame.rowDirection!, ...frame.columnDirection!]).toEqual(expectedSeg.shared_ImageOrientationPatient.map((v) => expect.closeTo(v, 6)));
    }
  });

  it.each(expectedSeg.frames.map((frame) => [frame.frame, frame] as const))("frame %i: count, bounding box, segment and slice", (_n, expectedFrame: ExpectedSegFrame) => {
    const index = expectedFrame.frame - 1;
    const frame = seg.frames[index]!;
    const values = frameStoredValues(seg, index);
    expect(nonZero(values)).toBe(expectedFrame.nonzero);
    if (expectedFrame.bbox_rows && expectedFrame.nonzero) {
      expect(boundingBox(values, seg.columns)).toEqual({ rows: expectedFrame.bbox_rows, cols: expectedFrame.bbox_cols });
    }
    if (expectedFrame.stored_value_counts) expect(valueCounts(values)).toEqual(expectedFrame.stored_value_counts);
    if (expectedFrame.stored_sum !== undefined) expect(Array.from(values).reduce((a, b) => a + b, 0)).toBe(expectedFrame.stored_sum);
    if (expectedFrame.fraction_sum !== undefined) {
      expect(Array.from(values).reduce((a, b) => a + b / seg.maximumFractionalValue!, 0)).toBeCloseTo(expectedFrame.fraction_sum, 5);
    }
    expect(frame.segmentNumber ?? null).toBe(expectedFrame.segment);
    expect([...frame.imagePositionPatient!]).toEqual(expectedFrame.ImagePositionPatient.map((v) => expect.closeTo(v, 3)));
    expect(frame.sourceSopInstanceUIDs).toEqual(expectedFrame.source_sop_uids);
    const k = sliceIndexOfFrame(frame, grid, DEFAULT_GRID_TOLERANCE);
    expect(expectedFrame.source_sop_uids).toContain(grid.slices[k]!.sopInstanceUID);
  });

  it("per-segment voxel counts and centroids on the image grid", () => {
    const masks = segmentationMasks(seg, grid, { fractionalThreshold: nonZeroThreshold(seg) });
    for (const mask of masks) {
      const stats = gridMaskStatistics(mask);
      const key = String(mask.segment.segmentNumber);
      expect(stats.voxelCount).toBe(expectedSeg.nonzero_pixels_per_segment![key]);
      expect([...stats.centroidPatient!]).toEqual(expectedSeg.centroid_LPS_mm_per_segment![key]!.map((v) => expect.closeTo(v, 2)));
    }
  });

  it("pairwise overlaps and the union of all segments", () => {
    const masks = segmentationMasks(seg, grid, { fractionalThreshold: nonZeroThreshold(seg) });
    const bySegment = new Map<string, SegmentMask>(masks.map((mask) => [String(mask.segment.segmentNumber), mask]));
    for (const [pair, overlap] of Object.entries(expectedSeg.pairwise_overlap_pixels ?? {})) {
      const [a, b] = pair.split("&").map((key) => bySegment.get(key)!.data);
      expect(countWhere(a!, (index) => a![index] === 1 && b![index] === 1)).toBe(overlap);
    }
    expect(countWhere(masks[0]!.data, (index) => masks.some((mask) => mask.data[index] === 1))).toBe(expectedSeg.union_pixels_all_segments);
  });
});

describe("SEG against dcmqi's NRRD baselines, voxel for voxel", () => {
  it.each(["dcmqi-ct3slice", "dcmqi-phantom-23x38x3", "dcmqi-phantom-24x38x3"])("%s", (name) => {
    const set = expectedSet(name);
    const grid = gridOf(set.images);
    for (const expectedSeg of set.segs!) {
      const masks = segmentationMasks(parseSegmentation(readDicomFile(expectedSeg.path)), grid);
      const comparisons = (expectedSeg as unknown as { reference_comparison: { segment: number; nrrd_label: number; nrrd: string; voxelwise_identical: boolean }[] }).reference_comparison;
      for (const comparison of comparisons.filter((c) => c.voxelwise_identical)) {
        const nrrd = readNrrdLabelMap(`${name}/${comparison.nrrd}`);
        expect(nrrd.sizes).toEqual([grid.columns, grid.rows, grid.slices.length]);
        expect(nrrd.origin).toEqual([...grid.slices[0]!.imagePositionPatient].map((v) => expect.closeTo(v, 3)));
        const mask = masks.find((m) => m.segment.segmentNumber === comparison.segment)!;
        const differing = countWhere(mask.data, (index) => mask.data[index] !== (nrrd.labels[index] === comparison.nrrd_label ? 1 : 0));
        expect(differing).toBe(0);
      }
    }
  });
});

describe("SEG against dcmqi's NRRD baselines (label and per-slice counts)", () => {
  it.each(["dcmqi-ct3slice", "dcmqi-phantom-23x38x3", "dcmqi-phantom-24x38x3"])("%s", (name) => {
    const set = expectedSet(name);
    const grid = gridOf(set.images);
    for (const expectedSeg of set.segs!) {
      const masks = segmentationMasks(parseSegmentation(readDicomFile(expectedSeg.path)), grid);
      const comparisons = (expectedSeg as unknown as { reference_comparison?: { segment: number; nrrd_label: number; nrrd: string }[] }).reference_comparison;
      for (const comparison of comparisons ?? []) {
        const reference = set.references!.find((r) => r.path.endsWith(comparison.nrrd))!;
        const mask = masks.find((m) => m.segment.segmentNumber === comparison.segment)!;
        expect(gridMaskStatistics(mask).voxelsPerSlice).toEqual(reference.per_slice_counts_k0_first[String(comparison.nrrd_label)]);
      }
    }
  });
});
