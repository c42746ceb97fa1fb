// Randomly corrupted real files (seeded, reproducible): parsing and mask building either succeed or
// throw one of our typed errors — never a TypeError or RangeError from deep inside.

import { describe, expect, it } from "vitest";
import { PlatformError } from "../../../compute/errors.js";
import { parseImageInstance, type ImageInstance } from "../../../compute/image/dicom-instance.js";
import { imageGridFromInstances, type ImageGrid } from "../../../compute/image/image-grid.js";
import { buildSeriesVolume } from "../../../compute/image/series-volume.js";
import { parseSegmentation } from "../../../compute/image/segmentation.js";
import { segmentationMasks } from "../../../compute/image/seg-mask.js";
import { parseRtStructureSet } from "../../../compute/image/rtstruct.js";
import { rtStructureSetMasks } from "../../../compute/image/rtstruct-mask.js";
import { readDicomFile } from "./dicom-test-data.js";

const TRIALS = 150;

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function gridOf(paths: string[]): { grid: ImageGrid; instances: ImageInstance[] } {
  const instances = paths.map((path) => parseImageInstance(readDicomFile(path)));
  return { grid: imageGridFromInstances(instances), instances };
}

const phantom = gridOf(["dcmqi-phantom-23x38x3/ct/IMG0001.dcm", "dcmqi-phantom-23x38x3/ct/IMG0002.dcm", "dcmqi-phantom-23x38x3/ct/IMG0003.dcm"]);
const mim = gridOf(["rtutils-mim-phantom/ct/ct_1.dcm", "rtutils-mim-phantom/ct/ct_2.dcm"]);

const CASES: { path: string; headerBytes: number; run: (buffer: ArrayBuffer) => unknown }[] = [
  {
    path: "dcmqi-phantom-23x38x3/ct/IMG0002.dcm",
    headerBytes: 3012,
    run: (buffer) => buildSeriesVolume([phantom.instances[0]!, parseImageInstance(buffer), phantom.instances[2]!]),
  },
  { path: "dcmqi-phantom-23x38x3/seg/label.seg", headerBytes: 100_000, run: (buffer) => segmentationMasks(parseSegmentation(buffer), phantom.grid) },
  {
    path: "rtutils-mim-phantom/rtstruct/invalid_reference_rt.dcm",
    headerBytes: 6000,
    run: (buffer) => rtStructureSetMasks(parseRtStructureSet(buffer), mim.grid),
  },
];

describe.each(CASES)("corrupted $path", ({ path, headerBytes, run }) => {
  it(`${TRIALS} seeded corruptions of 1–4 bytes give a result or a PlatformError`, () => {
    const original = new Uint8Array(readDicomFile(path));
    const random = seededRandom(20261129);
    const untyped: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const bytes = original.slice();
      const span = Math.min(headerBytes, bytes.length) - 132;
      for (let flip = 0, flips = 1 + Math.floor(random() * 4); flip < flips; flip++) {
        bytes[132 + Math.floor(random() * span)] = Math.floor(random() * 256);
      }
      try {
        run(bytes.buffer);
      } catch (error) {
        if (!(error instanceof PlatformError)) untyped.push(`trial ${trial}: ${String(error)}`);
      }
    }
    expect(untyped).toEqual([]);
  });
});
