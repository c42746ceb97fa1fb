// How far an IBSI-2 filter reads around a voxel, per axis i, j, k: the kernel's support in voxels (all passes
// of a separable filter along an axis added; the largest axis for every axis under right-angle rotation
// invariance, which turns the kernel; plus the Laws energy map's δ), or "whole" where the response depends on
// the whole axis: Gabor kernels span the plane by default (half the larger in-plane size) and Simoncelli and
// Riesz filters are sampled on the image's own frequency grid, so a smaller grid would change them.
import type { Vec3 } from "../image/volume.js";
import type { IbsiFilter } from "./ibsi-filter-spec.js";
import { lawsKernels } from "./laws-filter.js";
import { waveletFilters } from "./wavelet-coefficients.js";

export type AxisReach = number | "whole";

export interface FilterReach {
  readonly reach: readonly [AxisReach, AxisReach, AxisReach];
  /** A periodic boundary (of the filter or the energy map) wraps to the image's far edge. */
  readonly periodic: boolean;
}

// A kernel of n taps with its origin at ⌊n/2⌋ reads ⌊n/2⌋ voxels on one side and n − 1 − ⌊n/2⌋ on the other.
const sideOf = (taps: number) => Math.max(Math.floor(taps / 2), taps - 1 - Math.floor(taps / 2));

/** Reach on the filtered axes (the others 0); `rotated`: every filtered axis takes the largest. */
function onAxes(perAxis: readonly number[], rotated: boolean, extra = 0): [number, number, number] {
  const largest = Math.max(...perAxis);
  return [0, 1, 2].map((a) => (a < perAxis.length ? (rotated ? largest : perAxis[a]!) + extra : 0)) as [number, number, number];
}

export function ibsiFilterReach(f: IbsiFilter, spacing: Vec3): FilterReach {
  const periodic = f.boundary === "PERIODIC" || (f.kind === "LAWS" && f.energyBoundary === "PERIODIC");
  const axes = (d: number) => spacing.slice(0, d);
  switch (f.kind) {
    case "MEAN": return { reach: onAxes(axes(f.dimensions).map(() => (f.support - 1) / 2), false), periodic };
    case "LOG": return { reach: onAxes(axes(f.dimensions).map((s) => Math.floor((f.truncation * f.sigma) / s + 0.5)), false), periodic };
    case "LAWS": return { reach: onAxes(lawsKernels(f.lawsKernel).map((k) => sideOf(k.length)), f.rotationInvariance, f.energyDistance ?? 0), periodic };
    case "WAVELET": {
      const taps = waveletFilters(f.wavelet).lowPass.length;
      // level l's à trous filter has taps · 2^(l−1) entries; an axis runs every level's filter in turn
      let perAxis = 0;
      for (let l = 1; l <= f.level; l++) perAxis += sideOf(taps * 2 ** (l - 1));
      return { reach: onAxes(Array.from(f.decomposition, () => perAxis), f.rotationInvariance), periodic };
    }
    case "GABOR": return { reach: f.dimensions === 2 ? ["whole", "whole", 0] : ["whole", "whole", "whole"], periodic };
    case "SIMONCELLI": case "RIESZ_LOG": case "RIESZ_SIMONCELLI": return { reach: ["whole", "whole", "whole"], periodic };
  }
}
