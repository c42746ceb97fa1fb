// pyradiomics `Gradient`: SimpleITK GradientMagnitudeImageFilter — central differences
// (x[i+1] − x[i−1]) / (2Δ) per axis (Δ = spacing, or 1 with gradientUseSpacing = false), the edge voxel
// repeated beyond the border (ITK's zero-flux Neumann condition), magnitude √Σ d² computed in double and
// stored as a 32-bit float (SimpleITK returns a float image even for double input).
import { boundaryIndex } from "../boundary.js";
import { axisStride, withData, type Axis, type FilterImage } from "../filter-image.js";
import type { DerivedImage } from "./derived-image.js";

export interface GradientParams {
  /** pyradiomics' `gradientUseSpacing` (default true). */
  readonly gradientUseSpacing?: boolean;
}

export function gradientImage(image: FilterImage, params: GradientParams = {}): DerivedImage {
  const useSpacing = params.gradientUseSpacing ?? true;
  const sumSq = new Float64Array(image.data.length);
  for (const axis of [0, 1, 2] as const) {
    if (image.size[axis] < 2) continue; // a single slice has no derivative across it
    const d = centralDifference(image, axis, useSpacing ? image.spacing[axis] : 1);
    for (let v = 0; v < d.length; v++) sumSq[v]! += d[v]! * d[v]!;
  }
  return { name: "gradient", image: withData(image, sumSq.map((x) => Math.fround(Math.sqrt(x)))) };
}

function centralDifference(image: FilterImage, axis: Axis, delta: number): Float64Array {
  const { size, data } = image;
  const [nx, ny, nz] = size;
  const stride = axisStride(size, axis);
  const n = size[axis];
  const out = new Float64Array(data.length);
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) {
        const v = i + nx * (j + ny * k);
        const p = axis === 0 ? i : axis === 1 ? j : k;
        const base = v - p * stride;
        const next = data[base + boundaryIndex(p + 1, n, "nearest") * stride]!;
        const prev = data[base + boundaryIndex(p - 1, n, "nearest") * stride]!;
        out[v] = (next - prev) / (2 * delta);
      }
  return out;
}
