// Synthetic series: oblique round trip, rescale, and a typed error for every way a set of slices
// can fail to be one regular stack.

import { describe, expect, it } from "vitest";
import { buildSeriesVolume } from "../../../compute/image/series-volume.js";
import { imageGridFromInstances } from "../../../compute/image/image-grid.js";
import { SeriesGeometryError, UnsupportedTransferSyntaxError } from "../../../compute/image/image-errors.js";
import { InvalidDicomError } from "../../../compute/errors.js";
import { voxelToPatient, type Vec3 } from "../../../compute/image/volume.js";
import { partitionByPlaneGeometry } from "../../../compute/image/stack-partition.js";
import { along, obliqueDirections, syntheticSeries } from "./synthetic-series.js";

const AXIAL_POSITIONS = (zs: number[]): Vec3[] => zs.map((z) => [-10, 20, z]);

function problemOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof SeriesGeometryError) return error.problem;
    throw error;
  }
  return undefined;
}

describe("oblique series", () => {
  const { rowDirection, columnDirection, normal } = obliqueDirections(0.5, 0.3);
  const origin: Vec3 = [12.5, -40, 7];
  const spacing = 2.5;
  const shuffled = [3, 0, 2, 1];
  const instances = syntheticSeries({
    rowDirection,
    columnDirection,
    positions: shuffled.map((k) => along(origin, normal, k * spacing)),
    storedValue: (column, row, index) => 1000 * shuffled[index]! + 10 * row + column,
    rescaleSlope: 2,
    rescaleIntercept: -1024,
  });

  it("round trip: voxel (i, j, k) maps to IPP_k + i·Δc·rowDir + j·Δr·colDir, whatever the input order", () => {
    const { volume, grid } = buildSeriesVolume(instances);
    const geometry = volume.geometry;
    expect(geometry.size).toEqual([5, 4, 4]);
    expect(geometry.spacing.map((v) => Number(v.toFixed(9)))).toEqual([0.8, 0.5, spacing]);
    expect(geometry.direction[2].map((v) => Number(v.toFixed(9)))).toEqual(normal.map((v) => Number(v.toFixed(9))));
    for (let k = 0; k < 4; k++) {
      const ipp = along(origin, normal, k * spacing);
      expect(grid.slices[k]!.sopInstanceUID).toBe(`2.25.1000.${shuffled.indexOf(k) + 1}`);
      for (const [i, j] of [[0, 0], [4, 0], [0, 3], [4, 3], [2, 1]] as const) {
        const expected = [0, 1, 2].map((axis) => ipp[axis]! + i * 0.8 * rowDirection[axis]! + j * 0.5 * columnDirection[axis]!);
        expect([...voxelToPatient(geometry, i, j, k)]).toEqual(expected.map((v) => expect.closeTo(v, 9)));
        expect(volume.data[i + 5 * (j + 4 * k)]).toBe(2 * (1000 * k + 10 * j + i) - 1024);
      }
    }
  });
});

describe("slices that are not one regular stack → SeriesGeometryError with the reason", () => {
  it("irregular spacing (1, 1, 1.5 mm gaps) is refused as a volume but allowed as a grid for masks", () => {
    const instances = syntheticSeries({ positions: AXIAL_POSITIONS([0, 1, 2, 3.5]) });
    expect(problemOf(() => buildSeriesVolume(instances))).toBe("irregular-spacing");
    expect(imageGridFromInstances(instances).sliceSpacing).toBeUndefined();
  });

  it("a missing slice (gaps 2, 4, 2 mm) is reported as missing slices", () => {
    expect(problemOf(() => buildSeriesVolume(syntheticSeries({ positions: AXIAL_POSITIONS([0, 2, 6, 8]) })))).toBe("missing-slices");
  });

  it("spacing jitter within the tolerance is still regular", () => {
    const { grid } = buildSeriesVolume(syntheticSeries({ positions: AXIAL_POSITIONS([0, 2.004, 3.998, 6]) }));
    expect(grid.sliceSpacing).toBeCloseTo(2, 9);
  });

  it("oblique positions written with two decimals (rounding noise) still make one regular stack", () => {
    const { rowDirection, columnDirection, normal } = obliqueDirections(0.4, 0.6);
    const round2 = (v: Vec3): Vec3 => [Number(v[0].toFixed(2)), Number(v[1].toFixed(2)), Number(v[2].toFixed(2))];
    const positions = Array.from({ length: 40 }, (_, k) => round2(along([10.123, -5.456, 30.789], normal, k * 1.25)));
    const { grid } = buildSeriesVolume(syntheticSeries({ rowDirection, columnDirection, positions }));
    expect(grid.sliceSpacing).toBeCloseTo(1.25, 3);
  });

  it("gantry tilt: positions step sideways as well as along the normal", () => {
    const positions: Vec3[] = [0, 1, 2].map((k) => [-10, 20 + k * 0.3, k * 2]);
    expect(problemOf(() => buildSeriesVolume(syntheticSeries({ positions })))).toBe("gantry-tilt");
  });

  it("two slices at one position", () => {
    expect(problemOf(() => buildSeriesVolume(syntheticSeries({ positions: AXIAL_POSITIONS([0, 2, 2, 4]) })))).toBe("duplicate-position");
  });

  it("mixed Rows/Columns, PixelSpacing, orientation or series", () => {
    const base = syntheticSeries({ positions: AXIAL_POSITIONS([0, 2, 4]) });
    const other = syntheticSeries({ positions: AXIAL_POSITIONS([6]), rows: 8 });
    expect(problemOf(() => buildSeriesVolume([...base, { ...other[0]!, sopInstanceUID: "2.25.9" }]))).toBe("mixed-geometry");
    const spaced = { ...base[2]!, plane: { ...base[2]!.plane, pixelSpacing: [0.5, 0.9] as const } };
    expect(problemOf(() => buildSeriesVolume([base[0]!, base[1]!, spaced]))).toBe("mixed-geometry");
    const turned = { ...base[2]!, plane: { ...base[2]!.plane, rowDirection: obliqueDirections(0.01, 0).rowDirection } };
    expect(problemOf(() => buildSeriesVolume([base[0]!, base[1]!, turned]))).toBe("mixed-geometry");
    expect(problemOf(() => buildSeriesVolume([base[0]!, { ...base[1]!, seriesInstanceUID: "2.25.2" }]))).toBe("mixed-series");
    expect(problemOf(() => buildSeriesVolume([]))).toBe("empty-series");
  });
});

describe("pixel data problems", () => {
  const [slice] = syntheticSeries({ positions: AXIAL_POSITIONS([0]) });

  it("compressed (encapsulated) pixel data → UnsupportedTransferSyntaxError naming the syntax", () => {
    const jpeg = { ...slice!, pixelData: undefined, pixelDataEncapsulated: true, transferSyntaxUID: "1.2.840.10008.1.2.4.70" };
    expect(() => buildSeriesVolume([jpeg])).toThrow(UnsupportedTransferSyntaxError);
    expect(() => buildSeriesVolume([jpeg])).toThrow(/1\.2\.840\.10008\.1\.2\.4\.70/);
  });

  it("metadata-only instance or too few pixel bytes → InvalidDicomError", () => {
    expect(() => buildSeriesVolume([{ ...slice!, pixelData: undefined }])).toThrow(InvalidDicomError);
    expect(() => buildSeriesVolume([{ ...slice!, pixelData: slice!.pixelData!.subarray(0, 10) }])).toThrow(/bytes of pixel data/);
  });

  it("a single slice takes its SliceThickness as the extent along the normal", () => {
    expect(buildSeriesVolume([slice!]).volume.geometry.spacing[2]).toBe(2);
  });
});

describe("a localizer saved in the axial series", () => {
  it("is set apart by in-plane geometry, after which the axial stack builds", () => {
    const axial = syntheticSeries({ positions: AXIAL_POSITIONS([0, 2, 4, 6]) });
    const [scout] = syntheticSeries({ positions: [[0, 0, 0]], rows: 16, columnDirection: [0, 0, -1] });
    const mixed = [axial[0]!, axial[1]!, { ...scout!, sopInstanceUID: "2.25.1000.99" }, axial[2]!, axial[3]!];
    expect(problemOf(() => buildSeriesVolume(mixed))).toBe("mixed-geometry");
    const [stack, localizer] = partitionByPlaneGeometry(mixed);
    expect(localizer!.map((instance) => instance.sopInstanceUID)).toEqual(["2.25.1000.99"]);
    expect(buildSeriesVolume(stack!).volume.geometry.size).toEqual([5, 4, 4]);
  });
});
