import { describe, expect, it } from "vitest";
import { parseImageInstance } from "../../../compute/image/dicom-instance.js";
import { buildSeriesVolume } from "../../../compute/image/series-volume.js";
import { parseRtStructureSet } from "../../../compute/image/rtstruct.js";
import { rtStructureSetMasks } from "../../../compute/image/rtstruct-mask.js";
import { gridMaskStatistics, maskStatistics } from "../../../compute/image/mask-stats.js";
import { toVolumeMask } from "../../../compute/image/grid-mask.js";
import { expectedSet, readDicomFile } from "./dicom-test-data.js";

// Axial contours: the exact area of the polygon in the x–y plane.
function shoelaceArea(points: Float64Array): number {
  let twice = 0;
  const n = points.length / 3;
  for (let p = 0; p < n; p++) {
    const q = (p + 1) % n;
    twice += points[3 * p]! * points[3 * q + 1]! - points[3 * q]! * points[3 * p + 1]!;
  }
  return Math.abs(twice) / 2;
}

function boundingBox(data: Uint8Array, columns: number, rows: number, k: number): { rows: number[]; cols: number[] } {
  const found = { rows: [Infinity, -Infinity], cols: [Infinity, -Infinity] };
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      if (!data[column + columns * (row + rows * k)]) continue;
      found.rows = [Math.min(found.rows[0]!, row), Math.max(found.rows[1]!, row)];
      found.cols = [Math.min(found.cols[0]!, column), Math.max(found.cols[1]!, column)];
    }
  }
  return found;
}

describe.each(["rtutils-mim-phantom", "segrt-cheese-raystation"])("RTSTRUCT %s", (name) => {
  const set = expectedSet(name);
  const expectedStruct = set.rtstructs![0]!;
  const { volume, grid } = buildSeriesVolume(set.images.map((image) => parseImageInstance(readDicomFile(image.path))));
  const structureSet = parseRtStructureSet(readDicomFile(expectedStruct.path));
  const { masks, warnings } = rtStructureSetMasks(structureSet, grid);

  it("has the ROIs and contour counts of expected.json", () => {
    expect(structureSet.sopInstanceUID).toBe(expectedStruct.SOPInstanceUID);
    expect(structureSet.referencedSeries.map((s) => s.seriesInstanceUID)).toEqual(expectedStruct.referenced_series.map((s) => s.SeriesInstanceUID));
    for (const [index, series] of structureSet.referencedSeries.entries()) {
      const expectedSeries = expectedStruct.referenced_series[index]!;
      expect(series.sopInstanceUIDs).toHaveLength(expectedSeries.n_contour_images_listed);
      expect(new Set(series.sopInstanceUIDs).size).toBe(expectedSeries.n_unique_listed);
      const present = series.sopInstanceUIDs.filter((uid) => grid.slices.some((slice) => slice.sopInstanceUID === uid));
      expect(present).toHaveLength(expectedSeries.n_present_in_pack);
      if (Array.isArray(expectedSeries.missing_uids)) {
        expect(series.sopInstanceUIDs.filter((uid) => !present.includes(uid)).sort()).toEqual([...expectedSeries.missing_uids].sort());
      }
    }
    expect(structureSet.rois.map((roi) => [roi.roiNumber, roi.name, roi.contours.length])).toEqual(
      expectedStruct.rois.map((roi) => [roi.ROINumber, roi.ROIName, roi.n_contours_total]),
    );
  });

  it("has the ROI attributes and referenced series of expected.json", () => {
    expect(structureSet).toMatchObject({
      seriesInstanceUID: expectedStruct.SeriesInstanceUID,
      label: expectedStruct.StructureSetLabel,
      patientID: expectedStruct.PatientID,
      acquisition: { manufacturer: expectedStruct.Manufacturer },
    });
    expect(structureSet.referencedFrameOfReferenceUIDs).toEqual(expectedStruct.referenced_series.map((s) => s.FrameOfReferenceUID));
    expect(grid.frameOfReferenceUID).toBe(expectedStruct.referenced_series[0]!.FrameOfReferenceUID);
    expect(structureSet.rois.map((roi) => [roi.generationAlgorithm, roi.interpretedType ?? "", roi.displayColor])).toEqual(
      expectedStruct.rois.map((roi) => [roi.ROIGenerationAlgorithm, roi.RTROIInterpretedType, roi.ROIDisplayColor]),
    );
    for (const [index, roi] of structureSet.rois.entries()) {
      const types: Record<string, number> = {};
      for (const contour of roi.contours) types[contour.geometricType] = (types[contour.geometricType] ?? 0) + 1;
      expect(types).toEqual(expectedStruct.rois[index]!.contour_types);
    }
  });

  it("on-grid contours: point counts, planes and exact polygon areas (shoelace) of the parsed ContourData", () => {
    for (const [index, roi] of structureSet.rois.entries()) {
      const onGrid = roi.contours
        .map((contour) => ({ contour, z: contour.points[2]! }))
        .filter(({ z }) => grid.slices.some((slice) => Math.abs(slice.offsetAlongNormal - z) < 0.01))
        .map(({ contour, z }) => ({ n_points: contour.points.length / 3, plane_offset_mm: z, area_mm2: shoelaceArea(contour.points) }));
      const expectedContours = expectedStruct.rois[index]!.on_grid_contours;
      const byPlane = (a: { plane_offset_mm: number }, b: { plane_offset_mm: number }) => a.plane_offset_mm - b.plane_offset_mm;
      expect(onGrid.sort(byPlane)).toEqual(
        [...expectedContours].sort(byPlane).map((c) => ({ n_points: c.n_points, plane_offset_mm: expect.closeTo(c.plane_offset_mm, 3), area_mm2: expect.closeTo(c.area_mm2, 2) })),
      );
    }
  });

  it("skips every off-grid contour with a warning, and uses every on-grid one", () => {
    for (const roi of expectedStruct.rois) {
      const skipped = warnings.filter((warning) => warning.roiNumber === roi.ROINumber);
      expect(skipped).toHaveLength(roi.n_contours_off_grid);
      expect(skipped.every((warning) => warning.reason === "off-grid")).toBe(true);
      expect(masks.find((mask) => mask.roi.roiNumber === roi.ROINumber)!.contoursUsed).toBe(roi.n_contours_on_pack_grid);
    }
  });

  it.each(expectedStruct.rois.map((roi) => [roi.ROIName, roi] as const))("ROI %s: per-slice counts within bounds, exact where bounds collapse", (_name, roi) => {
    const mask = masks.find((m) => m.roi.roiNumber === roi.ROINumber)!;
    const stats = gridMaskStatistics(mask);
    const raster = roi.raster_centre_inside_even_odd;
    for (const [sopInstanceUID, slice] of Object.entries(raster.per_slice)) {
      const k = grid.slices.findIndex((s) => s.sopInstanceUID === sopInstanceUID);
      expect(k).toBe(slice.slice_index_sorted);
      const count = stats.voxelsPerSlice[k]!;
      expect(count).toBeGreaterThanOrEqual(slice.bounds[0]);
      expect(count).toBeLessThanOrEqual(slice.bounds[1]);
      if (slice.bounds[0] === slice.bounds[1]) expect(count).toBe(slice.count);
      expect(boundingBox(mask.data, grid.columns, grid.rows, k)).toEqual({ rows: slice.bbox_rows, cols: slice.bbox_cols });
    }
    expect(raster.union_of_contours_total).toBe(raster.total);
    const [low, high] = raster.bounds_if_centres_on_edges_flip;
    expect(stats.voxelCount).toBeGreaterThanOrEqual(low);
    expect(stats.voxelCount).toBeLessThanOrEqual(high);
    if (low === high) expect(stats.voxelCount).toBe(raster.total);
  });

  // Our per-slice counts equal the reference raster's (asserted above, keyhole included), so its
  // volume, centroid and mean HU must match too.
  it.each(expectedStruct.rois.map((roi) => [roi.ROIName, roi] as const))("ROI %s: volume, centroid and mean HU of the reference raster", (_name, roi) => {
    const mask = toVolumeMask(masks.find((m) => m.roi.roiNumber === roi.ROINumber)!);
    const stats = maskStatistics(mask);
    expect(stats.volumeMm3).toBeCloseTo(roi.raster_volume_mm3, 2);
    expect([...stats.centroidPatient!]).toEqual(roi.raster_centroid_LPS_mm.map((v) => expect.closeTo(v, 2)));
    const sliceSize = grid.rows * grid.columns;
    for (const [sopInstanceUID, meanHu] of Object.entries(roi.sanity_mean_HU_inside_raster_per_slice)) {
      const k = grid.slices.findIndex((slice) => slice.sopInstanceUID === sopInstanceUID);
      let sum = 0;
      let count = 0;
      for (let p = k * sliceSize; p < (k + 1) * sliceSize; p++) {
        if (!mask.data[p]) continue;
        sum += volume.data[p]!;
        count++;
      }
      expect(sum / count).toBeCloseTo(meanHu, 2);
    }
  });

  it("every on-grid slice holds one contour per ROI", () => {
    for (const roi of expectedStruct.rois) {
      const contoursPerSlice = Object.values(roi.raster_centre_inside_even_odd.per_slice).map((slice) => slice.n_contours);
      const used = masks.find((mask) => mask.roi.roiNumber === roi.ROINumber)!.contoursUsed;
      expect(contoursPerSlice.reduce((a, b) => a + b, 0)).toBe(used);
    }
  });

  it("a chosen subset of ROIs builds only those masks; an unknown ROI number is bad input", () => {
    const last = expectedStruct.rois[expectedStruct.rois.length - 1]!;
    const subset = rtStructureSetMasks(structureSet, grid, { roiNumbers: [last.ROINumber] });
    expect(subset.masks.map((mask) => [mask.roi.roiNumber, gridMaskStatistics(mask).voxelCount])).toEqual([
      [last.ROINumber, last.raster_centre_inside_even_odd.total],
    ]);
    expect(subset.warnings).toHaveLength(last.n_contours_off_grid);
    expect(() => rtStructureSetMasks(structureSet, grid, { roiNumbers: [999] })).toThrow(/no ROI 999/);
  });

  it("keyhole ring (MIM ROI-4): pixel centres on the zero-width slit count as ring material", () => {
    for (const roi of expectedStruct.rois) {
      const perSlice = gridMaskStatistics(masks.find((m) => m.roi.roiNumber === roi.ROINumber)!).voxelsPerSlice;
      for (const [sopInstanceUID, slice] of Object.entries(roi.raster_centre_inside_even_odd.per_slice)) {
        expect(perSlice[grid.slices.findIndex((s) => s.sopInstanceUID === sopInstanceUID)]).toBe(slice.count);
      }
    }
  });
});
