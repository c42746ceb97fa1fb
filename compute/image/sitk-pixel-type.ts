// The pixel type SimpleITK 2.5.7's ImageSeriesReader gives a DICOM image series (ITK's GDCMImageIO with
// GDCM's Rescaler::ComputeInterceptSlopePixelType): without a rescale (slope 1, intercept 0), the stored
// type (BitsAllocated, PixelRepresentation); with a non-integer slope or intercept, Float64; else the
// smallest integer type holding slope · [stored min, stored max] + intercept, the stored range coming from
// BitsStored and PixelRepresentation (ComputeBestFit: unsigned when the minimum is ≥ 0). A best fit narrower
// than BitsAllocated (7 bits stored + 1) makes ITK refuse the series ("Pixel type larger than output type"):
// there is no SimpleITK type to follow, and the platform keeps the allocated width. pyradiomics keeps
// that type through sitk.Resample, which casts each interpolated value to it. Checked against SimpleITK on the
// DICOM pack's series and header variants (test/compute/image/sitk-pixel-type.test.ts).
import type { ImagePixelModule } from "./dicom-instance.js";
import type { SourcePixelType } from "./volume.js";

const INTEGER_TYPES: readonly [SourcePixelType, number, number, number][] = [
  ["uint8", 0, 255, 8], ["uint16", 0, 65535, 16], ["uint32", 0, 4294967295, 32],
  ["int8", -128, 127, 8], ["int16", -32768, 32767, 16], ["int32", -2147483648, 2147483647, 32],
];

export function sitkPixelType(pixel: Pick<ImagePixelModule, "bitsAllocated" | "bitsStored" | "pixelRepresentation" | "rescaleSlope" | "rescaleIntercept">): SourcePixelType {
  const { bitsAllocated, bitsStored, pixelRepresentation, rescaleSlope: slope, rescaleIntercept: intercept } = pixel;
  const bits = bitsAllocated <= 8 ? 8 : bitsAllocated <= 16 ? 16 : 32;
  if (slope === 1 && intercept === 0) return `${pixelRepresentation === 1 ? "int" : "uint"}${bits}` as SourcePixelType;
  if (!Number.isInteger(slope) || !Number.isInteger(intercept)) return "float64";
  const [storedMin, storedMax] = pixelRepresentation === 1 ? [-(2 ** (bitsStored - 1)), 2 ** (bitsStored - 1) - 1] : [0, 2 ** bitsStored - 1];
  const a = slope * storedMin + intercept, b = slope * storedMax + intercept;
  const [min, max] = [Math.min(a, b), Math.max(a, b)];
  const candidates = INTEGER_TYPES.filter(([type, , , width]) => (min >= 0) === type.startsWith("u") && width >= bits);
  return candidates.find(([, lo, hi]) => min >= lo && max <= hi)?.[0] ?? "float64";
}
