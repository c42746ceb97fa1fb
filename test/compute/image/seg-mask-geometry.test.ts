// SEG placement failures must be typed errors, never a silent shift; plus label maps and an
// end-to-end orientation check against the CT (mean HU inside the liver).

import { describe, expect, it } from "vitest";
import { GeometryMismatchError } from "../../../compute/errors.js";
import { parseImageInstance } from "../../../compute/image/dicom-instance.js";
import { imageGridFromInstances, type GridSlice, type ImageGrid } from "../../../compute/image/image-grid.js";
import { parseSegmentation } from "../../../compute/image/segmentation.js";
import { segmentationMasks } from "../../../compute/image/seg-mask.js";
import { gridMaskStatistics } from "../../../compute/image/mask-stats.js";
import { toVolumeMask } from "../../../compute/image/grid-mask.js";
import { buildSeriesVolume } from "../../../compute/image/series-volume.js";
import { ReferencedImagesMissingError } from "../../../compute/image/image-errors.js";
import { BadUserInputError } from "../../../compute/errors.js";
import type { Vec3 } from "../../../compute/image/volume.js";
import { expectedSet, readDicomFile } from "./dicom-test-data.js";
import { readNrrdLabelMap } from "./nrrd-reader.js";

const ct3 = expectedSet("dcmqi-ct3slice");
const ct3Instances = ct3.images.map((image) => parseImageInstance(readDicomFile(image.path)));
const ct3Grid = imageGridFromInstances(ct3Instances);
const liverSeg = parseSegmentation(readDicomFile(ct3.segs![0]!.path));

function shiftedGrid(grid: ImageGrid, shift: Vec3): ImageGrid {
  const slices: GridSlice[] = grid.slices.map((slice) => ({
    ...slice,
    imagePositionPatient: [slice.imagePositionPatient[0] + shift[0], slice.imagePositionPatient[1] + shift[1], slice.imagePositionPatient[2] + shift[2]],
    offsetAlongNormal: slice.offsetAlongNormal + shift[2],
  }));
  return { ...grid, slices };
}

describe("SEG that does not fit the image grid", () => {
  it("frames half a slice off the image planes → GeometryMismatchError", () => {
    expect(() => segmentationMasks(liverSeg, shiftedGrid(ct3Grid, [0, 0, 0.5]))).toThrow(GeometryMismatchError);
  });

  it("frames shifted in-plane by half a pixel → GeometryMismatchError", () => {
    expect(() => segmentationMasks(liverSeg, shiftedGrid(ct3Grid, [0.4, 0, 0]))).toThrow(/shifted in-plane/);
  });

  it("another orientation, pixel spacing or frame of reference → GeometryMismatchError", () => {
    const rotated: ImageGrid = { ...ct3Grid, rowDirection: [0, 1, 0], columnDirection: [1, 0, 0], normal: [0, 0, -1] };
    expect(() => segmentationMasks(liverSeg, rotated)).toThrow(GeometryMismatchError);
    expect(() => segmentationMasks(liverSeg, { ...ct3Grid, pixelSpacing: [0.7, 0.7] })).toThrow(GeometryMismatchError);
    expect(() => segmentationMasks(liverSeg, { ...ct3Grid, frameOfReferenceUID: "1.2.3" })).toThrow(GeometryMismatchError);
  });

  it("a SEG of another series → ReferencedImagesMissingError", () => {
    const cheese = expectedSet("segrt-cheese-raystation");
    const cheeseGrid = imageGridFromInstances(cheese.images.map((image) => parseImageInstance(readDicomFile(image.path))));
    expect(() => segmentationMasks(liverSeg, cheeseGrid)).toThrow(ReferencedImagesMissingError);
  });

  it("a series given without the slice a frame lies on → ReferencedImagesMissingError", () => {
    const twoSlices = imageGridFromInstances(ct3Instances.filter((instance) => instance.instanceNumber !== 2));
    expect(() => segmentationMasks(liverSeg, twoSlices)).toThrow(ReferencedImagesMissingError);
  });

  it("asking for a segment the SEG does not have → BadUserInputError; a chosen subset builds only those masks", () => {
    expect(() => segmentationMasks(liverSeg, ct3Grid, { segmentNumbers: [2] })).toThrow(BadUserInputError);
    const overlaps = parseSegmentation(readDicomFile(ct3.segs![1]!.path));
    const masks = segmentationMasks(overlaps, ct3Grid, { segmentNumbers: [3, 5] });
    expect(masks.map((mask) => [mask.segment.segmentNumber, gridMaskStatistics(mask).voxelCount])).toEqual(
      [3, 5].map((n) => [n, ct3.segs![1]!.nonzero_pixels_per_segment![String(n)]]),
    );
  });

  it("a fractional threshold outside (0, 1] → BadUserInputError", () => {
    expect(() => segmentationMasks(liverSeg, ct3Grid, { fractionalThreshold: 0 })).toThrow(BadUserInputError);
  });
});

describe("SEG on the CT volume", () => {
  it("mean HU inside the liver per frame matches expected.json (orientation and slice order are right)", () => {
    const { volume, grid } = buildSeriesVolume(ct3Instances);
    const [liver] = segmentationMasks(liverSeg, grid);
    const mask = toVolumeMask(liver!);
    expect(mask.geometry).toEqual(volume.geometry);
    const expectedSeg = ct3.segs![0]!;
    const means = (expectedSeg as unknown as { sanity_mean_HU_inside_mask_per_frame: Record<string, number> }).sanity_mean_HU_inside_mask_per_frame;
    const sliceSize = grid.rows * grid.columns;
    for (const frame of expectedSeg.frames) {
      const k = grid.slices.findIndex((slice) => slice.sopInstanceUID === frame.source_sop_uids[0]);
      let sum = 0;
      let count = 0;
      for (let p = k * sliceSize; p < (k + 1) * sliceSize; p++) {
        if (mask.data[p]) {
          sum += volume.data[p]!;
          count++;
        }
      }
      expect(sum / count).toBeCloseTo(means[String(frame.frame)]!, 2);
    }
  });

  it("true fractional SEG at the default threshold 0.5 keeps only stored values ≥ 0.5·MaximumFractionalValue", () => {
    const set = expectedSet("highdicom-ct-small");
    const expectedSeg = set.segs!.find((seg) => seg.path.endsWith("seg_image_ct_true_fractional.dcm"))!;
    const grid = imageGridFromInstances(set.images.map((image) => parseImageInstance(readDicomFile(image.path))));
    const [mask] = segmentationMasks(parseSegmentation(readDicomFile(expectedSeg.path)), grid);
    const atLeastHalf = expectedSeg.frames
      .flatMap((frame) => Object.entries(frame.stored_value_counts!))
      .filter(([value]) => Number(value) >= 0.5 * expectedSeg.MaximumFractionalValue!)
      .reduce((total, [, count]) => total + count, 0);
    expect(gridMaskStatistics(mask!).voxelCount).toBe(atLeastHalf);
  });
});

describe("LABELMAP SEGs (Label Map Segmentation Storage, sparse: middle slice not encoded)", () => {
  const set = expectedSet("dcmqi-phantom-24x38x3");
  const grid = imageGridFromInstances(set.images.map((image) => parseImageInstance(readDicomFile(image.path))));

  it.each(set.optional_labelmap_segs!.map((seg, index) => [seg.path, seg, set.optional_labelmap_references![index]!] as const))(
    "%s",
    (_path, expectedSeg, reference) => {
      const seg = parseSegmentation(readDicomFile(expectedSeg.path));
      expect(seg.segmentationType).toBe("LABELMAP");
      expect(seg.pixelPaddingValue ?? null).toBe(expectedSeg.PixelPaddingValue);
      const masks = segmentationMasks(seg, grid);
      const liver = masks.find((mask) => mask.segment.segmentNumber === 1)!;
      expect(gridMaskStatistics(liver).voxelsPerSlice).toEqual(reference.per_slice_counts_k0_first["1"]);
      const nrrd = readNrrdLabelMap(reference.path);
      expect(liver.data.every((value, index) => value === (nrrd.labels[index] === 1 ? 1 : 0))).toBe(true);
      // Background (segment 0) covers the encoded frames only: an absent frame is not "background".
      const background = masks.find((mask) => mask.segment.segmentNumber === 0)!;
      const encodedZeros = expectedSeg.frames.reduce((total, frame) => total + frame.value_counts!["0"]!, 0);
      expect(gridMaskStatistics(background).voxelCount).toBe(encodedZeros);
    },
  );
});
