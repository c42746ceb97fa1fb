// Right-angle rotations for IBSI-2 rotation invariance: the 24 proper rotations of the cube (the 4 in-plane
// ones for 2D), and pooling over them of a 1D derivative-like kernel, checked by hand.
import { describe, expect, it } from "vitest";
import type { FilterImage } from "../../../compute/filters/filter-image.js";
import { rightAngleRotations, rotationInvariant } from "../../../compute/filters/rotation-invariance.js";
import { convolveAxis } from "../../../compute/filters/separable-convolution.js";

describe("rightAngleRotations", () => {
  it("lists the 24 distinct rotations of the cube, and 4 that keep axis k for 2D", () => {
    const three = rightAngleRotations(3);
    expect(new Set(three.map((r) => JSON.stringify(r))).size).toBe(24);
    const two = rightAngleRotations(2);
    expect(two).toHaveLength(4);
    for (const r of two) expect([r.perm[2], r.flip[2]]).toEqual([2, false]);
  });
});

describe("rotationInvariant", () => {
  const image: FilterImage = { size: [3, 2, 1], spacing: [1, 1, 1], data: Float64Array.from([0, 1, 5, 2, 2, 2]) };
  // correlating [−1, 0, 1] along i (zero padding) is the central difference f(i+1) − f(i−1)
  const difference = (im: FilterImage) => convolveAxis(im, 0, [1, 0, -1], "zero");

  it("leaves an identity filter's output unchanged under every pooling", () => {
    for (const pooling of ["max", "min", "mean"] as const) expect(Array.from(rotationInvariant(image, (im) => im, pooling, 2).data)).toEqual(Array.from(image.data));
  });

  it("max-pools the central difference over ±i and ±j (2D: four rotations)", () => {
    // By hand: at each voxel the largest of f(i+1)−f(i−1), f(i−1)−f(i+1), f(j+1)−f(j−1), f(j−1)−f(j+1) with zeros outside.
    // Row j=0: [0,1,5]; row j=1: [2,2,2].
    const expected = [2, 5, 2, 2, 1, 5];
    expect(Array.from(rotationInvariant(image, difference, "max", 2).data)).toEqual(expected);
  });
});
