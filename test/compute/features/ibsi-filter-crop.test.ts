// IBSI-2 filters over the ROI's bounding box plus the kernel's support give, at every ROI voxel, exactly (bit
// for bit) the response of filtering the whole image — for every filter kind and boundary condition, with
// rotation invariance, Laws energy maps and 2D filters, on an anisotropic volume, for an ROI inside the image
// and one that meets its edges (i = 0, k = last), where the box is padded by the boundary condition.
import { describe, expect, it } from "vitest";
import { applyIbsiFilter } from "../../../compute/filters/apply-ibsi-filter.js";
import { ibsiFilterOf } from "../../../compute/filters/ibsi-filter-spec.js";
import { boxSize, ibsiFilterResponse } from "../../../compute/features/ibsi-filter-response.js";
import type { Geometry, Mask, Vec3, Volume } from "../../../compute/image/volume.js";
import { SeededRandom } from "../../../compute/seeded-random.js";

const size: Vec3 = [26, 22, 14];
const geometry: Geometry = { size, spacing: [0.8, 1.1, 2.5], origin: [0, 0, 0], direction: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] };
const random = new SeededRandom(14);
const volume: Volume<Float64Array> = { geometry, data: Float64Array.from({ length: size[0] * size[1] * size[2] }, () => random.normal(40, 25)) };

/** An ellipsoid-ish blob in the box [lo, hi] (inclusive). */
function blob(lo: Vec3, hi: Vec3): Mask {
  const data = new Uint8Array(volume.data.length);
  const c = lo.map((l, a) => (l + hi[a]!) / 2), r = lo.map((l, a) => (hi[a]! - l) / 2 + 0.5);
  for (let k = lo[2]; k <= hi[2]; k++) for (let j = lo[1]; j <= hi[1]; j++) for (let i = lo[0]; i <= hi[0]; i++)
    if (((i - c[0]!) / r[0]!) ** 2 + ((j - c[1]!) / r[1]!) ** 2 + ((k - c[2]!) / r[2]!) ** 2 <= 1.2) data[i + size[0] * (j + size[1] * k)] = 1;
  return { geometry, data };
}

const ROIS = { inside: blob([9, 8, 5], [14, 12, 8]), edge: blob([0, 15, 10], [4, 21, 13]) };

const FILTERS: Record<string, unknown>[] = [
  ...["ZERO", "NEAREST", "PERIODIC", "MIRROR"].map((boundary) => ({ kind: "MEAN", support: 5, boundary })),
  { kind: "MEAN", support: 3, dimensions: 2, boundary: "ZERO" },
  { kind: "LOG", sigma: 2, boundary: "MIRROR" },
  { kind: "LOG", sigma: 1.5, dimensions: 2, boundary: "NEAREST" },
  { kind: "LOG", sigma: 1.2, boundary: "PERIODIC" },
  { kind: "LAWS", lawsKernel: "E5L5S5", boundary: "ZERO" },
  { kind: "LAWS", lawsKernel: "E3W5R5", rotationInvariance: true, pooling: "MAX", energyDistance: 3, boundary: "MIRROR" },
  { kind: "LAWS", lawsKernel: "L5S5", rotationInvariance: true, pooling: "AVERAGE", energyDistance: 2, boundary: "MIRROR" },
  { kind: "LAWS", lawsKernel: "S3E3W5", energyDistance: 1, energyBoundary: "PERIODIC", boundary: "NEAREST" },
  { kind: "GABOR", sigma: 3, wavelength: 2, aspectRatio: 0.5, theta: 60, boundary: "ZERO" },
  { kind: "GABOR", sigma: 3, wavelength: 2, aspectRatio: 1.5, thetaStep: 45, pooling: "AVERAGE", boundary: "MIRROR" },
  { kind: "GABOR", sigma: 2, wavelength: 3, aspectRatio: 0.5, thetaStep: 90, dimensions: 3, pooling: "MAX", boundary: "NEAREST" },
  { kind: "WAVELET", wavelet: "db2", decomposition: "LHL", boundary: "ZERO" },
  { kind: "WAVELET", wavelet: "coif1", decomposition: "HHL", boundary: "PERIODIC" },
  { kind: "WAVELET", wavelet: "haar", decomposition: "LLL", level: 2, rotationInvariance: true, pooling: "AVERAGE", boundary: "MIRROR" },
  { kind: "WAVELET", wavelet: "db2", decomposition: "HHH", level: 2, boundary: "NEAREST" },
  { kind: "SIMONCELLI", level: 2, boundary: "PERIODIC" },
  { kind: "RIESZ_LOG", sigma: 2, rieszOrder: [1, 0, 0], boundary: "ZERO" },
  { kind: "RIESZ_SIMONCELLI", level: 1, rieszOrder: [0, 2, 0], boundary: "NEAREST" },
];

/** Filters whose response depends on the whole grid (plane-spanning Gabor, frequency-domain) are not cropped in-plane. */
const wholePlane = (kind: unknown) => kind === "GABOR" || kind === "SIMONCELLI" || kind === "RIESZ_LOG" || kind === "RIESZ_SIMONCELLI";

describe("IBSI-2 filter response over the ROI box + support", () => {
  const whole = { size, spacing: geometry.spacing, data: volume.data };
  for (const raw of FILTERS) {
    const filter = ibsiFilterOf(raw);
    it(`${JSON.stringify(raw)}: equal to the whole-image response at every ROI voxel`, () => {
      const reference = applyIbsiFilter(whole, filter).data;
      for (const [where, roi] of Object.entries(ROIS)) {
        const out = ibsiFilterResponse(volume, roi, filter)!;
        const n = boxSize(out.box);
        let compared = 0;
        for (let k = 0; k < n[2]; k++) for (let j = 0; j < n[1]; j++) for (let i = 0; i < n[0]; i++) {
          const at = i + n[0] * (j + n[1] * k);
          if (!out.roi[at]) continue;
          const g = i + out.box.lower[0] + size[0] * (j + out.box.lower[1] + size[1] * (k + out.box.lower[2]));
          expect(roi.data[g], where).toBe(1);
          expect(out.response.data[at], `${where} voxel ${g}`).toBe(reference[g]);
          compared++;
        }
        expect(compared, where).toBe(roi.data.reduce((s, v) => s + v, 0));
        if (where === "inside" && !wholePlane(raw.kind) && raw.boundary !== "PERIODIC") expect(n[0] * n[1] * n[2]).toBeLessThan(volume.data.length);
      }
    });
  }

  it("crops the support only: a 5-voxel mean grows the inside ROI's box by 2 voxels per axis, a 2D one not across slices", () => {
    expect(ibsiFilterResponse(volume, ROIS.inside, ibsiFilterOf({ kind: "MEAN", support: 5 }))!.box).toEqual({ lower: [7, 6, 3], upper: [16, 14, 10] });
    expect(ibsiFilterResponse(volume, ROIS.inside, ibsiFilterOf({ kind: "MEAN", support: 5, dimensions: 2 }))!.box).toEqual({ lower: [7, 6, 5], upper: [16, 14, 8] });
    // the edge ROI's box is clamped at i = 0 and k = 13, where the boundary condition pads
    expect(ibsiFilterResponse(volume, ROIS.edge, ibsiFilterOf({ kind: "MEAN", support: 5 }))!.box).toEqual({ lower: [0, 13, 8], upper: [6, 21, 13] });
  });
});
