// The pixel type SimpleITK 2.5.7's ImageSeriesReader gives a DICOM series, against SimpleITK itself: the
// pack's CT series and copies of the RayStation CT with edited BitsStored / PixelRepresentation / rescale
// (fixture and generator: scripts/fixtures/pyradiomics-dicom-pack.py). sitk.Resample casts to this type, so
// pyradiomics' resampled intensities depend on it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { sitkPixelType } from "../../../compute/image/sitk-pixel-type.js";
import type { SourcePixelType } from "../../../compute/image/volume.js";

const fixture = JSON.parse(gunzipSync(readFileSync(path.join(import.meta.dirname, "../features/fixtures/pyradiomics-dicom-pack.json.gz"))).toString("utf8")) as {
  versions: Record<string, string>;
  headerVariants: { name: string; BitsAllocated: number; BitsStored: number; PixelRepresentation: 0 | 1; RescaleSlope: number; RescaleIntercept: number; sitkPixelType: string | null; error: string | null }[];
};

/** SimpleITK's GetPixelIDTypeAsString → the platform's name. */
export const SITK_TYPE_NAMES: Readonly<Record<string, SourcePixelType>> = {
  "8-bit signed integer": "int8", "8-bit unsigned integer": "uint8", "16-bit signed integer": "int16", "16-bit unsigned integer": "uint16",
  "32-bit signed integer": "int32", "32-bit unsigned integer": "uint32", "32-bit float": "float32", "64-bit float": "float64",
};

describe(`SimpleITK ${fixture.versions.SimpleITK}'s pixel type of a DICOM series (GDCM's rescale best fit)`, () => {
  for (const v of fixture.headerVariants) {
    const pixel = { bitsAllocated: v.BitsAllocated, bitsStored: v.BitsStored, pixelRepresentation: v.PixelRepresentation, rescaleSlope: v.RescaleSlope, rescaleIntercept: v.RescaleIntercept };
    if (v.sitkPixelType === null) {
      // SimpleITK refuses these series (the best fit is narrower than BitsAllocated): the platform keeps the allocated width.
      it(`${v.name}: SimpleITK refuses it (${v.error}); the allocated width is kept`, () => {
        expect(v.error).toMatch(/Pixel type larger than output type/);
        expect(sitkPixelType(pixel)).toBe(v.PixelRepresentation === 1 ? "int16" : "uint16");
      });
    } else {
      it(`${v.name}: ${v.sitkPixelType}`, () => {
        expect(sitkPixelType(pixel)).toBe(SITK_TYPE_NAMES[v.sitkPixelType!]);
      });
    }
  }
});
