// IBSI texture aggregation: how per-slice and per-direction matrices become one feature value.
//   2D, averaged (BTW3)          features per slice and direction, averaged over both
//   2D, slice-merged (SUJT)      directions merged per slice, features averaged over slices
//   2.5D, direction-merged (JJUI) slices merged per direction, features averaged over directions
//   2.5D, merged (ZW7Z)          all 2D matrices merged
//   3D, averaged (ITBB)          features per 3D direction, averaged
//   3D, merged (IAZD)            all 3D direction matrices merged
//   2D (8QNN) / 2.5D (62GR) / 3D (KOBO) for direction-free matrices: per slice averaged / slices merged / 3D.
import type { RoiGrid } from "./roi.js";
import { undefinedBecause, valueOf, type Aggregation, type FeatureOutcome } from "./types.js";

export type Offset = readonly [number, number, number];

/** The 4 in-plane directions (Chebyshev distance 1), one of each ± pair. */
export const DIRECTIONS_2D: readonly Offset[] = [[1, 0, 0], [1, 1, 0], [0, 1, 0], [-1, 1, 0]];
/** The 13 3D directions (Chebyshev distance 1), one of each ± pair. */
export const DIRECTIONS_3D: readonly Offset[] = [
  [1, 0, 0], [1, 1, 0], [0, 1, 0], [-1, 1, 0],
  [0, 0, 1], [1, 0, 1], [-1, 0, 1], [0, 1, 1], [0, -1, 1], [1, 1, 1], [-1, 1, 1], [1, -1, 1], [-1, -1, 1],
];

/** Element-wise mean of feature vectors, skipping undefined entries. */
export class OutcomeMean {
  private readonly sums: Float64Array;
  private readonly counts: Int32Array;
  private readonly reasons: (string | undefined)[];
  constructor(size: number) {
    this.sums = new Float64Array(size);
    this.counts = new Int32Array(size);
    this.reasons = new Array<string | undefined>(size).fill(undefined);
  }
  add(outcomes: readonly FeatureOutcome[]): void {
    outcomes.forEach((o, n) => {
      if ("value" in o) { this.sums[n]! += o.value; this.counts[n]! += 1; } else this.reasons[n] ??= o.undefinedReason;
    });
  }
  result(emptyReason: string): FeatureOutcome[] {
    return Array.from(this.sums, (s, n) =>
      this.counts[n]! > 0 ? valueOf(s / this.counts[n]!) : undefinedBecause(this.reasons[n] ?? emptyReason));
  }
}

/** The slices (k indices) that hold at least one intensity-mask voxel. */
export function slicesWithRoi(roi: RoiGrid): number[] {
  const [nx, ny, nz] = roi.size;
  const out: number[] = [];
  for (let k = 0; k < nz; k++) {
    const base = k * nx * ny;
    for (let v = 0; v < nx * ny; v++) if (roi.intensityMask[base + v] !== 0) { out.push(k); break; }
  }
  return out;
}

/** A texture matrix family whose matrices are resolved by direction (GLCM, GLRLM). */
export interface DirectionalMatrixFamily<M> {
  readonly featureCount: number;
  create(): M;
  /** Empties a matrix. */
  reset(matrix: M): void;
  /** Resets `into` and fills it for one direction, within slice k (2D) or the whole volume (k = undefined). */
  build(roi: RoiGrid, direction: Offset, k: number | undefined, into: M): void;
  /** target += source */
  merge(target: M, source: M): void;
  features(matrix: M): FeatureOutcome[];
}

const DIRECTIONAL_2D: readonly Aggregation[] = ["2D, averaged", "2D, slice-merged", "2.5D, direction-merged", "2.5D, merged"];

/** Runs every requested directional aggregation, streaming slice by slice (memory O(directions · matrix)). */
export function aggregateDirectional<M>(
  family: DirectionalMatrixFamily<M>, roi: RoiGrid, wanted: ReadonlySet<Aggregation>, emptyReason: string,
): Map<Aggregation, FeatureOutcome[]> {
  const out = new Map<Aggregation, FeatureOutcome[]>();
  if (DIRECTIONAL_2D.some((a) => wanted.has(a))) {
    const averaged = new OutcomeMean(family.featureCount);
    const sliceMerged = new OutcomeMean(family.featureCount);
    const perDirection = DIRECTIONS_2D.map(() => family.create());
    const all = family.create();
    const slice = DIRECTIONS_2D.map(() => family.create());
    const sliceSum = family.create();
    for (const k of slicesWithRoi(roi)) {
      DIRECTIONS_2D.forEach((d, n) => family.build(roi, d, k, slice[n]!));
      if (wanted.has("2D, averaged")) for (const m of slice) averaged.add(family.features(m));
      if (wanted.has("2D, slice-merged")) {
        family.reset(sliceSum);
        for (const m of slice) family.merge(sliceSum, m);
        sliceMerged.add(family.features(sliceSum));
      }
      slice.forEach((m, n) => { family.merge(perDirection[n]!, m); family.merge(all, m); });
    }
    if (wanted.has("2D, averaged")) out.set("2D, averaged", averaged.result(emptyReason));
    if (wanted.has("2D, slice-merged")) out.set("2D, slice-merged", sliceMerged.result(emptyReason));
    if (wanted.has("2.5D, direction-merged")) {
      const mean = new OutcomeMean(family.featureCount);
      for (const m of perDirection) mean.add(family.features(m));
      out.set("2.5D, direction-merged", mean.result(emptyReason));
    }
    if (wanted.has("2.5D, merged")) out.set("2.5D, merged", family.features(all));
  }
  if (wanted.has("3D, averaged") || wanted.has("3D, merged")) {
    const averaged = new OutcomeMean(family.featureCount);
    const all = family.create();
    const m = family.create();
    for (const d of DIRECTIONS_3D) {
      family.build(roi, d, undefined, m);
      if (wanted.has("3D, averaged")) averaged.add(family.features(m));
      family.merge(all, m);
    }
    if (wanted.has("3D, averaged")) out.set("3D, averaged", averaged.result(emptyReason));
    if (wanted.has("3D, merged")) out.set("3D, merged", family.features(all));
  }
  return out;
}

/** A texture matrix family without directions (GLSZM, GLDZM, NGTDM, NGLDM). */
export interface SliceMatrixFamily<M> {
  readonly featureCount: number;
  create(): M;
  /** Resets `into` and fills it from slice k (2D neighbourhoods) or the whole volume (k = undefined, 3D). */
  build(roi: RoiGrid, k: number | undefined, into: M): void;
  merge(target: M, source: M): void;
  features(matrix: M): FeatureOutcome[];
}

export function aggregateSlices<M>(
  family: SliceMatrixFamily<M>, roi: RoiGrid, wanted: ReadonlySet<Aggregation>, emptyReason: string,
): Map<Aggregation, FeatureOutcome[]> {
  const out = new Map<Aggregation, FeatureOutcome[]>();
  if (wanted.has("2D") || wanted.has("2.5D")) {
    const averaged = new OutcomeMean(family.featureCount);
    const merged = family.create();
    const slice = family.create();
    for (const k of slicesWithRoi(roi)) {
      family.build(roi, k, slice);
      if (wanted.has("2D")) averaged.add(family.features(slice));
      family.merge(merged, slice);
    }
    if (wanted.has("2D")) out.set("2D", averaged.result(emptyReason));
    if (wanted.has("2.5D")) out.set("2.5D", family.features(merged));
  }
  if (wanted.has("3D")) {
    const m = family.create();
    family.build(roi, undefined, m);
    out.set("3D", family.features(m));
  }
  return out;
}
