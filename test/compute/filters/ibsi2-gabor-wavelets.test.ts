// IBSI-2 phase 1, tests 4–10 (Gabor, separable and decomposed separable wavelets, Simoncelli, Riesz):
// each phantom is filtered and compared with the IBSI's valid consensus response map — every voxel within
// 1 % of the reference map's range (max − min), the IBSI-2 tolerance. Data: /work/shared/data/ibsi2 (phantoms
// from theibsi/data_sets, reference maps from theibsi/ibsi_2_reference_data; see its README).
//
// Parameters of the phase 1 configurations defined in the IBSI-2 reference manual (arXiv:2006.05470, chapter on
// filter validation, phase 1 table). Sources used here, since the manual's table itself was not readable offline:
// tests 4–8 as MIRP's IBSI-2 phase 1 test encodes them (oncoray/mirp test/ibsi_2_response_map_test.py) and, for
// 4.b.2, pyCERR's IBSIPhase2-1ID4b2.json; tests 9.a, 9.b.1, 10.b.1 (absent from both) identified against the
// consensus maps by a search over σ ∈ {1…10} mm, the nine orders of |l| ≤ 2 and the four boundaries — corroborated
// by IBSI-2 participants' submission names (theibsi/ibsi_2_data_analysis: "pattern_1_020_1_…" = order (0,2,0),
// level 1; "Pattern1RieszSimonNearest"). On the sphere phantom (zero at its edges) zero and nearest padding agree.
// Axes x, y, z of the manual are NIfTI i, j, k; spacing 2 mm isotropic:
//
// | test   | phantom      | filter                         | parameters                                     | boundary | rot. invariance / pooling        |
// |--------|--------------|--------------------------------|------------------------------------------------|----------|----------------------------------|
// | 4.a.1  | impulse      | Gabor, modulus                 | σ 10 mm, λ 4 mm, γ 1/2, θ 60°                  | zero     | none: axial plane (2D, per slice)|
// | 4.a.2  | impulse      | Gabor, modulus                 | σ 10 mm, λ 4 mm, γ 1/2, θ 0°, 45° … 315°       | zero     | θ and 3 orthogonal planes, mean  |
// | 4.b.1  | sphere       | Gabor, modulus                 | σ 20 mm, λ 8 mm, γ 5/2, θ 225°                 | mirror   | none: axial plane (2D, per slice)|
// | 4.b.2  | sphere       | Gabor, modulus                 | σ 20 mm, λ 8 mm, γ 5/2, θ 0°, 22.5° … 337.5°   | mirror   | θ and 3 orthogonal planes, mean  |
// | 5.a.1  | impulse      | separable wavelet db2, LHL     | level 1 (undecimated)                          | zero     | none                             |
// | 5.a.2  | impulse      | separable wavelet db2, LHL     | level 1                                        | zero     | 24 right-angle rotations, mean   |
// | 6.a.1  | sphere       | separable wavelet coif1, HHL   | level 1                                        | periodic | none                             |
// | 6.a.2  | sphere       | separable wavelet coif1, HHL   | level 1                                        | periodic | 24 right-angle rotations, mean   |
// | 7.a.1  | checkerboard | decomposed Haar wavelet, LLL   | level 2 (à trous)                              | mirror   | 24 right-angle rotations, mean   |
// | 7.a.2  | checkerboard | decomposed Haar wavelet, HHH   | level 2 (à trous)                              | mirror   | 24 right-angle rotations, mean   |
// | 8.a.1  | checkerboard | Simoncelli wavelet             | level 1                                        | periodic | isotropic (none needed)          |
// | 8.a.2  | checkerboard | Simoncelli wavelet             | level 2                                        | periodic | isotropic (none needed)          |
// | 8.a.3  | checkerboard | Simoncelli wavelet             | level 3                                        | periodic | isotropic (none needed)          |
// | 9.a    | impulse      | Riesz-transformed LoG          | σ 3 mm, truncation 4σ, Riesz order (1, 0, 0)   | zero     | none                             |
// | 9.b.1  | sphere       | Riesz-transformed LoG          | σ 3 mm, truncation 4σ, Riesz order (0, 2, 0)   | zero     | none                             |
// | 10.b.1 | pattern_1    | Riesz-transformed Simoncelli   | level 1, Riesz order (0, 2, 0)                 | nearest  | none                             |
//
// Frequency-domain filters (Simoncelli, Riesz) pad each axis by half the image under a non-periodic boundary.
// Tests 9.b.2, 10.a and 10.b.2 (structure-tensor alignment) have no published reference map.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseNifti } from "../../../compute/image/nifti.js";
import type { FilterImage } from "../../../compute/filters/filter-image.js";
import { gaborFilter } from "../../../compute/filters/gabor-filter.js";
import { orientationSteps } from "../../../compute/filters/gabor-orientation-pooling.js";
import { rieszLog } from "../../../compute/filters/riesz-log.js";
import { rieszSimoncelli } from "../../../compute/filters/riesz-simoncelli.js";
import { simoncelliWavelet } from "../../../compute/filters/simoncelli-wavelet.js";
import { separableWavelet } from "../../../compute/filters/separable-wavelet.js";
import { rotationInvariant } from "../../../compute/filters/rotation-invariance.js";
import { BadUserInputError } from "../../../compute/errors.js";

const IBSI2 = "/work/shared/data/ibsi2";

function readNiftiGz(path: string): FilterImage {
  return parseNifti(new Uint8Array(gunzipSync(readFileSync(path))));
}

const phantom = (name: string) => readNiftiGz(`${IBSI2}/phantoms/${name}/image/${name}.nii.gz`);
const reference = (id: string) => readNiftiGz(`${IBSI2}/response_maps/${id}-ValidCRM.nii.gz`);

/** Largest voxel difference as a fraction of the reference map's range (the IBSI-2 criterion: ≤ 0.01). */
function worstDifference(response: FilterImage, ref: FilterImage): number {
  expect(response.size).toEqual(ref.size);
  let min = Infinity, max = -Infinity, worst = 0;
  for (const v of ref.data) { min = Math.min(min, v); max = Math.max(max, v); }
  for (let n = 0; n < ref.data.length; n++) worst = Math.max(worst, Math.abs(response.data[n]! - ref.data[n]!));
  return worst / (max - min);
}

interface Ibsi2Case { readonly id: string; readonly phantom: string; readonly run: (image: FilterImage) => FilterImage }

const CASES: Ibsi2Case[] = [
  { id: "4_a_1", phantom: "impulse", run: (im) => gaborFilter(im, { sigma: 10, wavelength: 4, aspectRatio: 0.5, orientations: [60], boundary: "zero", planes: "axial", pooling: "mean" }) },
  { id: "4_a_2", phantom: "impulse", run: (im) => gaborFilter(im, { sigma: 10, wavelength: 4, aspectRatio: 0.5, orientations: orientationSteps(0, 45), boundary: "zero", planes: "orthogonal", pooling: "mean" }) },
  { id: "4_b_1", phantom: "sphere", run: (im) => gaborFilter(im, { sigma: 20, wavelength: 8, aspectRatio: 2.5, orientations: [225], boundary: "mirror", planes: "axial", pooling: "mean" }) },
  { id: "4_b_2", phantom: "sphere", run: (im) => gaborFilter(im, { sigma: 20, wavelength: 8, aspectRatio: 2.5, orientations: orientationSteps(0, 22.5), boundary: "mirror", planes: "orthogonal", pooling: "mean" }) },
  { id: "5_a_1", phantom: "impulse", run: (im) => separableWavelet(im, { wavelet: "db2", subband: "LHL", level: 1, boundary: "zero" }) },
  { id: "5_a_2", phantom: "impulse", run: (im) => rotationInvariant(im, (r) => separableWavelet(r, { wavelet: "db2", subband: "LHL", level: 1, boundary: "zero" }), "mean", 3) },
  { id: "6_a_1", phantom: "sphere", run: (im) => separableWavelet(im, { wavelet: "coif1", subband: "HHL", level: 1, boundary: "periodic" }) },
  { id: "6_a_2", phantom: "sphere", run: (im) => rotationInvariant(im, (r) => separableWavelet(r, { wavelet: "coif1", subband: "HHL", level: 1, boundary: "periodic" }), "mean", 3) },
  { id: "7_a_1", phantom: "checkerboard", run: (im) => rotationInvariant(im, (r) => separableWavelet(r, { wavelet: "haar", subband: "LLL", level: 2, boundary: "mirror" }), "mean", 3) },
  { id: "7_a_2", phantom: "checkerboard", run: (im) => rotationInvariant(im, (r) => separableWavelet(r, { wavelet: "haar", subband: "HHH", level: 2, boundary: "mirror" }), "mean", 3) },
  { id: "8_a_1", phantom: "checkerboard", run: (im) => simoncelliWavelet(im, { level: 1, boundary: "periodic" }) },
  { id: "8_a_2", phantom: "checkerboard", run: (im) => simoncelliWavelet(im, { level: 2, boundary: "periodic" }) },
  { id: "8_a_3", phantom: "checkerboard", run: (im) => simoncelliWavelet(im, { level: 3, boundary: "periodic" }) },
  { id: "9_a", phantom: "impulse", run: (im) => rieszLog(im, { sigma: 3, truncate: 4, order: [1, 0, 0], boundary: "zero" }) },
  { id: "9_b_1", phantom: "sphere", run: (im) => rieszLog(im, { sigma: 3, truncate: 4, order: [0, 2, 0], boundary: "zero" }) },
  { id: "10_b_1", phantom: "pattern_1", run: (im) => rieszSimoncelli(im, { level: 1, order: [0, 2, 0], boundary: "nearest" }) },
];

describe("IBSI-2 phase 1 response maps: Gabor, wavelets, Riesz", () => {
  for (const c of CASES)
    it(`test ${c.id.replace(/_/g, ".")} (${c.phantom}) is within 1 % of the reference map's range`, () => {
      const worst = worstDifference(c.run(phantom(c.phantom)), reference(c.id));
      console.log(`IBSI-2 ${c.id}: worst voxel ${(100 * worst).toFixed(4)} % of range`);
      expect(worst).toBeLessThanOrEqual(0.01);
    }, 300_000); // the orthogonal-plane Gabor tests run 48 FFT convolutions of 128×128×64 on a shared 2-core machine
});

describe("IBSI-2 criterion and parameter checks (tests 4–10)", () => {
  it("rejects a response map computed with the mirrored orientation (θ = −60° for test 4.a.1)", () => {
    const wrong = gaborFilter(phantom("impulse"), { sigma: 10, wavelength: 4, aspectRatio: 0.5, orientations: [-60], boundary: "zero", planes: "axial", pooling: "mean" });
    expect(worstDifference(wrong, reference("4_a_1"))).toBeGreaterThan(0.01);
  });

  it("rejects a level-2 Haar map without the 24-rotation pooling (test 7.a.1)", () => {
    const wrong = separableWavelet(phantom("checkerboard"), { wavelet: "haar", subband: "LLL", level: 2, boundary: "mirror" });
    expect(worstDifference(wrong, reference("7_a_1"))).toBeGreaterThan(0.01);
  });

  it("refuses unknown wavelets, malformed sub-bands, bad levels and Riesz orders with typed errors", () => {
    const image = phantom("impulse");
    expect(() => separableWavelet(image, { wavelet: "db7", subband: "LHL", level: 1, boundary: "zero" })).toThrow(BadUserInputError);
    expect(() => separableWavelet(image, { wavelet: "db2", subband: "LXL", level: 1, boundary: "zero" })).toThrow(BadUserInputError);
    expect(() => separableWavelet(image, { wavelet: "db2", subband: "LHL", level: 0, boundary: "zero" })).toThrow(BadUserInputError);
    expect(() => simoncelliWavelet(image, { level: 1.5, boundary: "periodic" })).toThrow(BadUserInputError);
    expect(() => rieszSimoncelli(image, { level: 1, order: [0, 0, 0], boundary: "periodic" })).toThrow(BadUserInputError);
    expect(() => gaborFilter(image, { sigma: 0, wavelength: 4, aspectRatio: 0.5, orientations: [0], boundary: "zero", planes: "axial", pooling: "mean" })).toThrow(BadUserInputError);
  });
});
