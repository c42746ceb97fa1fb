// pyradiomics-compatible mode: names, binning anchored at multiples of the bin width, and the
// definitions where pyradiomics differs from IBSI (non-excess kurtosis, shifted energy).
import { expect, test } from "vitest";
import { computeFeatures, prepareInput } from "../../../compute/features/compute-features.js";
import { computePyradiomicsFeatures, pyradiomicsSettings } from "../../../compute/features/pyradiomics.js";
import { ellipsoidMask, volumeOn } from "./shapes.js";

const mask = ellipsoidMask([6, 5, 4], [1, 1, 2]);
const volume = volumeOn(mask, (i, j, k) => -30 + 13 * i - 7 * j + 5 * k);

test("pyradiomics binning starts at a multiple of the bin width", () => {
  const roi = prepareInput(volume, mask, pyradiomicsSettings()).roi!;
  let min = Infinity, max = -Infinity;
  for (let v = 0; v < roi.intensityMask.length; v++) if (roi.intensityMask[v]) { min = Math.min(min, roi.intensities[v]!); max = Math.max(max, roi.intensities[v]!); }
  expect(roi.numberOfGreyLevels).toBe(Math.floor(max / 25) - Math.floor(min / 25) + 1);
});

test("pyradiomics names and the definitions that differ from IBSI", () => {
  const py = computePyradiomicsFeatures(volume, mask, { voxelArrayShift: 1000 });
  const ibsi = computeFeatures(volume, mask, pyradiomicsSettings(), ["intensity_statistics", "glcm"]);
  const pyValue = (name: string) => py.find((f) => f.name === `original_${name}`)!.value!;
  const ibsiValue = (key: string) => ibsi.find((r) => r.key === key)!.value!;
  expect(pyValue("firstorder_Kurtosis")).toBeCloseTo(ibsiValue("stat_kurtosis") + 3, 12);
  expect(pyValue("glcm_Contrast")).toBeCloseTo(ibsiValue("cm_contrast_3d_avg"), 12);
  expect(pyValue("glcm_SumSquares")).toBeCloseTo(ibsiValue("cm_joint_variance_3d_avg"), 12);
  const roi = prepareInput(volume, mask, pyradiomicsSettings()).roi!;
  let energy = 0;
  for (let v = 0; v < roi.intensityMask.length; v++) if (roi.intensityMask[v]) energy += (roi.intensities[v]! + 1000) ** 2;
  expect(pyValue("firstorder_Energy")).toBeCloseTo(energy, 6);
  expect(pyValue("firstorder_TotalEnergy")).toBeCloseTo(energy * 2, 6);
  expect(new Set(py.map((f) => f.name)).size).toBe(py.length);
  expect(py.every((f) => /^original_(firstorder|shape|glcm|glrlm|glszm|gldm|ngtdm)_[A-Za-z0-9]+$/.test(f.name))).toBe(true);
  expect(py.length).toBeGreaterThan(90);
});
