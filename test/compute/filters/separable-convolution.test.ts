// Boundary conditions and 1D convolution along each axis, checked against scipy.ndimage.convolve1d
// (scipy 1.17.1 in /opt/rgpy; modes: zero → "constant" cval 0, nearest → "nearest", periodic → "wrap", mirror →
// "reflect"), whose values for these small inputs are written out below.
import { describe, expect, it } from "vitest";
import { boundaryIndex } from "../../../compute/filters/boundary.js";
import { convolveAxis, correlateAxis } from "../../../compute/filters/separable-convolution.js";
import type { FilterImage } from "../../../compute/filters/filter-image.js";

const line = (values: number[], axis: 0 | 1 | 2): FilterImage => {
  const size = [1, 1, 1] as [number, number, number];
  size[axis] = values.length;
  return { size, spacing: [1, 1, 1], data: Float64Array.from(values) };
};

describe("boundaryIndex", () => {
  it("pads the way scipy.ndimage's constant / nearest / wrap / reflect modes do", () => {
    const positions = [-4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6];
    expect(positions.map((i) => boundaryIndex(i, 3, "zero"))).toEqual([-1, -1, -1, -1, 0, 1, 2, -1, -1, -1, -1]);
    expect(positions.map((i) => boundaryIndex(i, 3, "nearest"))).toEqual([0, 0, 0, 0, 0, 1, 2, 2, 2, 2, 2]);
    expect(positions.map((i) => boundaryIndex(i, 3, "periodic"))).toEqual([2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0]);
    expect(positions.map((i) => boundaryIndex(i, 3, "mirror"))).toEqual([2, 2, 1, 0, 0, 1, 2, 2, 1, 0, 0]);
  });
});

describe("convolveAxis", () => {
  // scipy.ndimage.convolve1d([1, 2, 4, 8, 16], [1, 2, 3], mode=…) for each mode.
  const input = [1, 2, 4, 8, 16];
  const kernel = [1, 2, 3];
  const scipy = {
    zero: [4, 11, 22, 44, 56],
    nearest: [7, 11, 22, 44, 72],
    periodic: [52, 11, 22, 44, 57],
    mirror: [7, 11, 22, 44, 72],
  } as const;
  for (const [mode, expected] of Object.entries(scipy))
    it(`matches scipy convolve1d mode for ${mode} on every axis`, () => {
      for (const axis of [0, 1, 2] as const) expect(Array.from(convolveAxis(line(input, axis), axis, kernel, mode as keyof typeof scipy).data)).toEqual(expected);
    });

  it("correlates without flipping (scipy correlate1d)", () => {
    expect(Array.from(correlateAxis(line(input, 0), 0, kernel, "zero").data)).toEqual([8, 17, 34, 68, 40]);
  });

  it("convolves each line of a 3D grid separately", () => {
    const image: FilterImage = { size: [2, 3, 2], spacing: [1, 1, 1], data: Float64Array.from({ length: 12 }, (_, n) => n) };
    const out = convolveAxis(image, 1, [1, 1, 1], "zero");
    // along j for (i, k) = (0, 0): values 0, 2, 4 → 2, 6, 6
    expect([out.data[0], out.data[2], out.data[4]]).toEqual([2, 6, 6]);
    // (i, k) = (1, 1): values 7, 9, 11 → 16, 27, 20
    expect([out.data[7], out.data[9], out.data[11]]).toEqual([16, 27, 20]);
  });
});
