// pyradiomics params files → typed profile: pyradiomics' own example files, honoured keys with their
// defaults, and every refusal naming the key (unknown keys list the valid ones).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BadUserInputError } from "../../../compute/errors.js";
import { canonicalPyradiomicsProfile, parsePyradiomicsParams } from "../../../compute/features/pyradiomics-params.js";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures/pyradiomics-params", name), "utf8");

function refusal(text: string): BadUserInputError {
  try { parsePyradiomicsParams(text); } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    return error as BadUserInputError;
  }
  throw new Error("expected the params to be refused");
}

/** exampleCT.yaml as pyradiomics 3.0.1 accepts it, restricted to what this platform applies (Original image, no resampling). */
const CT_LIKE = `
imageType:
  Original: {}
featureClass:
  firstorder:
  glcm: ['Autocorrelation', 'JointAverage', 'Contrast', 'Correlation', 'Imc1', 'Imc2', 'Idmn', 'SumSquares']
  glrlm:
  glszm:
  gldm: []
  ngtdm:
setting:
  interpolator: 'sitkBSpline'
  padDistance: 10
  binWidth: 25
  voxelArrayShift: 1000
  label: 1
`;

describe("pyradiomics params files", () => {
  it("reads the exampleCT-like params into a profile with pyradiomics' defaults filled in", () => {
    const profile = parsePyradiomicsParams(CT_LIKE);
    const settings = { binWidth: 25, binCount: null, voxelArrayShift: 1000, label: 1, minimumROIDimensions: 2, minimumROISize: null, normalize: false, normalizeScale: 1, removeOutliers: null, additionalInfo: true, force2D: false, force2Ddimension: 0 };
    expect(profile.settings).toEqual(settings);
    expect(profile.imageTypes).toEqual([{ name: "Original", settings, filter: {} }]);
    expect(profile.preprocessing).toEqual({ resampledPixelSpacing: null, interpolator: "sitkBSpline", padDistance: 10, preCrop: false, label: 1, normalize: false, normalizeScale: 1, removeOutliers: null });
    expect(Object.keys(profile.featureClasses).sort()).toEqual(["firstorder", "glcm", "gldm", "glrlm", "glszm", "ngtdm"]);
    expect(profile.featureClasses.glcm).toEqual(["Autocorrelation", "Contrast", "Correlation", "Idmn", "Imc1", "Imc2", "JointAverage", "SumSquares"]);
    // An empty class enables its non-deprecated features, as pyradiomics' enableAllFeatures does.
    expect(profile.featureClasses.firstorder).toHaveLength(18);
    expect(profile.featureClasses.gldm).toHaveLength(14);
    expect(profile.featureClasses.gldm).not.toContain("GrayLevelNonUniformityNormalized");
  });

  it("reads JSON too, and equal params give the same canonical hash whatever their order or comments", () => {
    const json = JSON.stringify({ setting: { label: 1, voxelArrayShift: 1000, binWidth: 25, padDistance: 10, interpolator: "sitkBSpline" }, featureClass: { ngtdm: null, gldm: [], glszm: null, glrlm: null, glcm: ["SumSquares", "Idmn", "Imc2", "Imc1", "Correlation", "Contrast", "JointAverage", "Autocorrelation"], firstorder: null }, imageType: { Original: {} } });
    const a = canonicalPyradiomicsProfile(parsePyradiomicsParams(CT_LIKE));
    const b = canonicalPyradiomicsProfile(parsePyradiomicsParams(json));
    expect(b).toEqual(a);
    expect(a.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(canonicalPyradiomicsProfile(parsePyradiomicsParams(CT_LIKE.replace("binWidth: 25", "binWidth: 10"))).hash).not.toBe(a.hash);
  });

  it("no featureClass and no imageType: every class on the Original image, as pyradiomics does — shape2D left out without force2D, as pyradiomics skips it", () => {
    const profile = parsePyradiomicsParams("setting:\n  binWidth: 25\n");
    expect(Object.keys(profile.featureClasses).sort()).toEqual(["firstorder", "glcm", "gldm", "glrlm", "glszm", "ngtdm", "shape"]);
    // pyradiomics' enableAllFeatures: the non-deprecated shape features, mesh ones included.
    expect(profile.featureClasses.shape).toEqual(["Elongation", "Flatness", "LeastAxisLength", "MajorAxisLength", "Maximum2DDiameterColumn", "Maximum2DDiameterRow",
      "Maximum2DDiameterSlice", "Maximum3DDiameter", "MeshVolume", "MinorAxisLength", "Sphericity", "SurfaceArea", "SurfaceVolumeRatio", "VoxelVolume"]);
  });

  it("force2D applies to shape2D only: shape2D without it, and force2D with a texture class, are refused by name", () => {
    expect(refusal("featureClass:\n  shape2D:\n").message).toContain("featureClass 'shape2D' needs setting force2D: true");
    expect(refusal("setting:\n  force2D: true\nfeatureClass:\n  shape2D:\n  glcm: ['Contrast']\n  gldm:\n").message).toContain("setting 'force2D' (force2D: true) applies to shape2D only here; 2D texture (glcm, gldm) is not supported yet");
    expect(refusal("setting:\n  force2D: true\n").message).toContain("2D texture (glcm, glrlm, glszm, gldm, ngtdm)");
    const ok = parsePyradiomicsParams("setting:\n  force2D: true\n  force2Ddimension: 2\nfeatureClass:\n  shape2D: ['Perimeter', 'SphericalDisproportion']\n  shape:\n  firstorder: ['Mean']\n");
    expect(ok.featureClasses.shape2D).toEqual(["Perimeter", "SphericalDisproportion"]);
    expect(ok.imageTypes[0]!.settings).toMatchObject({ force2D: true, force2Ddimension: 2 });
    expect(parsePyradiomicsParams("featureClass:\n  shape2D:\nsetting:\n  force2D: true\n").featureClasses.shape2D).toHaveLength(9);
  });

  it("exampleCT.pre-3.0.yaml (an old exampleCT.yaml): the unknown top-level key inputImage is named, with the valid keys", () => {
    const error = refusal(fixture("exampleCT.pre-3.0.yaml"));
    expect(error.message).toBe("unknown params file top-level key 'inputImage'; valid keys: setting, imageType, featureClass, voxelSetting");
    expect(error.details).toEqual({ unknown: ["inputImage"], valid: ["setting", "imageType", "featureClass", "voxelSetting"] });
  });

  it("exampleMR_3mm.yaml parses unchanged (resampling, normalize, LoG, Wavelet, mesh shape)", () => {
    const profile = parsePyradiomicsParams(fixture("exampleMR_3mm.yaml"));
    expect(profile.imageTypes.map((t) => t.name).sort()).toEqual(["LoG", "Original", "Wavelet"]);
    expect(profile.preprocessing).toMatchObject({ resampledPixelSpacing: [2, 2, 2], normalize: true });
    expect(profile.featureClasses.shape).toContain("MeshVolume");
  });

  it("Params.duplicate-shape.yaml (an old Params.yaml, `shape:` twice): a duplicate key is an error, as in pyradiomics 3.0.1's ruamel.yaml", () => {
    expect(refusal(fixture("Params.duplicate-shape.yaml")).message).toMatch(/neither valid YAML nor JSON: Map keys must be unique at line 37/);
    // Without the duplicate, and with the shape features this platform computes, it parses.
    const fixed = fixture("Params.duplicate-shape.yaml").replace(/  shape:\n  # redundant[^\n]*\n[^\n]*\n  shape:\n/, "  shape: ['VoxelVolume', 'Maximum3DDiameter']\n");
    const profile = parsePyradiomicsParams(fixed);
    expect(profile.featureClasses.shape).toEqual(["Maximum3DDiameter", "VoxelVolume"]);
    expect(profile.featureClasses.glcm).toHaveLength(22);
    expect(profile.featureClasses.glcm).not.toContain("SumAverage");
  });

  it("an unknown setting, feature class or feature is a typed error naming it and listing the valid ones", () => {
    const setting = refusal("setting:\n  binwidth: 25\n");
    expect(setting.message).toMatch(/^unknown setting key 'binwidth'; valid keys: minimumROIDimensions, .*binWidth, .*gldm_a$/);
    expect(refusal("featureClass:\n  glmc:\n").message).toMatch(/^unknown featureClass key 'glmc'; valid keys: firstorder, glcm, /);
    expect(refusal("featureClass:\n  glcm: ['Contrast', 'Contrasts']\n").message).toMatch(/^featureClass 'glcm' has unknown features Contrasts; valid: Autocorrelation, /);
    expect(refusal("imageType:\n  Orignal: {}\n").message).toMatch(/^unknown imageType key 'Orignal'; valid keys: Exponential, .*Original/);
    expect(refusal("imageType:\n  Original: {binWidht: 3}\n").message).toMatch(/unknown imageType Original setting key 'binWidht'/);
  });

  it("checks types and ranges of paramSchema.yaml", () => {
    expect(refusal("setting:\n  binWidth: -5\n").message).toMatch(/setting 'binWidth'.*-5/);
    expect(refusal("setting:\n  label: 1.5\n").message).toMatch(/setting 'label'/);
    expect(refusal("setting:\n  interpolator: sitkCubic\n").message).toMatch(/setting 'interpolator'/);
    expect(refusal("setting: [1, 2]\n").message).toMatch(/setting must be a mapping/);
  });

  it("refuses by name what cannot be applied yet, and accepts the same keys at values that change nothing", () => {
    for (const [text, name] of [
      ["setting:\n  resegmentRange: [-100, 200]\n", "setting 'resegmentRange'"],
      ["setting:\n  resegmentShape: true\n", "setting 'resegmentShape'"],
      ["setting:\n  force2D: true\n", "setting 'force2D' (force2D: true) applies to shape2D only"],
      ["setting:\n  distances: [1, 2]\n", "setting 'distances'"],
      ["setting:\n  weightingNorm: euclidean\n", "setting 'weightingNorm'"],
      ["setting:\n  gldm_a: 1\n", "setting 'gldm_a'"],
      ["imageType:\n  LBP3D: {lbp3DLevels: 1}\n", "imageType LBP3D setting 'lbp3DLevels' 1 fails inside pyradiomics 3.0.1"],
      ["imageType:\n  LBP3D: {lbp3DIcosphereSubdivision: 6}\n", "imageType LBP3D setting 'lbp3DIcosphereSubdivision' above 5 is not supported"],
      ["imageType:\n  LoG: {}\n", "imageType LoG needs a non-empty 'sigma' list"],
      ["imageType:\n  LBP2D: {lbp2DMethod: ror}\n", "imageType LBP2D setting 'lbp2DMethod' 'ror' is not supported yet"],
      ["voxelSetting:\n  kernelRadius: 2\n", "voxelSetting"],
      ["featureClass:\n  glcm: ['SumVariance']\n", "featureClass 'glcm' features SumVariance"],
    ] as const) expect(refusal(text).message, text).toContain(name);
    const ok = parsePyradiomicsParams("setting:\n  normalize: false\n  removeOutliers: 3\n  normalizeScale: 100\n  force2D: false\n  distances: [1]\n  resampledPixelSpacing:\n  weightingNorm:\n  preCrop: true\n  additionalInfo: false\nfeatureClass:\n  ngtdm:\n");
    expect(ok.featureClasses).toEqual({ ngtdm: ["Busyness", "Coarseness", "Complexity", "Contrast", "Strength"] });
  });

  it("image types: each with the top-level settings merged under its own, sigma's int/float spelling kept for the LoG name", () => {
    const profile = parsePyradiomicsParams("setting:\n  binWidth: 25\n  sigma: [1, 2.0]\nimageType:\n  LoG: {binWidth: 5}\n  Wavelet: {wavelet: db2, level: 2}\n  Gradient: {gradientUseSpacing: false}\n  Square: {}\nfeatureClass:\n  firstorder: ['Mean']\n");
    expect(profile.imageTypes.map((t) => [t.name, t.settings.binWidth])).toEqual([["LoG", 5], ["Wavelet", 25], ["Gradient", 25], ["Square", 25]]);
    expect(profile.imageTypes[0]!.filter).toEqual({ sigma: [1, 2], sigmaTypes: ["int", "float"] });
    expect(profile.imageTypes[1]!.filter).toMatchObject({ wavelet: "db2", level: 2 });
    expect(profile.imageTypes[2]!.filter).toMatchObject({ gradientUseSpacing: false });
    const own = parsePyradiomicsParams("imageType:\n  LoG: {sigma: [3.0]}\nfeatureClass:\n  firstorder: ['Mean']\n");
    expect(own.imageTypes[0]!.filter).toEqual({ sigma: [3], sigmaTypes: ["float"] });
  });

  it("per-image-type settings override the top-level ones", () => {
    const profile = parsePyradiomicsParams("setting:\n  binWidth: 25\n  label: 2\nimageType:\n  Original: {binWidth: 10}\nfeatureClass:\n  firstorder: ['Mean']\n");
    expect(profile.imageTypes[0]!.settings).toMatchObject({ binWidth: 10, label: 2 });
  });
});
