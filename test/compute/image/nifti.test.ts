// The NIfTI-1 parser on the IBSI-2 phantoms: size, spacing and voxel sums as SimpleITK 2.5.7 reads them
// (sitk.ReadImage → GetSize, GetSpacing, GetArrayFromImage(...).sum(), min, max), plus typed refusals.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { sharedDataDir } from "./dicom-test-data.js";
import { describe, expect, it } from "vitest";
import { parseNifti } from "../../../compute/image/nifti.js";

const ROOT = path.join(sharedDataDir("ibsi2"), "phantoms");
const read = (name: string) => parseNifti(gunzipSync(readFileSync(path.join(ROOT, name, "image", `${name}.nii.gz`))));
const sum = (data: Float64Array) => data.reduce((a, b) => a + b, 0);

describe("parseNifti", () => {
  it.each([
    ["checkerboard", 33423360],
    ["impulse", 255],
    ["sphere", 13257195],
  ])("reads the %s phantom as SimpleITK does", (name, expectedSum) => {
    const image = read(name);
    expect(image.size).toEqual([64, 64, 64]);
    expect(image.spacing).toEqual([2, 2, 2]);
    expect(sum(image.data)).toBe(expectedSum);
    expect(image.data.reduce((a, b) => Math.max(a, b), -Infinity)).toBe(255);
  });

  it("refuses what is not a NIfTI-1 file, and a truncated one, with typed errors", () => {
    expect(() => parseNifti(new Uint8Array(100))).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT" }));
    expect(() => parseNifti(new Uint8Array(400))).toThrow(/sizeof_hdr/);
    const whole = gunzipSync(readFileSync(path.join(ROOT, "impulse", "image", "impulse.nii.gz")));
    expect(() => parseNifti(whole.subarray(0, 5000))).toThrow(/truncated/);
  });
});
