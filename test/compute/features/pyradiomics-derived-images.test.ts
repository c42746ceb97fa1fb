// Filtering over the ROI's box plus the filter's support (LBP3D: the ROI's box, read from the whole image) gives, at every ROI voxel, exactly (bit for bit) the
// value of filtering the whole image — for each pyradiomics image type, with an ROI at the image's edge (label 1
// touches x = 0) and one inside (label 2).
import { describe, expect, it } from "vitest";
import { derivedImages } from "../../../compute/filters/pyradiomics/image-types.js";
import { filterBox, pyradiomicsDerivedVolumes } from "../../../compute/features/pyradiomics-derived-images.js";
import { parsePyradiomicsParams } from "../../../compute/features/pyradiomics-params.js";
import type { Mask } from "../../../compute/image/volume.js";
import { filteredMask, filteredVolume } from "./pyradiomics-filtered-reference.js";

const PARAMS = `imageType:
  Original: {}
  LoG: {sigma: [1.0, 3.0]}
  Wavelet: {}
  Square: {}
  SquareRoot: {}
  Logarithm: {}
  Exponential: {}
  Gradient: {}
  LBP2D: {lbp2DRadius: 1.5}
  LBP3D: {lbp3DIcosphereRadius: 1.5, lbp3DLevels: 3}
featureClass:
  firstorder: ['Mean']
`;
const db2 = "imageType:\n  Wavelet: {wavelet: db2, start_level: 1, level: 2}\nfeatureClass:\n  firstorder: ['Mean']\n";

function label(value: number): Mask {
  return { geometry: filteredMask.geometry, data: filteredMask.data.map((v) => (v === value ? 1 : 0)) };
}

describe("pyradiomics derived images over the ROI box + support", () => {
  const g = filteredVolume.geometry;
  const whole = { size: g.size, spacing: g.spacing, data: Float64Array.from(filteredVolume.data) };
  for (const lab of [1, 2]) {
    it(`label ${lab}: equal to the whole-image filter at every ROI voxel, for every image type`, () => {
      const roi = label(lab);
      const types = [...parsePyradiomicsParams(PARAMS).imageTypes, ...parsePyradiomicsParams(db2).imageTypes];
      let compared = 0;
      for (const type of types) {
        const reference = new Map(derivedImages(whole, type.name, type.filter, roi.data).map((d) => [d.name, d.image]));
        for (const d of pyradiomicsDerivedVolumes(filteredVolume, roi, type)) {
          const full = reference.get(d.name)!;
          const [bx, by] = d.volume.geometry.size;
          const offset = [0, 1, 2].map((a) => Math.round((d.volume.geometry.origin[a]! - g.origin[a]!) / g.spacing[a]!));
          const ours: number[] = [], theirs: number[] = [];
          d.mask.data.forEach((m, v) => {
            if (!m) return;
            const i = v % bx, j = Math.floor(v / bx) % by, k = Math.floor(v / (bx * by));
            ours.push(d.volume.data[v]!);
            theirs.push(full.data[i + offset[0]! + g.size[0] * (j + offset[1]! + g.size[1] * (k + offset[2]!))]!);
          });
          expect(ours, `${type.name} ${d.name}`).toEqual(theirs);
          compared += ours.length;
        }
      }
      expect(compared).toBeGreaterThan(1000);
    });
  }

  it("crops: the pointwise types and LBP3D to the ROI box, Gradient one voxel wider (clamped at the image edge), LoG never, Wavelet only strictly inside", () => {
    const t = (text: string) => parsePyradiomicsParams(`imageType:\n  ${text}\nfeatureClass:\n  firstorder: ['Mean']\n`).imageTypes[0]!;
    const edge = { lower: [0, 4, 2], upper: [8, 14, 8] } as const; // label 1's box: x from 0
    expect(filterBox(t("Square: {}"), edge, g.size)).toEqual(edge);
    expect(filterBox(t("Gradient: {}"), edge, g.size)).toEqual({ lower: [0, 3, 1], upper: [9, 15, 9] });
    expect(filterBox(t("LoG: {sigma: [1.0]}"), edge, g.size)).toEqual({ lower: [0, 0, 0], upper: [21, 18, 10] });
    expect(filterBox(t("LBP3D: {}"), edge, g.size)).toEqual(edge); // computed from the whole image, kept on the ROI box
    // coif1 (6 taps), one pass: 3 voxels each side; x reaches below 0 → whole x; z 2−3 < 0 → whole z.
    expect(filterBox(t("Wavelet: {}"), edge, g.size)).toEqual({ lower: [0, 1, 0], upper: [21, 17, 10] });
  });
});
