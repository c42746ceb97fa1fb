// Rotation invariance by pooling over the 24 right-angle rotations of a 3D grid (IBSI-2 reference manual,
// arXiv:2006.05470, "rotation invariance"): out = pool_R R⁻¹(filter(R(image))), pooled voxel-wise by the
// mean or the maximum. A rotation permutes the axes and flips some of them (determinant +1), so no
// interpolation is needed. (f-ibsi2-b's own copy for the wavelet tests; f-ibsi2-a may ship a shared one.)
import { withData, type FilterImage } from "./filter-image.js";

export type RotationPooling = "mean" | "max";

/** A right-angle rotation: output axis a reads input axis `axes[a]`, reversed where `flip[a]`. */
export interface RightAngleRotation {
  readonly axes: readonly [number, number, number];
  readonly flip: readonly [boolean, boolean, boolean];
}

const PERMUTATIONS: readonly (readonly [number, number, number])[] = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];

/** The 24 proper rotations: every axis permutation × flips with determinant sign(perm) · Π flips = +1. */
export function rightAngleRotations(): RightAngleRotation[] {
  const out: RightAngleRotation[] = [];
  for (const axes of PERMUTATIONS) {
    const parity = permutationSign(axes);
    for (let bits = 0; bits < 8; bits++) {
      const flip = [(bits & 1) !== 0, (bits & 2) !== 0, (bits & 4) !== 0] as const;
      const flipSign = flip.filter(Boolean).length % 2 === 0 ? 1 : -1;
      if (parity * flipSign === 1) out.push({ axes, flip });
    }
  }
  return out;
}

/** The image seen through the rotation (sizes permute with the axes). */
export function rotate(image: FilterImage, r: RightAngleRotation): FilterImage {
  const size = r.axes.map((a) => image.size[a]!) as [number, number, number];
  const spacing = r.axes.map((a) => image.spacing[a]!) as [number, number, number];
  const data = new Float64Array(image.data.length);
  const source = sourceIndices(image.size, r);
  for (let n = 0; n < data.length; n++) data[n] = image.data[source[n]!]!;
  return { size, spacing, data };
}

/** Undoes `rotate`: `rotated` is on the rotated grid, the result on `original`'s grid. */
export function unrotate(rotated: FilterImage, original: FilterImage, r: RightAngleRotation): FilterImage {
  const data = new Float64Array(rotated.data.length);
  const source = sourceIndices(original.size, r);
  for (let n = 0; n < data.length; n++) data[source[n]!] = rotated.data[n]!;
  return withData(original, data);
}

// pooled = mean_R or max_R of R⁻¹(filter(R(image))) over the 24 rotations R.
export function poolOverRightAngleRotations(image: FilterImage, filter: (image: FilterImage) => FilterImage, pooling: RotationPooling): FilterImage {
  const out = new Float64Array(image.data.length).fill(pooling === "max" ? -Infinity : 0);
  const rotations = rightAngleRotations();
  for (const r of rotations) {
    const response = unrotate(filter(rotate(image, r)), image, r).data;
    if (pooling === "max") for (let n = 0; n < out.length; n++) out[n] = Math.max(out[n]!, response[n]!);
    else for (let n = 0; n < out.length; n++) out[n]! += response[n]! / rotations.length;
  }
  return withData(image, out);
}

/** For each voxel of the rotated grid (i fastest), its flat index in the original grid. */
function sourceIndices(size: FilterImage["size"], r: RightAngleRotation): Int32Array {
  const rotatedSize = r.axes.map((a) => size[a]!);
  const strides = [1, size[0], size[0] * size[1]];
  const out = new Int32Array(size[0] * size[1] * size[2]);
  const [n0, n1, n2] = rotatedSize as [number, number, number];
  let n = 0;
  for (let c2 = 0; c2 < n2; c2++)
    for (let c1 = 0; c1 < n1; c1++)
      for (let c0 = 0; c0 < n0; c0++) {
        let index = 0;
        const coords = [c0, c1, c2];
        for (let a = 0; a < 3; a++) {
          const c = r.flip[a] ? rotatedSize[a]! - 1 - coords[a]! : coords[a]!;
          index += c * strides[r.axes[a]!]!;
        }
        out[n++] = index;
      }
  return out;
}

function permutationSign(p: readonly number[]): number {
  let sign = 1;
  for (let i = 0; i < p.length; i++) for (let j = i + 1; j < p.length; j++) if (p[i]! > p[j]!) sign = -sign;
  return sign;
}
