// One-dimensional convolution along an axis of a 3D image, under an IBSI-2 boundary condition: the
// building block of separable filters (mean, LoG, Laws, separable wavelets). Convolution proper:
// out[x] = Σ_t kernel[t] · in[x + origin − t], so an asymmetric kernel is flipped (use `correlateAxis`
// for the unflipped sum). `origin` is the kernel tap aligned with the output voxel (centre by default).
import { boundaryIndex, type BoundaryCondition } from "./boundary.js";
import { axisStride, withData, type Axis, type FilterImage } from "./filter-image.js";

export function convolveAxis(image: FilterImage, axis: Axis, kernel: ArrayLike<number>, boundary: BoundaryCondition, origin = Math.floor(kernel.length / 2)): FilterImage {
  const flipped = Float64Array.from({ length: kernel.length }, (_, t) => kernel[kernel.length - 1 - t]!);
  return correlateAxis(image, axis, flipped, boundary, kernel.length - 1 - origin);
}

/** out[x] = Σ_t kernel[t] · in[x − origin + t]. */
export function correlateAxis(image: FilterImage, axis: Axis, kernel: ArrayLike<number>, boundary: BoundaryCondition, origin = Math.floor(kernel.length / 2)): FilterImage {
  const { size, data } = image;
  const n = size[axis];
  const stride = axisStride(size, axis);
  const out = new Float64Array(data.length);
  // Per line: the source index each tap reads for each position, computed once per axis.
  const taps = kernel.length;
  const sourceOf = new Int32Array(n * taps);
  for (let x = 0; x < n; x++) for (let t = 0; t < taps; t++) sourceOf[x * taps + t] = boundaryIndex(x - origin + t, n, boundary);
  const lines = data.length / n;
  for (let line = 0; line < lines; line++) {
    const start = lineStart(line, size, axis);
    for (let x = 0; x < n; x++) {
      let sum = 0;
      for (let t = 0; t < taps; t++) {
        const s = sourceOf[x * taps + t]!;
        if (s >= 0) sum += kernel[t]! * data[start + s * stride]!;
      }
      out[start + x * stride] = sum;
    }
  }
  return withData(image, out);
}

/** Flat index of element 0 of the `line`-th line along `axis` (lines ordered by the other two axes). */
function lineStart(line: number, size: FilterImage["size"], axis: Axis): number {
  const [nx, ny] = size;
  if (axis === 0) return line * nx;
  if (axis === 1) return (line % nx) + Math.floor(line / nx) * nx * ny;
  return line; // axis 2: lines start at every (i, j) of the first slice
}
