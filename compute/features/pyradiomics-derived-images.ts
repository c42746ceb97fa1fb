// The derived images of one pyradiomics image type, filtered over the ROI's bounding box plus the filter's
// support instead of the whole series, with values equal to filtering the whole image at every ROI voxel:
//   pointwise types (Square, SquareRoot, Logarithm, Exponential) read one voxel, but rescale by max |x| of
//     the WHOLE image (taken from it, then applied to the box);
//   Gradient (1 voxel, edge repeated) and LBP2D (⌈R⌉ + 1 in-plane, 0 outside) only read neighbours, and
//     where the grown box is clamped to the image its edge is the image's edge, so the rule there is the same;
//   Wavelet (periodic SWT, L/2 voxels per pass each side) crops an axis only where the grown box stays
//     inside the image — otherwise that axis keeps its whole length, as the wrap-around reaches across;
//   LoG (ITK's recursive, infinite-support Gaussian with its edge initialisation) filters the whole image,
//     as pyradiomics does: no finite box gives the same values;
//   LBP3D is computed at the ROI voxels only (as pyradiomics) and returned on the ROI's box; its spline
//     prefilter reads whole image lines, but keeps only the lines its samples need (lbp-3d-image.ts).
import type { FilterImage } from "../filters/filter-image.js";
import { maxAbsIntensity } from "../filters/pyradiomics/derived-image.js";
import { derivedImages } from "../filters/pyradiomics/image-types.js";
import { lbp3DImages } from "../filters/pyradiomics/lbp-3d-image.js";
import { exponentialImage } from "../filters/pyradiomics/exponential-image.js";
import { logarithmImage } from "../filters/pyradiomics/logarithm-image.js";
import { squareImage } from "../filters/pyradiomics/square-image.js";
import { squareRootImage } from "../filters/pyradiomics/square-root-image.js";
import { WAVELET_FILTER_BANKS } from "../filters/pyradiomics/wavelet-filter-banks.js";
import { voxelToPatient, type Mask, type Vec3, type Volume } from "../image/volume.js";
import type { PyradiomicsImageType } from "./pyradiomics-params.js";
import { boundingBox, cropArray, type BoundingBox } from "./roi.js";

export interface DerivedVolume {
  /** pyradiomics' image-type name: `original`, `log-sigma-1-0-mm-3D`, `wavelet-LLH` … */
  readonly name: string;
  /** The derived image on the filter box (Float64). */
  readonly volume: Volume<Float64Array>;
  /** The ROI on the same box. */
  readonly mask: Mask;
}

/** Voxels each side a type's filter reads along each axis; "wrap" = periodic (crop only strictly inside); null = whole axis. */
type Support = { readonly reach: Vec3; readonly periodic: boolean } | null;

function support(type: PyradiomicsImageType): Support {
  const f = type.filter;
  switch (type.name) {
    case "Original": case "Square": case "SquareRoot": case "Logarithm": case "Exponential":
      return { reach: [0, 0, 0], periodic: false };
    case "Gradient":
      return { reach: [1, 1, 1], periodic: false };
    case "LBP2D": {
      const r = Math.ceil(f.lbp2DRadius ?? 1) + 1;
      const across = 2 - (f.force2Ddimension ?? 0); // numpy axis → i/j/k axis the slices are normal to
      return { reach: [0, 1, 2].map((a) => (a === across ? 0 : r)) as unknown as Vec3, periodic: false };
    }
    case "Wavelet": {
      const bank = WAVELET_FILTER_BANKS[f.wavelet ?? "coif1"];
      if (!bank) return null; // unknown wavelet: the filter itself refuses it by name
      const passes = (f.start_level ?? 0) + (f.level ?? 1);
      const reach = passes * (bank.decLo.length / 2);
      return { reach: [reach, reach, reach], periodic: true };
    }
    case "LoG":
      return null;
    case "LBP3D": // computed from the whole image (pyradiomicsDerivedVolumes), returned on the ROI's box
      return { reach: [0, 0, 0], periodic: false };
  }
}

/** The box the type is filtered on: the ROI's box grown by the support, per axis clamped or (periodic) whole. */
export function filterBox(type: PyradiomicsImageType, roiBox: BoundingBox, size: Vec3): BoundingBox {
  const s = support(type);
  const lower = [0, 0, 0], upper = [size[0] - 1, size[1] - 1, size[2] - 1];
  if (!s) return { lower: lower as unknown as Vec3, upper: upper as unknown as Vec3 };
  for (let a = 0; a < 3; a++) {
    const lo = roiBox.lower[a]! - s.reach[a]!, hi = roiBox.upper[a]! + s.reach[a]!;
    if (s.periodic && (lo < 0 || hi > size[a]! - 1)) continue;
    lower[a] = Math.max(0, lo);
    upper[a] = Math.min(size[a]! - 1, hi);
  }
  return { lower: lower as unknown as Vec3, upper: upper as unknown as Vec3 };
}

function boxSize(box: BoundingBox): Vec3 {
  return [box.upper[0] - box.lower[0] + 1, box.upper[1] - box.lower[1] + 1, box.upper[2] - box.lower[2] + 1];
}

/** The type's derived images over its filter box, with the ROI cropped alike. */
export function pyradiomicsDerivedVolumes(volume: Volume, roi: Mask, type: PyradiomicsImageType): DerivedVolume[] {
  const g = volume.geometry;
  const roiBox = boundingBox(g, roi.data)!;
  const box = filterBox(type, roiBox, g.size);
  const size = boxSize(box);
  const image: FilterImage = { size, spacing: g.spacing, data: cropArray(volume.data, g, box, 0, (n) => new Float64Array(n)) };
  const geometry = { ...g, size, origin: voxelToPatient(g, box.lower[0], box.lower[1], box.lower[2]) };
  const mask: Mask = { geometry, data: cropArray(roi.data, g, box, 0, (n) => new Uint8Array(n)) };
  // The platform's image is pyradiomics' float64 image (as the extraction fixtures feed it), so no integer rounding.
  if (type.name === "LBP3D") return lbp3DImages({ size: g.size, data: volume.data }, roi.data, type.filter, box).map((d) => ({ name: d.name, volume: { geometry, data: d.data }, mask }));
  return filtered(image, volume, type).map((d) => ({ name: d.name, volume: { geometry, data: d.image.data }, mask }));
}

function filtered(image: FilterImage, whole: Volume, type: PyradiomicsImageType) {
  const max = () => maxAbsIntensity(whole, type.name.toLowerCase());
  switch (type.name) {
    case "Square": return [squareImage(image, max())];
    case "SquareRoot": return [squareRootImage(image, max())];
    case "Logarithm": return [logarithmImage(image, max())];
    case "Exponential": return [exponentialImage(image, max())];
    default: return derivedImages(image, type.name, type.filter);
  }
}
