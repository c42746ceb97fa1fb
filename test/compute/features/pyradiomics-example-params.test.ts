// pyradiomics 3.0.1's own example params files (examples/exampleSettings of its sdist, unchanged; see
// fixtures/pyradiomics-params/SOURCE.md): each parses here unchanged — resampling, LoG, Wavelet and pyradiomics'
// mesh shape features all honoured, nothing refused. Their Original-image part (LoG / Wavelet dropped, shape without the mesh
// features; the same edit as scripts/fixtures/pyradiomics-resample.py) is compared with pyradiomics in
// pyradiomics-resample-features.test.ts; here we check that it is exactly that edit of the committed file.
// The two old versions are refused as pyradiomics 3.0.1 refuses them.
import { describe, expect, it } from "vitest";
import { BadUserInputError } from "../../../compute/errors.js";
import { parsePyradiomicsParams } from "../../../compute/features/pyradiomics-params.js";
import { exampleParams, originalOnly, resampleReference } from "./pyradiomics-example-params.js";

const fixture = exampleParams;
const reference = resampleReference;

function refusals(text: string): string[] {
  try { parsePyradiomicsParams(text); } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    return ((error as BadUserInputError).details as { unsupported?: string[] }).unsupported ?? [(error as Error).message];
  }
  return [];
}

describe("pyradiomics 3.0.1's example params files", () => {
  for (const [file, spacing, padDistance, normalize, filtered] of [
    ["exampleCT.yaml", [1, 1, 1], 10, false, true],
    ["exampleMR_3mm.yaml", [2, 2, 2], 5, true, true],
    ["exampleMR_5mm.yaml", [3, 3, 3], 5, true, true],
    ["Params.yaml", null, 5, false, false],
  ] as const) {
    it(`${file}: resampling honoured (${JSON.stringify(spacing)}); parses unchanged, nothing refused`, () => {
      expect(refusals(fixture(file))).toEqual([]);
      if (filtered) expect(parsePyradiomicsParams(fixture(file)).imageTypes.map((t) => t.name)).toEqual(expect.arrayContaining(["LoG", "Wavelet"]));
      const profile = parsePyradiomicsParams(originalOnly(fixture(file)));
      expect(profile.preprocessing).toMatchObject({ resampledPixelSpacing: spacing, interpolator: "sitkBSpline", padDistance, preCrop: false, label: 1, normalize });
      const compared = reference.cases.find((c) => c.name.startsWith(`${file} `))!;
      expect(compared.params).toBe(originalOnly(fixture(file)));
      expect(Object.keys(compared.features).length).toBeGreaterThan(90);
    });
  }

  it("the old versions are refused as pyradiomics 3.0.1 refuses them (an unknown key; a duplicate key)", () => {
    expect(refusals(fixture("exampleCT.pre-3.0.yaml"))).toEqual(["unknown params file top-level key 'inputImage'; valid keys: setting, imageType, featureClass, voxelSetting"]);
    expect(refusals(fixture("Params.duplicate-shape.yaml"))[0]).toMatch(/^the pyradiomics params file is neither valid YAML nor JSON: Map keys must be unique/);
  });

  it("resampling keys: interpolator by SimpleITK number, `interpolator:` empty (None) switches resampling off, unsupported interpolators refused by name", () => {
    const base = "featureClass:\n  firstorder:\nsetting:\n  resampledPixelSpacing: [1, 1, 1]\n";
    expect(parsePyradiomicsParams(`${base}  interpolator: 2\n`).preprocessing.interpolator).toBe("sitkLinear");
    expect(parsePyradiomicsParams(`${base}  interpolator: 'sitkNearestNeighbor'\n`).preprocessing.interpolator).toBe("sitkNearestNeighbor");
    expect(parsePyradiomicsParams(`${base}  interpolator:\n`).preprocessing.interpolator).toBeNull();
    expect(refusals(`${base}  interpolator: 'sitkLanczosWindowedSinc'\n`)).toEqual(["setting 'interpolator' sitkLanczosWindowedSinc is not supported (resampling here applies sitkNearestNeighbor, sitkLinear, sitkBSpline)"]);
    expect(refusals(`${base}  interpolator: 4\n`)[0]).toMatch(/'interpolator' sitkGaussian is not supported/);
    expect(refusals(`${base}  interpolator: 3\n`)[0]).toMatch(/'interpolator' 3 is not an interpolator of SimpleITK 2.5.7/);
    // Without resampling the interpolator changes nothing, as in pyradiomics.
    expect(refusals("featureClass:\n  firstorder:\nsetting:\n  interpolator: 'sitkGaussian'\n")).toEqual([]);
    expect(refusals("featureClass:\n  firstorder:\nsetting:\n  resampledPixelSpacing: [1, 1]\n")).toEqual(["setting 'resampledPixelSpacing' needs 3 values (x, y, z), got 2"]);
    expect(refusals("featureClass:\n  firstorder:\nsetting:\n  resampledPixelSpacing: [1, -1, 1]\n")[0]).toMatch(/setting 'resampledPixelSpacing'/);
    expect(parsePyradiomicsParams("featureClass:\n  firstorder:\nsetting:\n  preCrop: true\n  padDistance: 2\n").preprocessing).toMatchObject({ preCrop: true, padDistance: 2, resampledPixelSpacing: null });
  });
});
