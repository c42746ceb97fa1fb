import { describe, expect, it } from "vitest";
import { parseImageInstance } from "../../../compute/image/dicom-instance.js";
import { buildSeriesVolume } from "../../../compute/image/series-volume.js";
import { imageGridFromInstances, sliceGaps } from "../../../compute/image/image-grid.js";
import { SeriesGeometryError } from "../../../compute/image/image-errors.js";
import { decodeFrameInto } from "../../../compute/image/pixel-decode.js";
import { expected, expectedSet, readDicomFile, type ExpectedImage } from "./dicom-test-data.js";

const ALL_IMAGES = Object.values(expected.sets).flatMap((set) => [...set.images, ...(set.images_single ?? [])]);

/** Back from rescaled values to stored values: min, max and sum as expected.json lists them. */
function storedSummary(rescaled: Float32Array | Float64Array, image: ExpectedImage): { sum: number; min: number; max: number } {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const value of rescaled) {
    const stored = Math.round((value - image.RescaleIntercept) / image.RescaleSlope);
    sum += stored;
    min = Math.min(min, stored);
    max = Math.max(max, stored);
  }
  return { sum, min, max };
}

const SETS = ["dcmqi-ct3slice", "dcmqi-phantom-23x38x3", "dcmqi-phantom-24x38x3", "highdicom-ct-small", "rtutils-mim-phantom", "segrt-cheese-raystation"];

describe("real series: slices sorted along the normal, not by InstanceNumber", () => {
  it.each(SETS)("%s: order, positions, instance numbers and gaps match expected.json", (name) => {
    const set = expectedSet(name);
    const instances = set.images.map((image) => parseImageInstance(readDicomFile(image.path)));
    const grid = imageGridFromInstances(instances);
    const byUid = new Map(set.images.map((image) => [image.SOPInstanceUID, image]));
    const geometry = set.geometry;
    expect(grid.slices.map((slice) => byUid.get(slice.sopInstanceUID)!.path)).toEqual(geometry.files_sorted_by_position_along_normal);
    grid.slices.forEach((slice, k) => expect(slice.offsetAlongNormal).toBeCloseTo(geometry.positions_along_normal_mm[k]!, 2));
    expect(grid.slices.map((slice) => instances.find((i) => i.sopInstanceUID === slice.sopInstanceUID)!.instanceNumber)).toEqual(
      geometry.instance_numbers_in_that_order,
    );
    expect([...grid.normal]).toEqual(geometry.slice_normal.map((v) => expect.closeTo(v, 6)));
    expect(grid.rows).toBe(geometry.Rows);
    expect(grid.columns).toBe(geometry.Columns);
    const uniqueGaps = [...new Set(sliceGaps(grid).map((gap) => Math.round(gap * 1000) / 1000))].sort((a, b) => a - b);
    expect(uniqueGaps).toEqual(geometry.gaps_between_slices_mm.map((gap) => expect.closeTo(gap, 3)));
    expect(grid.sliceSpacing !== undefined).toBe(geometry.regular_spacing);
  });

  it.each(SETS)("%s: whole series as one volume, stored values match expected min/max/sum per slice", (name) => {
    const set = expectedSet(name);
    const instances = set.images.map((image) => parseImageInstance(readDicomFile(image.path)));
    if (!set.geometry.regular_spacing) {
      expect(() => buildSeriesVolume(instances)).toThrow(SeriesGeometryError);
      return;
    }
    const { volume, grid } = buildSeriesVolume(instances);
    const sliceSize = grid.rows * grid.columns;
    grid.slices.forEach((slice, k) => {
      const image = set.images.find((i) => i.SOPInstanceUID === slice.sopInstanceUID)!;
      expect(storedSummary(volume.data.subarray(k * sliceSize, (k + 1) * sliceSize), image)).toEqual({
        sum: image.stored_sum,
        min: image.stored_min,
        max: image.stored_max,
      });
    });
  });

  it.each(ALL_IMAGES.map((image) => [image.path, image] as const))("%s: every image decodes to the expected stored values", (_path, image) => {
    const instance = parseImageInstance(readDicomFile(image.path));
    const slice = new Float32Array(image.Rows * image.Columns);
    decodeFrameInto(instance.pixelData!, instance.pixel, slice, 0, image.path);
    expect(storedSummary(slice, image)).toEqual({ sum: image.stored_sum, min: image.stored_min, max: image.stored_max });
  });
});
