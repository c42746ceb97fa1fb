// Enhanced multi-frame images: one ImageInstance per frame from the functional groups, stacked and
// segmented like classic slices (frames share the SOP Instance UID; ReferencedFrameNumber tells them apart).

import { describe, expect, it } from "vitest";
import { parseImageFrames } from "../../../compute/image/multiframe-image.js";
import { parseImageInstance } from "../../../compute/image/dicom-instance.js";
import { buildSeriesVolume } from "../../../compute/image/series-volume.js";
import type { Segmentation } from "../../../compute/image/segmentation.js";
import { segmentationMasks } from "../../../compute/image/seg-mask.js";
import { gridMaskStatistics } from "../../../compute/image/mask-stats.js";
import { readDicomFile } from "./dicom-test-data.js";
import { part10File, uint16, type TestElement } from "./part10-writer.js";

const SOP = "2.25.88.1";
const FRAME_Z = [10, 5, 0]; // stored against +z, as scanners often do

function enhancedCt(): ArrayBuffer {
  const perFrame: TestElement[][] = FRAME_Z.map((z, index) => [
    { tag: 0x00209113, vr: "SQ", value: [[{ tag: 0x00200032, vr: "DS", value: `-5\\-5\\${z}` }]] },
    { tag: 0x00289145, vr: "SQ", value: [[{ tag: 0x00281052, vr: "DS", value: String(-1000 - index) }, { tag: 0x00281053, vr: "DS", value: "2" }]] },
  ]);
  const shared: TestElement[][] = [[
    { tag: 0x00189314, vr: "SQ", value: [[{ tag: 0x00181210, vr: "SH", value: "B30f" }]] },
    { tag: 0x00209116, vr: "SQ", value: [[{ tag: 0x00200037, vr: "DS", value: "1\\0\\0\\0\\1\\0" }]] },
    { tag: 0x00289110, vr: "SQ", value: [[{ tag: 0x00180050, vr: "DS", value: "5" }, { tag: 0x00280030, vr: "DS", value: "0.5\\0.5" }]] },
  ]];
  // frame f, pixel p stores 10·f + p
  const pixels = uint16(...FRAME_Z.flatMap((_z, frame) => [0, 1, 2, 3].map((p) => 10 * frame + p)));
  return part10File("1.2.840.10008.1.2.1", [
    { tag: 0x00080016, vr: "UI", value: "1.2.840.10008.5.1.4.1.1.2.1" },
    { tag: 0x00080018, vr: "UI", value: SOP },
    { tag: 0x00080060, vr: "CS", value: "CT" },
    { tag: 0x0020000d, vr: "UI", value: "2.25.88" },
    { tag: 0x0020000e, vr: "UI", value: "2.25.88.0" },
    { tag: 0x00200052, vr: "UI", value: "2.25.88.9" },
    { tag: 0x00280008, vr: "IS", value: "3" },
    { tag: 0x00280010, vr: "US", value: uint16(2) },
    { tag: 0x00280011, vr: "US", value: uint16(2) },
    { tag: 0x00280100, vr: "US", value: uint16(16) },
    { tag: 0x00280103, vr: "US", value: uint16(0) },
    { tag: 0x52009229, vr: "SQ", value: shared },
    { tag: 0x52009230, vr: "SQ", value: perFrame },
    { tag: 0x7fe00010, vr: "OW", value: pixels },
  ]);
}

describe("enhanced multi-frame CT", () => {
  const frames = parseImageFrames(enhancedCt());

  it("gives one instance per frame with its own position, rescale and the shared orientation and spacing", () => {
    expect(frames.map((frame) => [frame.sopInstanceUID, frame.frameNumber, frame.plane.imagePositionPatient[2]])).toEqual(
      FRAME_Z.map((z, index) => [SOP, index + 1, z]),
    );
    expect(frames[1]!.pixel).toMatchObject({ rows: 2, columns: 2, rescaleSlope: 2, rescaleIntercept: -1001 });
    expect(frames[0]!.plane).toMatchObject({ pixelSpacing: [0.5, 0.5], sliceThickness: 5, rowDirection: [1, 0, 0] });
    expect(frames[0]!.acquisition.convolutionKernel).toBe("B30f");
    expect(() => parseImageInstance(enhancedCt())).toThrow(/parseImageFrames/);
  });

  it("stacks along +z whatever the frame order, with each frame's rescale", () => {
    const { volume, grid } = buildSeriesVolume(frames);
    expect(grid.slices.map((slice) => slice.frameNumber)).toEqual([3, 2, 1]);
    expect(volume.geometry.spacing[2]).toBe(5);
    // slice k = frame 3 - k (0-based 2 - k): stored 10·(2-k) + p, slope 2, intercept -1000 - (2-k)
    expect(Array.from(volume.data)).toEqual([0, 1, 2].flatMap((k) => [0, 1, 2, 3].map((p) => 2 * (10 * (2 - k) + p) - 1000 - (2 - k))));
  });

  it("a SEG whose frames reference source frames by ReferencedFrameNumber lands on those frames", () => {
    const { grid } = buildSeriesVolume(frames);
    const seg: Segmentation = {
      sopClassUID: "1.2.840.10008.5.1.4.1.1.66.4",
      sopInstanceUID: "2.25.88.2",
      seriesInstanceUID: "2.25.88.3",
      studyInstanceUID: "2.25.88",
      frameOfReferenceUID: "2.25.88.9",
      modality: "SEG",
      acquisition: {},
      segmentationType: "BINARY",
      rows: 2,
      columns: 2,
      bitsAllocated: 1,
      segments: [{ segmentNumber: 1, label: "lesion" }],
      referencedSeries: [{ seriesInstanceUID: "2.25.88.0", sopInstanceUIDs: [SOP] }],
      frames: [{ frameNumber: 1, segmentNumber: 1, imagePositionPatient: [-5, -5, 10], sourceSopInstanceUIDs: [SOP], sourceFrameNumber: 1 }],
      pixelData: new Uint8Array([0b0011]),
    };
    expect(gridMaskStatistics(segmentationMasks(seg, grid)[0]!).voxelsPerSlice).toEqual([0, 0, 2]);
    const wrongFrame = { ...seg, frames: [{ ...seg.frames[0]!, sourceFrameNumber: 2 }] };
    expect(() => segmentationMasks(wrongFrame, grid)).toThrow(/names/);
  });

  it("a classic single-frame file gives one instance", () => {
    const [only, ...rest] = parseImageFrames(readDicomFile("dcmqi-phantom-23x38x3/ct/IMG0001.dcm"));
    expect(rest).toEqual([]);
    expect(only!.frameNumber).toBeUndefined();
    expect(only!.pixel.rows).toBe(38);
  });
});
