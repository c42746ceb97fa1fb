// IBSI local intensity features (family 9ST6): mean intensity in a sphere of 1 cm³ around ROI voxels,
// averaging every image voxel whose centre lies in the sphere (not only ROI voxels).
import type { Geometry } from "../image/volume.js";
import { allUndefined, evaluateFormulas, toResult, valueOf, type FeatureFormula, type FeatureResult } from "./types.js";

export interface LocalIntensityTerms {
  /** Largest sphere mean among the voxels holding the maximum ROI intensity. */
  readonly localPeak: number;
  /** Largest sphere mean over all ROI voxels. */
  readonly globalPeak: number;
}

type F = FeatureFormula<LocalIntensityTerms>;
export const LOCAL_INTENSITY_FORMULAS: readonly F[] = [
  // VJGA: mean intensity in the 1 cm³ sphere centred on the maximum-intensity ROI voxel
  { key: "loc_peak_local", name: "Local intensity peak", family: "local_intensity", ibsiCode: "VJGA", unit: "intensity", description: "mean X in a 1 cm³ sphere centred at the voxel with max X in the ROI", compute: (t) => valueOf(t.localPeak) },
  // 0F91: max over ROI voxels of the mean intensity in a 1 cm³ sphere centred on the voxel
  { key: "loc_peak_global", name: "Global intensity peak", family: "local_intensity", ibsiCode: "0F91", unit: "intensity", description: "max over ROI voxels of the 1 cm³ sphere mean", compute: (t) => valueOf(t.globalPeak) },
];

/** In-sphere rows: for each (dj, dk), the half width along i of the sphere (in voxels). */
interface SphereRows { readonly dj: Int32Array; readonly dk: Int32Array; readonly halfWidth: Int32Array }

export function sphereRows(spacing: readonly number[], radius: number): SphereRows {
  const [sx, sy, sz] = spacing as [number, number, number];
  const dj: number[] = [], dk: number[] = [], hw: number[] = [];
  const mj = Math.floor(radius / sy), mk = Math.floor(radius / sz);
  for (let k = -mk; k <= mk; k++) for (let j = -mj; j <= mj; j++) {
    const rest = radius * radius - (j * sy) ** 2 - (k * sz) ** 2;
    if (rest < 0) continue;
    dj.push(j); dk.push(k); hw.push(Math.floor(Math.sqrt(rest) / sx + 1e-9));
  }
  return { dj: Int32Array.from(dj), dk: Int32Array.from(dk), halfWidth: Int32Array.from(hw) };
}

/**
 * Sphere means at the requested voxels, using prefix sums along i so each voxel costs one look-up per
 * sphere row rather than one per sphere voxel.
 */
export class SphereMeans {
  private readonly prefix: Float64Array;
  private readonly rows: SphereRows;
  constructor(private readonly geometry: Geometry, data: ArrayLike<number>, radius: number) {
    const [nx, ny, nz] = geometry.size;
    this.rows = sphereRows(geometry.spacing, radius);
    // prefix[(row)*(nx+1) + i] = sum of data over i' < i in that row
    this.prefix = new Float64Array((nx + 1) * ny * nz);
    for (let row = 0; row < ny * nz; row++) {
      let acc = 0;
      const base = row * (nx + 1);
      for (let i = 0; i < nx; i++) { acc += data[row * nx + i]!; this.prefix[base + i + 1] = acc; }
    }
  }

  meanAt(i: number, j: number, k: number): number {
    const [nx, ny, nz] = this.geometry.size;
    let sum = 0, count = 0;
    const { dj, dk, halfWidth } = this.rows;
    for (let r = 0; r < dj.length; r++) {
      const jj = j + dj[r]!, kk = k + dk[r]!;
      if (jj < 0 || kk < 0 || jj >= ny || kk >= nz) continue;
      const lo = Math.max(0, i - halfWidth[r]!);
      const hi = Math.min(nx - 1, i + halfWidth[r]!);
      const base = (jj + ny * kk) * (nx + 1);
      sum += this.prefix[base + hi + 1]! - this.prefix[base + lo]!;
      count += hi - lo + 1;
    }
    return sum / count;
  }
}

export function localIntensityTerms(geometry: Geometry, data: ArrayLike<number>, intensityMask: Uint8Array, sphereVolume: number): LocalIntensityTerms {
  const radius = Math.cbrt((3 * sphereVolume) / (4 * Math.PI));
  const means = new SphereMeans(geometry, data, radius);
  const [nx, ny] = geometry.size;
  let maxIntensity = -Infinity;
  for (let v = 0; v < intensityMask.length; v++) if (intensityMask[v] !== 0 && data[v]! > maxIntensity) maxIntensity = data[v]!;
  let localPeak = -Infinity, globalPeak = -Infinity;
  for (let v = 0; v < intensityMask.length; v++) {
    if (intensityMask[v] === 0) continue;
    const i = v % nx, j = Math.floor(v / nx) % ny, k = Math.floor(v / (nx * ny));
    const mean = means.meanAt(i, j, k);
    if (mean > globalPeak) globalPeak = mean;
    if (data[v] === maxIntensity && mean > localPeak) localPeak = mean;
  }
  return { localPeak, globalPeak };
}

export function computeLocalIntensity(geometry: Geometry, data: ArrayLike<number>, intensityMask: Uint8Array, sphereVolume: number, intensityVoxelCount: number): FeatureResult[] {
  const outcomes = intensityVoxelCount === 0
    ? allUndefined(LOCAL_INTENSITY_FORMULAS, "the intensity mask is empty")
    : evaluateFormulas(LOCAL_INTENSITY_FORMULAS, localIntensityTerms(geometry, data, intensityMask, sphereVolume));
  return LOCAL_INTENSITY_FORMULAS.map((d, i) => toResult(d, outcomes[i]!));
}
