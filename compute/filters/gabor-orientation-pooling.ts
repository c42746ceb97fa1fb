// Which planes a Gabor filter runs in, and how the responses of its orientations (and planes) are pooled
// (IBSI-2 reference manual, arXiv:2006.05470, "Gabor kernels": 2D rotation invariance pools over θ, 3D
// approximate rotation invariance also over the three orthogonal planes).
import { BadUserInputError } from "../errors.js";
import type { FilterImage } from "./filter-image.js";

export type GaborPlane = "axial" | "orthogonal";
export type OrientationPooling = "mean" | "max";

/** In-plane axis pairs (x, y of the kernel): axial i–j; orthogonal adds i–k (coronal) and j–k (sagittal). */
export function gaborPlanes(planes: GaborPlane, size: FilterImage["size"]): [number, number][] {
  if (planes === "axial") return [[0, 1]];
  if (size[2] === 1) throw new BadUserInputError("orthogonal-plane Gabor pooling needs a 3D image");
  return [[0, 1], [0, 2], [1, 2]];
}

/** Orientations θ₀, θ₀ + Δθ, … below θ₀ + 360° (degrees). */
export function orientationSteps(start: number, step: number): number[] {
  if (!(step > 0)) throw new BadUserInputError(`orientation step must be positive, got ${step}`);
  const out: number[] = [];
  for (let k = 0; start + k * step < start + 360 - 1e-9; k++) out.push(start + k * step);
  return out;
}

// pooled[n] = mean_r or max_r of responses[r][n].
export function poolResponses(responses: readonly Float64Array[], pooling: OrientationPooling): Float64Array {
  const out = Float64Array.from(responses[0]!);
  for (let r = 1; r < responses.length; r++) {
    const next = responses[r]!;
    if (pooling === "max") for (let n = 0; n < out.length; n++) out[n] = Math.max(out[n]!, next[n]!);
    else for (let n = 0; n < out.length; n++) out[n]! += next[n]!;
  }
  if (pooling === "mean") for (let n = 0; n < out.length; n++) out[n]! /= responses.length;
  return out;
}
