// IBSI local intensity features (family 9ST6): mean intensity in a sphere of 1 cm³ around ROI voxels,
// averaging every image voxel whose centre lies in the sphere (not only ROI voxels).
import type { Geometry, Volume } from "../image/volume.js";
import { cropArray, type RoiGrid } from "./roi.js";
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

/**
 * Sphere means at every intensity-mask voxel. Prefix sums are built only over the ROI's bounding box
 * grown by the sphere radius and clamped to the image, so a whole CT is never summed and spheres that
 * leave the image average only the voxels that exist.
 */
export function localIntensityTerms(volume: Volume, roi: RoiGrid, sphereVolume: number): LocalIntensityTerms {
  const radius = Math.cbrt((3 * sphereVolume) / (4 * Math.PI));
  const g = volume.geometry;
  const lo: number[] = [], hi: number[] = [];
  for (let d = 0; d < 3; d++) {
    const reach = Math.floor(radius / g.spacing[d]!) + 1;
    lo.push(Math.max(0, roi.offset[d]! + roi.margin - reach));
    hi.push(Math.min(g.size[d]! - 1, roi.offset[d]! + roi.size[d]! - 1 - roi.margin + reach));
  }
  const sub: Geometry = { ...g, size: [hi[0]! - lo[0]! + 1, hi[1]! - lo[1]! + 1, hi[2]! - lo[2]! + 1] };
  const box = { lower: [lo[0]!, lo[1]!, lo[2]!] as const, upper: [hi[0]!, hi[1]!, hi[2]!] as const };
  const means = new SphereMeans(sub, cropArray(volume.data, g, box, 0, (n) => new Float32Array(n)), radius);
  const [nx, ny] = roi.size;
  let maxIntensity = -Infinity;
  for (let v = 0; v < roi.intensityMask.length; v++) if (roi.intensityMask[v] !== 0 && roi.intensities[v]! > maxIntensity) maxIntensity = roi.intensities[v]!;
  let localPeak = -Infinity, globalPeak = -Infinity;
  for (let v = 0; v < roi.intensityMask.length; v++) {
    if (roi.intensityMask[v] === 0) continue;
    const i = (v % nx) + roi.offset[0] - lo[0]!;
    const j = (Math.floor(v / nx) % ny) + roi.offset[1] - lo[1]!;
    const k = Math.floor(v / (nx * ny)) + roi.offset[2] - lo[2]!;
    const mean = means.meanAt(i, j, k);
    if (mean > globalPeak) globalPeak = mean;
    if (roi.intensities[v] === maxIntensity && mean > localPeak) localPeak = mean;
  }
  return { localPeak, globalPeak };
}

export function computeLocalIntensity(volume: Volume, roi: RoiGrid | undefined, sphereVolume: number): FeatureResult[] {
  const outcomes = !roi || roi.intensityVoxelCount === 0
    ? allUndefined(LOCAL_INTENSITY_FORMULAS, "the intensity mask is empty")
    : evaluateFormulas(LOCAL_INTENSITY_FORMULAS, localIntensityTerms(volume, roi, sphereVolume));
  return LOCAL_INTENSITY_FORMULAS.map((d, i) => toResult(d, outcomes[i]!));
}
