// IBSI-2 rotation invariance: the filter is applied for each right-angle rotation of the kernel (24 in 3D,
// the 4 in-plane ones in 2D) and the response maps are pooled voxel by voxel (max, min or mean). Rotating
// the kernel by R equals rotating the image by R⁻¹, filtering, and rotating back — that is what is done
// here, so any filter (Laws, Gabor, wavelets …) gets rotation invariance without rotating its kernel.
// Every boundary condition is symmetric under flips, so the edges are treated the same in every rotation.
import { BadUserInputError } from "../errors.js";
import type { FilterDimensions } from "./filter-dimensions.js";
import type { FilterImage } from "./filter-image.js";

export type RotationPooling = "max" | "min" | "mean";

/** A proper rotation by right angles: rotated axis a is source axis perm[a], reversed when flip[a]. */
export interface RightAngleRotation {
  readonly perm: readonly [number, number, number];
  readonly flip: readonly [boolean, boolean, boolean];
}

const PERMUTATIONS: readonly (readonly [number, number, number])[] = [
  [0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0],
];

// sign of a permutation of three: +1 for the cyclic ones, −1 for the transpositions
const permutationSign = (p: readonly number[]) => ((p[0] === 0 && p[1] === 1) || (p[0] === 1 && p[1] === 2) || (p[0] === 2 && p[1] === 0) ? 1 : -1);

/** The 24 rotations of the cube (det = +1), or the 4 that keep axis k in place for 2D filters. */
export function rightAngleRotations(dimensions: FilterDimensions): RightAngleRotation[] {
  const out: RightAngleRotation[] = [];
  for (const perm of PERMUTATIONS)
    for (let bits = 0; bits < 8; bits++) {
      const flip = [(bits & 1) !== 0, (bits & 2) !== 0, (bits & 4) !== 0] as const;
      const flips = flip.filter(Boolean).length;
      if (permutationSign(perm) * (flips % 2 === 0 ? 1 : -1) !== 1) continue;
      if (dimensions === 2 && (perm[2] !== 2 || flip[2])) continue;
      out.push({ perm, flip });
    }
  return out;
}

/** For each voxel of the rotated image (flat, i fastest), the flat index of the source voxel it shows. */
function rotationSourceIndex(size: FilterImage["size"], r: RightAngleRotation): { size: [number, number, number]; source: Int32Array } {
  const rotated: [number, number, number] = [size[r.perm[0]]!, size[r.perm[1]]!, size[r.perm[2]]!];
  const stride = [1, size[0], size[0] * size[1]];
  // offset[a][c]: flat-index contribution of rotated coordinate c along axis a
  const offset = rotated.map((n, a) => Int32Array.from({ length: n }, (_, c) => (r.flip[a] ? n - 1 - c : c) * stride[r.perm[a]!]!));
  const [oi, oj, ok] = offset as [Int32Array, Int32Array, Int32Array];
  const source = new Int32Array(size[0] * size[1] * size[2]);
  let n = 0;
  for (let w = 0; w < rotated[2]; w++)
    for (let v = 0; v < rotated[1]; v++) for (let u = 0; u < rotated[0]; u++) source[n++] = oi[u]! + oj[v]! + ok[w]!;
  return { size: rotated, source };
}

/** Filters the image once per right-angle rotation and pools the responses on the original grid. */
export function rotationInvariant(image: FilterImage, filter: (image: FilterImage) => FilterImage, pooling: RotationPooling, dimensions: FilterDimensions): FilterImage {
  const rotations = rightAngleRotations(dimensions);
  const pooled = new Float64Array(image.data.length).fill(pooling === "max" ? -Infinity : pooling === "min" ? Infinity : 0);
  for (const r of rotations) {
    const { size, source } = rotationSourceIndex(image.size, r);
    const spacing: [number, number, number] = [image.spacing[r.perm[0]]!, image.spacing[r.perm[1]]!, image.spacing[r.perm[2]]!];
    const response = filter({ size, spacing, data: Float64Array.from(source, (s) => image.data[s]!) }).data;
    if (response.length !== pooled.length) throw new BadUserInputError("rotation invariance needs a filter that keeps the image size");
    for (let n = 0; n < source.length; n++) {
      const s = source[n]!;
      const value = response[n]!;
      pooled[s] = pooling === "max" ? Math.max(pooled[s]!, value) : pooling === "min" ? Math.min(pooled[s]!, value) : pooled[s]! + value / rotations.length;
    }
  }
  return { size: image.size, spacing: image.spacing, data: pooled };
}
