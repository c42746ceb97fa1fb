// A 3D image as a stack of 2D planes spanned by two axes (a, b), one per index along the third: how
// in-plane (2D) filters such as Gabor run slice by slice in the axial, coronal or sagittal orientation.
import type { FilterImage } from "./filter-image.js";

/** Flat indices of plane `index` (normal to the remaining axis), a fastest then b. */
export function planeIndices(size: FilterImage["size"], a: number, b: number, index: number): Int32Array {
  const normal = 3 - a - b;
  const strides = [1, size[0], size[0] * size[1]];
  const out = new Int32Array(size[a]! * size[b]!);
  let at = 0;
  for (let v = 0; v < size[b]!; v++) for (let u = 0; u < size[a]!; u++) out[at++] = u * strides[a]! + v * strides[b]! + index * strides[normal]!;
  return out;
}

/** The planes spanned by axes a and b, each a 2D FilterImage of size [n_a, n_b, 1], with their flat indices. */
export function imagePlanes(image: FilterImage, a: number, b: number): { plane: FilterImage; indices: Int32Array }[] {
  const normal = 3 - a - b;
  return Array.from({ length: image.size[normal]! }, (_, index) => {
    const indices = planeIndices(image.size, a, b, index);
    const plane: FilterImage = { size: [image.size[a]!, image.size[b]!, 1], spacing: [image.spacing[a]!, image.spacing[b]!, 1], data: Float64Array.from(indices, (n) => image.data[n]!) };
    return { plane, indices };
  });
}
