// IBSI interpolation to a new voxel grid: grid alignment "centred" (the new grid shares its centre with
// the original grid), trilinear interpolation of the image, trilinear interpolation of the mask followed
// by a partial-volume threshold (default 0.5). Points beyond the original grid take the nearest edge value.
import { BadUserInputError } from "../errors.js";
import type { Geometry, Mask, Vec3, Volume } from "./volume.js";
import { voxelToPatient } from "./volume.js";

export interface InterpolationSettings {
  /** New spacing (mm) per axis i, j, k; `null` keeps the original spacing (e.g. 2D in-plane interpolation). */
  readonly spacing: readonly [number | null, number | null, number | null];
  /** Round interpolated intensities to integers (IBSI does this for CT in HU). */
  readonly roundIntensities?: boolean;
  /** Partial-volume threshold for the interpolated mask; IBSI uses 0.5. */
  readonly maskThreshold?: number;
}

/** Where the new grid's sample points fall, in (fractional) voxel indices of the original grid. */
export interface CentredGrid {
  readonly geometry: Geometry;
  /** Original-grid index of the first new voxel centre, per axis. */
  readonly start: Vec3;
  /** Original-grid index step between new voxel centres, per axis (s_new / s_old). */
  readonly step: Vec3;
}

/** IBSI centred grid: n_b = ceil(n_a s_a / s_b), first centre at (n_a - 1)/2 - (n_b - 1) s_b / (2 s_a). */
export function centredGrid(original: Geometry, spacing: InterpolationSettings["spacing"]): CentredGrid {
  const size: number[] = [];
  const newSpacing: number[] = [];
  const start: number[] = [];
  const step: number[] = [];
  for (let d = 0; d < 3; d++) {
    const sa = original.spacing[d]!;
    const na = original.size[d]!;
    const sb = spacing[d] ?? sa;
    if (!(sb > 0) || !Number.isFinite(sb)) throw new BadUserInputError(`interpolation spacing must be positive, got ${sb}`, { axis: d, spacing: sb });
    // A tiny tolerance keeps 2.0 mm / 2.0 mm grids from gaining a voxel through rounding noise.
    const nb = Math.max(1, Math.ceil((na * sa) / sb - 1e-9));
    size.push(nb);
    newSpacing.push(sb);
    start.push((na - 1) / 2 - ((nb - 1) * sb) / (2 * sa));
    step.push(sb / sa);
  }
  const origin = voxelToPatient(original, start[0]!, start[1]!, start[2]!);
  const geometry: Geometry = {
    size: [size[0]!, size[1]!, size[2]!],
    spacing: [newSpacing[0]!, newSpacing[1]!, newSpacing[2]!],
    origin,
    direction: original.direction,
  };
  return { geometry, start: [start[0]!, start[1]!, start[2]!], step: [step[0]!, step[1]!, step[2]!] };
}

/** Lower sample index and weight of the upper sample for a fractional position, clamped to [0, n-1]. */
function axisSamples(n: number, start: number, step: number, count: number): { lower: Int32Array; weight: Float64Array } {
  const lower = new Int32Array(count);
  const weight = new Float64Array(count);
  for (let t = 0; t < count; t++) {
    const x = Math.min(Math.max(start + t * step, 0), n - 1);
    const i0 = Math.min(Math.floor(x), Math.max(n - 2, 0));
    lower[t] = i0;
    weight[t] = n > 1 ? x - i0 : 0;
  }
  return { lower, weight };
}

/** An inclusive box of voxel indices of the original grid. */
export interface IndexBox { readonly lower: Vec3; readonly upper: Vec3 }

/**
 * The part of a centred grid whose sample points fall inside `box` (original-grid indices). Sampling only
 * this part keeps the IBSI grid alignment of the whole image while never resampling a whole CT.
 */
export function restrictGrid(original: Geometry, grid: CentredGrid, box: IndexBox): CentredGrid {
  const first: number[] = [], count: number[] = [];
  for (let d = 0; d < 3; d++) {
    const n = grid.geometry.size[d]!;
    const lo = Math.max(0, Math.ceil((box.lower[d]! - grid.start[d]!) / grid.step[d]! - 1e-9));
    const hi = Math.min(n - 1, Math.floor((box.upper[d]! - grid.start[d]!) / grid.step[d]! + 1e-9));
    first.push(Math.min(lo, n - 1));
    count.push(Math.max(1, hi - lo + 1));
  }
  const start: Vec3 = [
    grid.start[0] + first[0]! * grid.step[0],
    grid.start[1] + first[1]! * grid.step[1],
    grid.start[2] + first[2]! * grid.step[2],
  ];
  return {
    geometry: { ...grid.geometry, size: [count[0]!, count[1]!, count[2]!], origin: voxelToPatient(original, start[0], start[1], start[2]) },
    start,
    step: grid.step,
  };
}

/** Trilinear resampling of any voxel array onto a centred grid. */
export function trilinearResample(data: ArrayLike<number>, original: Geometry, grid: CentredGrid): Float32Array {
  const [na, nb, nc] = original.size;
  const [mx, my, mz] = grid.geometry.size;
  const ax = axisSamples(na, grid.start[0], grid.step[0], mx);
  const ay = axisSamples(nb, grid.start[1], grid.step[1], my);
  const az = axisSamples(nc, grid.start[2], grid.step[2], mz);
  const out = new Float32Array(mx * my * mz);
  const dx = na > 1 ? 1 : 0;
  const dy = nb > 1 ? na : 0;
  const dz = nc > 1 ? na * nb : 0;
  let o = 0;
  for (let k = 0; k < mz; k++) {
    const wz = az.weight[k]!;
    const bz = az.lower[k]! * na * nb;
    for (let j = 0; j < my; j++) {
      const wy = ay.weight[j]!;
      const by = bz + ay.lower[j]! * na;
      for (let i = 0; i < mx; i++, o++) {
        const wx = ax.weight[i]!;
        const b = by + ax.lower[i]!;
        const c00 = data[b]! * (1 - wx) + data[b + dx]! * wx;
        const c10 = data[b + dy]! * (1 - wx) + data[b + dy + dx]! * wx;
        const c01 = data[b + dz]! * (1 - wx) + data[b + dz + dx]! * wx;
        const c11 = data[b + dz + dy]! * (1 - wx) + data[b + dz + dy + dx]! * wx;
        const c0 = c00 * (1 - wy) + c10 * wy;
        const c1 = c01 * (1 - wy) + c11 * wy;
        out[o] = c0 * (1 - wz) + c1 * wz;
      }
    }
  }
  return out;
}

/**
 * Interpolates an image per IBSI (trilinear, centred grid), optionally rounding intensities. With `region`
 * only the new voxels inside that box of original indices are computed (same alignment as the whole grid).
 */
export function interpolateVolume(volume: Volume, settings: InterpolationSettings, region?: IndexBox): Volume {
  const whole = centredGrid(volume.geometry, settings.spacing);
  const grid = region ? restrictGrid(volume.geometry, whole, region) : whole;
  const data = trilinearResample(volume.data, volume.geometry, grid);
  if (settings.roundIntensities) for (let v = 0; v < data.length; v++) data[v] = Math.round(data[v]!);
  return { geometry: grid.geometry, data };
}

/** Interpolates a mask per IBSI: trilinear on 0/1 values, then inside where the value >= threshold. */
export function interpolateMask(mask: Mask, settings: InterpolationSettings, region?: IndexBox): Mask {
  const threshold = settings.maskThreshold ?? 0.5;
  const whole = centredGrid(mask.geometry, settings.spacing);
  const grid = region ? restrictGrid(mask.geometry, whole, region) : whole;
  const binary = new Uint8Array(mask.data.length);
  for (let v = 0; v < binary.length; v++) binary[v] = mask.data[v]! > 0 ? 1 : 0;
  const fractions = trilinearResample(binary, mask.geometry, grid);
  const data = new Uint8Array(fractions.length);
  // Float32 rounding can put an exact 0.5 a hair below; compare with a small tolerance.
  for (let v = 0; v < data.length; v++) data[v] = fractions[v]! >= threshold - 1e-6 ? 1 : 0;
  return { geometry: grid.geometry, data };
}
