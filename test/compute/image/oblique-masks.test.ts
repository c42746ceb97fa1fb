// SEG frames and RTSTRUCT contours on an oblique grid: patient coordinates must land on the right
// pixels through the direction cosines, not through x/y/z.

import { describe, expect, it } from "vitest";
import { imageGridFromInstances } from "../../../compute/image/image-grid.js";
import type { RtStructureSet } from "../../../compute/image/rtstruct.js";
import { rtStructureSetMasks } from "../../../compute/image/rtstruct-mask.js";
import type { Segmentation } from "../../../compute/image/segmentation.js";
import { segmentationMasks } from "../../../compute/image/seg-mask.js";
import { maskStatistics, gridMaskStatistics } from "../../../compute/image/mask-stats.js";
import { toVolumeMask } from "../../../compute/image/grid-mask.js";
import { voxelToPatient, type Vec3 } from "../../../compute/image/volume.js";
import { along, obliqueDirections, syntheticSeries } from "./synthetic-series.js";

const { rowDirection, columnDirection, normal } = obliqueDirections(0.7, -0.4);
const origin: Vec3 = [-30, 15, 60];
const SLICE_SPACING = 3;
const instances = syntheticSeries({
  rows: 4,
  columns: 5,
  pixelSpacing: [0.5, 0.8],
  rowDirection,
  columnDirection,
  positions: [2, 0, 1].map((k) => along(origin, normal, k * SLICE_SPACING)),
});
const grid = imageGridFromInstances(instances);

/** Patient position of continuous pixel-index point (x = column, y = row) on slice k. */
function patientAt(x: number, y: number, k: number, lift = 0): number[] {
  const ipp = along(origin, normal, k * SLICE_SPACING + lift);
  return [0, 1, 2].map((axis) => ipp[axis]! + x * 0.8 * rowDirection[axis]! + y * 0.5 * columnDirection[axis]!);
}

function setVoxels(data: Uint8Array): [number, number, number][] {
  const voxels: [number, number, number][] = [];
  data.forEach((value, index) => value && voxels.push([index % 5, Math.floor(index / 5) % 4, Math.floor(index / 20)]));
  return voxels;
}

function structureSet(contours: number[][][]): RtStructureSet {
  return {
    sopClassUID: "1.2.840.10008.5.1.4.1.1.481.3",
    sopInstanceUID: "2.25.3",
    seriesInstanceUID: "2.25.3.0",
    studyInstanceUID: "2.25.100",
    modality: "RTSTRUCT",
    acquisition: {},
    referencedFrameOfReferenceUIDs: ["2.25.10"],
    referencedSeries: [{ seriesInstanceUID: "2.25.1000", sopInstanceUIDs: [] }],
    rois: [
      {
        roiNumber: 1,
        name: "GTV",
        contours: contours.map((points) => ({ geometricType: "CLOSED_PLANAR", points: Float64Array.from(points.flat()), referencedSopInstanceUIDs: [] })),
      },
    ],
  };
}

describe("RTSTRUCT on an oblique grid", () => {
  it("a contour around pixels (1…3, 1…2) of slice 1 fills exactly those voxels; off-plane contours are warned about", () => {
    const onSlice1 = [patientAt(0.5, 0.5, 1), patientAt(3.5, 0.5, 1), patientAt(3.5, 2.5, 1), patientAt(0.5, 2.5, 1)];
    const halfwayToSlice2 = onSlice1.map((_p, index) => patientAt([0.5, 3.5, 3.5, 0.5][index]!, [0.5, 0.5, 2.5, 2.5][index]!, 1, 1.5));
    const tilted = [patientAt(0.5, 0.5, 2), patientAt(3.5, 0.5, 2, 0.5), patientAt(3.5, 2.5, 2), patientAt(0.5, 2.5, 2)];
    const { masks, warnings } = rtStructureSetMasks(structureSet([onSlice1, halfwayToSlice2, tilted]), grid);
    expect(setVoxels(masks[0]!.data)).toEqual([[1, 1, 1], [2, 1, 1], [3, 1, 1], [1, 2, 1], [2, 2, 1], [3, 2, 1]]);
    expect(warnings.map((warning) => [warning.contourIndex, warning.reason])).toEqual([[1, "off-grid"], [2, "not-in-slice-plane"]]);
    expect(masks[0]!.contoursUsed).toBe(1);
  });

  it("mask statistics: count, volume and centroid in patient coordinates", () => {
    const onSlice1 = [patientAt(0.5, 0.5, 1), patientAt(3.5, 0.5, 1), patientAt(3.5, 2.5, 1), patientAt(0.5, 2.5, 1)];
    const [mask] = rtStructureSetMasks(structureSet([onSlice1]), grid).masks;
    const stats = maskStatistics(toVolumeMask(mask!));
    expect(stats.voxelCount).toBe(6);
    expect(stats.volumeMm3).toBeCloseTo(6 * 0.8 * 0.5 * SLICE_SPACING, 9);
    expect([...stats.centroidPatient!]).toEqual(patientAt(2, 1.5, 1).map((v) => expect.closeTo(v, 9)));
    expect(gridMaskStatistics(mask!)).toMatchObject({ voxelCount: 6, voxelsPerSlice: [0, 6, 0] });
    expect([...gridMaskStatistics(mask!).centroidPatient!]).toEqual(patientAt(2, 1.5, 1).map((v) => expect.closeTo(v, 9)));
    expect([...voxelToPatient(toVolumeMask(mask!).geometry, 2, 1.5, 1)]).toEqual(patientAt(2, 1.5, 1).map((v) => expect.closeTo(v, 9)));
  });

  it("a structure set drawn on another frame of reference → GeometryMismatchError", () => {
    const other = { ...structureSet([]), referencedFrameOfReferenceUIDs: ["2.25.99"] };
    expect(() => rtStructureSetMasks(other, grid)).toThrow(/frame of reference/);
  });
});

describe("SEG on an oblique grid (20-bit frames: not byte aligned)", () => {
  // Frame f covers bits 20f … 20f+19; set pixel (column 4, row 0) of frame 1 and (0, 3) of frame 2.
  const bits = new Uint8Array(8);
  const setBit = (bit: number) => (bits[bit >>> 3]! |= 1 << (bit & 7));
  setBit(20 * 0 + 4);
  setBit(20 * 1 + 3 * 5 + 0);

  const seg: Segmentation = {
    sopClassUID: "1.2.840.10008.5.1.4.1.1.66.4",
    sopInstanceUID: "2.25.4",
    seriesInstanceUID: "2.25.4.0",
    studyInstanceUID: "2.25.100",
    frameOfReferenceUID: "2.25.10",
    modality: "SEG",
    acquisition: {},
    segmentationType: "BINARY",
    rows: 4,
    columns: 5,
    bitsAllocated: 1,
    segments: [{ segmentNumber: 1, label: "tumour" }],
    referencedSeries: [{ seriesInstanceUID: "2.25.1000", sopInstanceUIDs: [] }],
    frames: [2, 0].map((k, index) => ({
      frameNumber: index + 1,
      segmentNumber: 1,
      imagePositionPatient: along(origin, normal, k * SLICE_SPACING),
      rowDirection,
      columnDirection,
      pixelSpacing: [0.5, 0.8] as const,
      sourceSopInstanceUIDs: [],
    })),
    pixelData: bits,
  };

  it("places each frame on its slice by position along the oblique normal", () => {
    const [mask] = segmentationMasks(seg, grid);
    expect(setVoxels(mask!.data)).toEqual([[0, 3, 0], [4, 0, 2]]);
  });

  it("a frame off the oblique planes → GeometryMismatchError", () => {
    const shifted = { ...seg, frames: seg.frames.map((frame) => ({ ...frame, imagePositionPatient: along(frame.imagePositionPatient!, normal, 1) })) };
    expect(() => segmentationMasks(shifted, grid)).toThrow(/on no slice/);
  });
});
