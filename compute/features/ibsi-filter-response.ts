// An IBSI-2 filter's response map over the ROI's bounding box plus the kernel's support, not the whole series:
// along each axis the box grows by the filter's reach (ibsi-filter-reach.ts) and is clamped to the image, so
// where it meets the image's edge the filter pads by its boundary condition exactly as on the whole image, and
// elsewhere it reads the image's own voxels. Under a periodic boundary an axis is cropped only where the grown
// box stays inside the image (the wrap reaches the far edge); "whole" axes keep their full length. At every
// ROI voxel the response then equals filtering the whole image (test/compute/features/ibsi-filter-crop.test.ts).
import { BadUserInputError } from "../errors.js";
import { applyIbsiFilter } from "../filters/apply-ibsi-filter.js";
import type { FilterImage } from "../filters/filter-image.js";
import { ibsiFilterReach } from "../filters/ibsi-filter-reach.js";
import type { IbsiFilter } from "../filters/ibsi-filter-spec.js";
import { nextFastLength } from "./fft.js";
import { assertSameGrid } from "../image/roi-masks.js";
import type { Mask, Vec3, Volume } from "../image/volume.js";
import { boundingBox, cropArray, type BoundingBox } from "./roi.js";

/** Largest FFT grid (points) a Gabor, Simoncelli or Riesz filter may hold at once (≈ 48 bytes a point). */
export const MAX_FILTER_FFT_POINTS = 2 ** 23;

export interface FilterResponse {
  /** The filter box on the image grid (inclusive). */
  readonly box: BoundingBox;
  /** The response map over the box. */
  readonly response: FilterImage;
  /** The ROI cropped to the box (1 inside). */
  readonly roi: Uint8Array;
}

/** The ROI box grown by the filter's reach, clamped to the image (whole axis where required). */
export function ibsiFilterBox(f: IbsiFilter, roiBox: BoundingBox, size: Vec3, spacing: Vec3): BoundingBox {
  const { reach, periodic } = ibsiFilterReach(f, spacing);
  const lower = [0, 0, 0], upper = [size[0] - 1, size[1] - 1, size[2] - 1];
  for (let a = 0; a < 3; a++) {
    const r = reach[a]!;
    if (r === "whole") continue;
    const lo = roiBox.lower[a]! - r, hi = roiBox.upper[a]! + r;
    if (periodic && r > 0 && (lo < 0 || hi > size[a]! - 1)) continue;
    lower[a] = Math.max(0, lo);
    upper[a] = Math.min(size[a]! - 1, hi);
  }
  return { lower: lower as unknown as Vec3, upper: upper as unknown as Vec3 };
}

export function boxSize(box: BoundingBox): Vec3 {
  return [box.upper[0] - box.lower[0] + 1, box.upper[1] - box.lower[1] + 1, box.upper[2] - box.lower[2] + 1];
}

/** FFT points the frequency-domain filters hold on this box (0 for the spatial ones). */
export function filterFftPoints(f: IbsiFilter, size: Vec3): number {
  const padded = (n: number, pad: number) => (pad === 0 ? n : nextFastLength(n + 2 * pad));
  switch (f.kind) {
    case "GABOR": {
      // every plane's spectrum of one orientation is held at once; the kernel radius is half the larger in-plane size
      const planes: [number, number][] = f.dimensions === 2 ? [[0, 1]] : [[0, 1], [0, 2], [1, 2]];
      return Math.max(...planes.map(([a, b]) => {
        const r = Math.floor(Math.max(size[a]!, size[b]!) / 2);
        return padded(size[a]!, r) * padded(size[b]!, r) * size[3 - a - b]!;
      }));
    }
    case "SIMONCELLI": case "RIESZ_LOG": case "RIESZ_SIMONCELLI":
      return size.reduce((p, n) => p * (f.boundary === "PERIODIC" || n === 1 ? n : padded(n, Math.floor(n / 2))), 1);
    default: return 0;
  }
}

/** The response map of the ROI's filter box; undefined for an empty mask. */
export function ibsiFilterResponse(volume: Volume, mask: Mask, f: IbsiFilter): FilterResponse | undefined {
  assertSameGrid(volume, mask);
  const g = volume.geometry;
  const roiBox = boundingBox(g, mask.data);
  if (!roiBox) return undefined;
  const box = ibsiFilterBox(f, roiBox, g.size, g.spacing);
  const size = boxSize(box);
  const points = filterFftPoints(f, size);
  if (points > MAX_FILTER_FFT_POINTS)
    throw new BadUserInputError(`the ${f.kind} filter is computed through an FFT grid of ${points} points over ${size.join("×")} voxels (it depends on the whole ${f.kind === "GABOR" ? "plane" : "image"}), above the cap of ${MAX_FILTER_FFT_POINTS}; use a smaller image${f.kind === "GABOR" ? "" : " or boundary PERIODIC (no padding)"}`, { field: "filter.kind", points, cap: MAX_FILTER_FFT_POINTS });
  const data = cropArray(volume.data, g, box, 0, (n) => new Float64Array(n));
  for (let v = 0; v < data.length; v++)
    if (!Number.isFinite(data[v]!)) throw new BadUserInputError("the image holds a non-finite intensity (NaN or ±Infinity) within the filter's support around the ROI", { croppedIndex: v });
  const response = applyIbsiFilter({ size, spacing: g.spacing, data }, f);
  return { box, response, roi: cropArray(mask.data, g, box, 0, (n) => new Uint8Array(n)) };
}
