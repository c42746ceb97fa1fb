// The IBSI-2 phase 2 statistics fixture (scripts/fixtures/ibsi2-response-statistics.py: statistics of the IBSI's
// consensus response maps in box ROIs), the phantoms as volumes, and the error bound each statistic inherits from
// the 1 % map tolerance (derivation in ibsi2-filtered-statistics.test.ts).
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import type { FilterImage } from "../../../compute/filters/filter-image.js";
import { parseNifti } from "../../../compute/image/nifti.js";
import type { Geometry, Mask, Vec3, Volume } from "../../../compute/image/volume.js";

export const IBSI2 = "/work/shared/data/ibsi2";
export const fixture: { cases: Case[] } = JSON.parse(readFileSync(new URL("./fixtures/ibsi2-response-statistics.json", import.meta.url), "utf8"));

export const readNiftiGz = (path: string): FilterImage => parseNifti(new Uint8Array(gunzipSync(readFileSync(path))));

export interface Case {
  test: string; phantom: string; filter: Record<string, unknown>; roi: { lower: Vec3; upper: Vec3 }; mapRange: number;
  statistics: Record<string, number | null>; terms: { count: number; sumAbs: number; sd: number; p25: number; p75: number };
}

export function phantomVolume(name: string): Volume<Float64Array> {
  const image = readNiftiGz(`${IBSI2}/phantoms/${name}/image/${name}.nii.gz`);
  const geometry: Geometry = { size: image.size as Vec3, spacing: image.spacing as Vec3, origin: [0, 0, 0], direction: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] };
  return { geometry, data: Float64Array.from(image.data) };
}

export function boxMask(geometry: Geometry, lower: Vec3, upper: Vec3): Mask {
  const [nx, ny] = geometry.size;
  const data = new Uint8Array(geometry.size[0] * geometry.size[1] * geometry.size[2]);
  for (let k = lower[2]; k <= upper[2]; k++) for (let j = lower[1]; j <= upper[1]; j++) for (let i = lower[0]; i <= upper[0]; i++) data[i + nx * (j + ny * k)] = 1;
  return { geometry, data };
}

/** |ours − reference| allowed for each statistic when every voxel is within ε. */
export function bounds(c: Case, eps: number): Record<string, number> {
  const s = c.statistics as Record<string, number>, t = c.terms;
  const ratio = (num: number, den: number, dNum: number, dDen: number) => (Math.abs(den) > dDen ? (dNum * Math.abs(den) + Math.abs(num) * dDen) / (Math.abs(den) * (Math.abs(den) - dDen)) : Infinity);
  return {
    stat_mean: eps, stat_median: eps, stat_minimum: eps, stat_maximum: eps, stat_p10: eps, stat_p90: eps, stat_root_mean_square: eps,
    stat_range: 2 * eps, stat_interquartile_range: 2 * eps, stat_mean_absolute_deviation: 2 * eps, stat_median_absolute_deviation: 2 * eps,
    stat_variance: eps * (2 * t.sd + eps),
    stat_energy: eps * (2 * t.sumAbs + t.count * eps),
    stat_coefficient_of_variation: ratio(t.sd, s.stat_mean!, eps, eps),
    stat_quartile_coefficient_of_dispersion: ratio(t.p75 - t.p25, t.p75 + t.p25, 2 * eps, 2 * eps),
  };
}

export const UNBOUNDED = ["stat_skewness", "stat_kurtosis", "stat_robust_mean_absolute_deviation"];
