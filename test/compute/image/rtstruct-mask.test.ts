import { describe, expect, it } from "vitest";
import { parseImageInstance } from "../../../compute/image/dicom-instance.js";
import { imageGridFromInstances } from "../../../compute/image/image-grid.js";
import { parseRtStructureSet } from "../../../compute/image/rtstruct.js";
import { rtStructureSetMasks } from "../../../compute/image/rtstruct-mask.js";
import { gridMaskStatistics, maskStatistics } from "../../../compute/image/mask-stats.js";
import { toVolumeMask } from "../../../compute/image/grid-mask.js";
import { expectedSet, readDicomFile } from "./dicom-test-data.js";

describe.each(["rtutils-mim-phantom", "segrt-cheese-raystation"])("RTSTRUCT %s", (name) => {
  const set = expectedSet(name);
  const expectedStruct = set.rtstructs![0]!;
  const grid = imageGridFromInstances(set.images.map((image) => parseImageInstance(readDicomFile(image.path))));
  const structureSet = parseRtStructureSet(readDicomFile(expectedStruct.path));
  const { masks, warnings } = rtStructureSetMasks(structureSet, grid);

  it("has the ROIs and contour counts of expected.json", () => {
    expect(structureSet.sopInstanceUID).toBe(expectedStruct.SOPInstanceUID);
    expect(structureSet.referencedSeriesInstanceUIDs).toEqual(expectedStruct.referenced_series.map((s) => s.SeriesInstanceUID));
    expect(structureSet.rois.map((roi) => [roi.roiNumber, roi.name, roi.contours.length])).toEqual(
      expectedStruct.rois.map((roi) => [roi.ROINumber, roi.ROIName, roi.n_contours_total]),
    );
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
    }
    const [low, high] = raster.bounds_if_centres_on_edges_flip;
    expect(stats.voxelCount).toBeGreaterThanOrEqual(low);
    expect(stats.voxelCount).toBeLessThanOrEqual(high);
    if (low === high) expect(stats.voxelCount).toBe(raster.total);
  });

  it.each(expectedStruct.rois.map((roi) => [roi.ROIName, roi] as const))("ROI %s: volume and centroid of the reference raster", (_name, roi) => {
    const stats = maskStatistics(toVolumeMask(masks.find((m) => m.roi.roiNumber === roi.ROINumber)!));
    const [low, high] = roi.raster_centre_inside_even_odd.bounds_if_centres_on_edges_flip;
    if (low !== high) return; // on-edge pixels make volume and centroid depend on the rasteriser
    expect(stats.volumeMm3).toBeCloseTo(roi.raster_volume_mm3, 2);
    expect([...stats.centroidPatient!]).toEqual(roi.raster_centroid_LPS_mm.map((v) => expect.closeTo(v, 2)));
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
