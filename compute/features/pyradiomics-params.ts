// A pyradiomics params file (YAML or JSON with `setting`, `imageType`, `featureClass`, `voxelSetting`, as
// pyradiomics 3.0.1 documents them in radiomics/schemas/paramSchema.yaml and "Customizing the extraction")
// → a typed, validated profile. Every documented key is honoured or refused by name with a
// BadUserInputError; an unknown key is refused naming it and listing the valid ones.
import { createHash } from "node:crypto";
import { isSeq, parseDocument, type Document } from "yaml";
import { z } from "zod";
import { BadUserInputError } from "../errors.js";
import type { ImageTypeSettings } from "../filters/pyradiomics/image-types.js";
import { MAX_LBP3D_SUBDIVISION } from "../filters/pyradiomics/lbp-3d-image.js";
import type { ItkInterpolator } from "../image/itk-resample.js";
import { PYRADIOMICS_RESAMPLE_DEFAULTS, type PyradiomicsResampleSettings } from "../image/pyradiomics-resample.js";
import { applyForce2D } from "./pyradiomics-force2d.js";

/** pyradiomics 3.0.1 feature names per class; `true` marks the deprecated ones (enabled only by name). */
export const PYRADIOMICS_FEATURE_CLASSES: Readonly<Record<string, Readonly<Record<string, boolean>>>> = {
  firstorder: Object.fromEntries([
    "10Percentile", "90Percentile", "Energy", "Entropy", "InterquartileRange", "Kurtosis", "Maximum", "Mean", "MeanAbsoluteDeviation",
    "Median", "Minimum", "Range", "RobustMeanAbsoluteDeviation", "RootMeanSquared", "Skewness", "TotalEnergy", "Uniformity", "Variance",
  ].map((n) => [n, false]).concat([["StandardDeviation", true]])),
  glcm: Object.fromEntries([
    "Autocorrelation", "ClusterProminence", "ClusterShade", "ClusterTendency", "Contrast", "Correlation", "DifferenceAverage",
    "DifferenceEntropy", "DifferenceVariance", "Id", "Idm", "Idmn", "Idn", "Imc1", "Imc2", "InverseVariance", "JointAverage",
    "JointEnergy", "JointEntropy", "MCC", "MaximumProbability", "SumAverage", "SumEntropy", "SumSquares",
  ].map((n) => [n, false]).concat(["Dissimilarity", "Homogeneity1", "Homogeneity2", "SumVariance"].map((n) => [n, true]))),
  gldm: Object.fromEntries([
    "DependenceEntropy", "DependenceNonUniformity", "DependenceNonUniformityNormalized", "DependenceVariance", "GrayLevelNonUniformity",
    "GrayLevelVariance", "HighGrayLevelEmphasis", "LargeDependenceEmphasis", "LargeDependenceHighGrayLevelEmphasis",
    "LargeDependenceLowGrayLevelEmphasis", "LowGrayLevelEmphasis", "SmallDependenceEmphasis", "SmallDependenceHighGrayLevelEmphasis",
    "SmallDependenceLowGrayLevelEmphasis",
  ].map((n) => [n, false]).concat(["DependencePercentage", "GrayLevelNonUniformityNormalized"].map((n) => [n, true]))),
  glrlm: Object.fromEntries([
    "GrayLevelNonUniformity", "GrayLevelNonUniformityNormalized", "GrayLevelVariance", "HighGrayLevelRunEmphasis", "LongRunEmphasis",
    "LongRunHighGrayLevelEmphasis", "LongRunLowGrayLevelEmphasis", "LowGrayLevelRunEmphasis", "RunEntropy", "RunLengthNonUniformity",
    "RunLengthNonUniformityNormalized", "RunPercentage", "RunVariance", "ShortRunEmphasis", "ShortRunHighGrayLevelEmphasis",
    "ShortRunLowGrayLevelEmphasis",
  ].map((n) => [n, false])),
  glszm: Object.fromEntries([
    "GrayLevelNonUniformity", "GrayLevelNonUniformityNormalized", "GrayLevelVariance", "HighGrayLevelZoneEmphasis", "LargeAreaEmphasis",
    "LargeAreaHighGrayLevelEmphasis", "LargeAreaLowGrayLevelEmphasis", "LowGrayLevelZoneEmphasis", "SizeZoneNonUniformity",
    "SizeZoneNonUniformityNormalized", "SmallAreaEmphasis", "SmallAreaHighGrayLevelEmphasis", "SmallAreaLowGrayLevelEmphasis",
    "ZoneEntropy", "ZonePercentage", "ZoneVariance",
  ].map((n) => [n, false])),
  ngtdm: Object.fromEntries(["Busyness", "Coarseness", "Complexity", "Contrast", "Strength"].map((n) => [n, false])),
  shape: Object.fromEntries([
    "Elongation", "Flatness", "LeastAxisLength", "MajorAxisLength", "Maximum2DDiameterColumn", "Maximum2DDiameterRow",
    "Maximum2DDiameterSlice", "Maximum3DDiameter", "MeshVolume", "MinorAxisLength", "Sphericity", "SurfaceArea", "SurfaceVolumeRatio", "VoxelVolume",
  ].map((n) => [n, false]).concat(["Compactness1", "Compactness2", "SphericalDisproportion"].map((n) => [n, true]))),
  shape2D: Object.fromEntries([
    "Elongation", "MajorAxisLength", "MaximumDiameter", "MeshSurface", "MinorAxisLength", "Perimeter", "PerimeterSurfaceRatio", "PixelSurface", "Sphericity",
  ].map((n) => [n, false]).concat([["SphericalDisproportion", true]])),
};

/** pyradiomics features this platform computes (the rest are refused by name). */
export const SUPPORTED_PYRADIOMICS_FEATURES: Readonly<Record<string, ReadonlySet<string>>> = {
  firstorder: new Set(Object.keys(PYRADIOMICS_FEATURE_CLASSES.firstorder!).filter((n) => n !== "StandardDeviation")),
  glcm: new Set(Object.keys(PYRADIOMICS_FEATURE_CLASSES.glcm!).filter((n) => !PYRADIOMICS_FEATURE_CLASSES.glcm![n])),
  gldm: new Set(Object.keys(PYRADIOMICS_FEATURE_CLASSES.gldm!).filter((n) => !PYRADIOMICS_FEATURE_CLASSES.gldm![n])),
  glrlm: new Set(Object.keys(PYRADIOMICS_FEATURE_CLASSES.glrlm!)),
  glszm: new Set(Object.keys(PYRADIOMICS_FEATURE_CLASSES.glszm!)),
  ngtdm: new Set(Object.keys(PYRADIOMICS_FEATURE_CLASSES.ngtdm!)),
  // Mesh features on pyradiomics' own marching cubes (pyradiomics-mesh.ts), deprecated ones on request.
  shape: new Set(Object.keys(PYRADIOMICS_FEATURE_CLASSES.shape!)),
  // shape2D with force2D (pyradiomics-shape-2d.ts), deprecated SphericalDisproportion on request.
  shape2D: new Set(Object.keys(PYRADIOMICS_FEATURE_CLASSES.shape2D!)),
};

export const PYRADIOMICS_IMAGE_TYPES = ["Exponential", "Gradient", "LBP2D", "LBP3D", "LoG", "Logarithm", "Original", "Square", "SquareRoot", "Wavelet"] as const;
const TOP_LEVEL_KEYS = ["setting", "imageType", "featureClass", "voxelSetting"] as const;
const INTERPOLATORS = ["sitkNearestNeighbor", "sitkLinear", "sitkBSpline", "sitkGaussian", "sitkLabelGaussian", "sitkHammingWindowedSinc",
  "sitkCosineWindowedSinc", "sitkWelchWindowedSinc", "sitkLanczosWindowedSinc", "sitkBlackmanWindowedSinc"] as const;

const positive = z.number().positive();
const positiveInt = z.number().int().positive();
const nonNegativeInt = z.number().int().nonnegative();
/** paramSchema.yaml's `setting` map, key by key, with its types and ranges. */
const SETTING_SCHEMA = {
  minimumROIDimensions: z.number().int().min(1).max(3), minimumROISize: positiveInt, geometryTolerance: positive, correctMask: z.boolean(),
  additionalInfo: z.boolean(), label: positiveInt, label_channel: nonNegativeInt, binWidth: positive, binCount: positiveInt,
  normalize: z.boolean(), normalizeScale: positive, removeOutliers: positive, resampledPixelSpacing: z.array(z.number().nonnegative()),
  interpolator: z.union([z.enum(INTERPOLATORS), z.number().int().min(1).max(10)]), padDistance: nonNegativeInt,
  distances: z.array(positiveInt), force2D: z.boolean(), force2Ddimension: z.number().int().min(0).max(2),
  resegmentRange: z.array(z.number()), resegmentMode: z.enum(["absolute", "relative", "sigma"]), resegmentShape: z.boolean(),
  preCrop: z.boolean(), sigma: z.array(positive), start_level: nonNegativeInt, level: positiveInt, wavelet: z.string(),
  gradientUseSpacing: z.boolean(), lbp2DRadius: positive, lbp2DSamples: positiveInt, lbp2DMethod: z.enum(["default", "ror", "uniform", "var"]),
  lbp3DLevels: positiveInt, lbp3DIcosphereRadius: positive, lbp3DIcosphereSubdivision: nonNegativeInt, voxelArrayShift: z.number().int(),
  symmetricalGLCM: z.boolean(), weightingNorm: z.enum(["euclidean", "manhattan", "infinity", "no_weighting"]), gldm_a: nonNegativeInt,
} as const;
export type PyradiomicsSettingName = keyof typeof SETTING_SCHEMA;
const SETTING_NAMES = Object.keys(SETTING_SCHEMA) as PyradiomicsSettingName[];

/** The settings this platform applies, with pyradiomics' defaults filled in. */
export interface PyradiomicsExtractionSettings {
  readonly binWidth: number;
  /** Fixed bin count instead of bin width (pyradiomics: binCount overrides binWidth). */
  readonly binCount: number | null;
  readonly voxelArrayShift: number;
  readonly label: number;
  readonly minimumROIDimensions: number;
  readonly minimumROISize: number | null;
  /** pyradiomics normalizeImage: (x − mean) / sd over the whole image, outliers clipped at ±removeOutliers, × normalizeScale. */
  readonly normalize: boolean;
  readonly normalizeScale: number;
  readonly removeOutliers: number | null;
  /** pyradiomics' additionalInfo (default true): the diagnostics_* provenance is reported. */
  readonly additionalInfo: boolean;
  /** pyradiomics force2D / force2Ddimension (numpy axis: 0 z, 1 y, 2 x); applied to shape2D only (pyradiomics-force2d.ts). */
  readonly force2D: boolean;
  readonly force2Ddimension: 0 | 1 | 2;
}

/** Image types computed here (all of pyradiomics'). */
export type PyradiomicsImageTypeName = (typeof PYRADIOMICS_IMAGE_TYPES)[number];

export interface PyradiomicsImageType {
  readonly name: PyradiomicsImageTypeName;
  /** The `setting` map merged with the image type's own (pyradiomics: args = settings; args.update(custom)). */
  readonly settings: PyradiomicsExtractionSettings;
  /** The filter's own keys from those merged settings (sigma, wavelet, start_level, level, gradientUseSpacing, lbp2D*, lbp3D*). */
  readonly filter: ImageTypeSettings;
}

/** What loadImage does before any image type, from the top-level `setting` only (as pyradiomics): normalise, then resample or pre-crop. */
export interface PyradiomicsPreprocessing extends PyradiomicsResampleSettings {
  readonly normalize: boolean;
  readonly normalizeScale: number;
  readonly removeOutliers: number | null;
}

export interface PyradiomicsProfile {
  /** Normalisation, then resampling or pre-cropping (loadImage), from the top-level `setting`. */
  readonly preprocessing: PyradiomicsPreprocessing;
  /** The general `setting` map with defaults: label, normalisation and ROI checks act on the image before any filter. */
  readonly settings: PyradiomicsExtractionSettings;
  /** Enabled image types in the params file's order, with their merged settings. */
  readonly imageTypes: readonly PyradiomicsImageType[];
  /** Enabled feature names per class, sorted. */
  readonly featureClasses: Readonly<Record<string, readonly string[]>>;
}

const DEFAULTS: PyradiomicsExtractionSettings = {
  binWidth: 25, binCount: null, voxelArrayShift: 0, label: 1, minimumROIDimensions: 2, minimumROISize: null, normalize: false, normalizeScale: 1, removeOutliers: null,
  additionalInfo: true,
  force2D: false, force2Ddimension: 0,
};

/** pyradiomics reads a settings value of None as "not set": the same here for `key:` with no value. */
function present(settings: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== null && v !== undefined));
}

function refuse(message: string, key: string): never {
  throw new BadUserInputError(message, { key });
}

/** Documented keys this platform cannot apply yet: collected, then refused together, each by name. */
type Refusals = string[];

function mapping(value: unknown, where: string): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  if (typeof value !== "object" || Array.isArray(value)) refuse(`${where} must be a mapping, got ${Array.isArray(value) ? "a list" : typeof value}`, where);
  return value as Record<string, unknown>;
}

function unknownKeys(keys: readonly string[], valid: readonly string[], where: string): void {
  const unknown = keys.filter((k) => !valid.includes(k));
  if (unknown.length) throw new BadUserInputError(`unknown ${where} key${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => `'${k}'`).join(", ")}; valid keys: ${valid.join(", ")}`, { unknown, valid });
}

/** Settings that change nothing here, or that this platform cannot apply yet (refused by name). */
function checkSupported(s: Record<string, unknown>, where: string, refusals: Refusals): void {
  const not = (key: string, why = "is not supported yet") => refusals.push(`${where} '${key}' ${why}`);
  if (s.lbp2DMethod === "ror" || s.lbp2DMethod === "var") not("lbp2DMethod", `'${s.lbp2DMethod}' is not supported yet (uniform, default)`);
  if (s.lbp3DLevels === 1) not("lbp3DLevels", "1 fails inside pyradiomics 3.0.1 (use 2 or more)");
  if (((s.lbp3DIcosphereSubdivision as number | undefined) ?? 0) > MAX_LBP3D_SUBDIVISION) not("lbp3DIcosphereSubdivision", `above ${MAX_LBP3D_SUBDIVISION} is not supported (10·4^s + 2 samples per voxel)`);
  if (s.label_channel !== undefined && s.label_channel !== 0) not("label_channel", "other than 0 is not supported (masks have one channel)");
  if (s.distances !== undefined && (s.distances as number[]).some((d) => d !== 1)) not("distances", "other than [1] is not supported yet");
  for (const key of ["resegmentRange", "resegmentMode", "resegmentShape"]) if (key in s) not(key);
  if (s.symmetricalGLCM === false) not("symmetricalGLCM", "(symmetricalGLCM: false) is not supported yet");
  if ("weightingNorm" in s) not("weightingNorm", "(weighted GLCM/GLRLM) is not supported yet");
  if (s.gldm_a !== undefined && s.gldm_a !== 0) not("gldm_a", "other than 0 is not supported yet");
}

/** Validates a `setting`-shaped map (top level or per image type) and returns the keys that were set. */
function parseSettings(value: unknown, where: string, refusals: Refusals): Record<string, unknown> {
  const raw = present(mapping(value, where));
  unknownKeys(Object.keys(raw), SETTING_NAMES, where);
  const parsed: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(raw)) {
    const result = SETTING_SCHEMA[key as PyradiomicsSettingName].safeParse(v);
    if (!result.success) refuse(`${where} '${key}': ${result.error.issues[0]?.message ?? "invalid"} (got ${JSON.stringify(v)})`, key);
    parsed[key] = result.data;
  }
  checkSupported(parsed, where, refusals);
  return parsed;
}

function extractionSettings(s: Record<string, unknown>): PyradiomicsExtractionSettings {
  return {
    binWidth: (s.binWidth as number | undefined) ?? DEFAULTS.binWidth,
    binCount: (s.binCount as number | undefined) ?? DEFAULTS.binCount,
    voxelArrayShift: (s.voxelArrayShift as number | undefined) ?? DEFAULTS.voxelArrayShift,
    label: (s.label as number | undefined) ?? DEFAULTS.label,
    minimumROIDimensions: (s.minimumROIDimensions as number | undefined) ?? DEFAULTS.minimumROIDimensions,
    minimumROISize: (s.minimumROISize as number | undefined) ?? DEFAULTS.minimumROISize,
    normalize: (s.normalize as boolean | undefined) ?? DEFAULTS.normalize,
    normalizeScale: (s.normalizeScale as number | undefined) ?? DEFAULTS.normalizeScale,
    removeOutliers: (s.removeOutliers as number | undefined) ?? DEFAULTS.removeOutliers,
    additionalInfo: (s.additionalInfo as boolean | undefined) ?? DEFAULTS.additionalInfo,
    force2D: (s.force2D as boolean | undefined) ?? DEFAULTS.force2D,
    force2Ddimension: (s.force2Ddimension as 0 | 1 | 2 | undefined) ?? DEFAULTS.force2Ddimension,
  };
}

/** The filter keys of merged settings; `sigmaTypes` from how the file wrote each sigma (for the LoG image's name). */
function filterSettings(s: Record<string, unknown>, sigmaTypes: readonly ("float" | "int")[] | undefined): ImageTypeSettings {
  const keys = ["sigma", "wavelet", "start_level", "level", "gradientUseSpacing", "lbp2DRadius", "lbp2DSamples", "lbp2DMethod",
    "lbp3DLevels", "lbp3DIcosphereRadius", "lbp3DIcosphereSubdivision", "force2D", "force2Ddimension"] as const;
  const out: Record<string, unknown> = Object.fromEntries(keys.filter((k) => s[k] !== undefined).map((k) => [k, s[k]]));
  if (s.sigma !== undefined && sigmaTypes) out.sigmaTypes = sigmaTypes;
  return out as ImageTypeSettings;
}

/** YAML 1.2 core / JSON integer literal: Python reads it as int (str(1) = '1'), anything else as float ('1.0'). */
const INT_LITERAL = /^[-+]?(0|[1-9][0-9]*|0x[0-9a-fA-F]+|0o[0-7]+)$/;

/** How each sigma at `path` was written, if it is a list of scalars. */
function sigmaTypesAt(doc: Document, path: readonly string[]): ("float" | "int")[] | undefined {
  const node = doc.getIn(path, true);
  if (!isSeq(node)) return undefined;
  return node.items.map((item) => (INT_LITERAL.test(String((item as { source?: string }).source ?? "")) ? "int" : "float"));
}

/** SimpleITK 2.5.7's interpolator numbers (pyradiomics' schema allows 1–10; 3 is none in SimpleITK 2.x). */
const INTERPOLATOR_NUMBERS: Readonly<Record<number, string>> = {
  1: "sitkNearestNeighbor", 2: "sitkLinear", 4: "sitkGaussian", 5: "sitkLabelGaussian", 6: "sitkHammingWindowedSinc",
  7: "sitkCosineWindowedSinc", 8: "sitkWelchWindowedSinc", 9: "sitkLanczosWindowedSinc", 10: "sitkBlackmanWindowedSinc",
};
const APPLIED_INTERPOLATORS: readonly ItkInterpolator[] = ["sitkNearestNeighbor", "sitkLinear", "sitkBSpline"];

/**
 * loadImage's settings, from the top-level `setting` (pyradiomics ignores these keys inside an image type).
 * `interpolator:` with no value is None in pyradiomics and switches resampling off; the interpolator
 * only matters when resampledPixelSpacing is set.
 */
/** The label and normalisation keys loadImage reads, with the same defaults as the extraction settings. */
function pickNormalisation({ label, normalize, normalizeScale, removeOutliers }: PyradiomicsExtractionSettings) {
  return { label, normalize, normalizeScale, removeOutliers };
}

function parsePreprocessing(rawTop: Record<string, unknown>, top: Record<string, unknown>, refusals: Refusals): PyradiomicsPreprocessing {
  const spacing = (top.resampledPixelSpacing as number[] | undefined) ?? null;
  let interpolator: ItkInterpolator | null = PYRADIOMICS_RESAMPLE_DEFAULTS.interpolator;
  if ("interpolator" in rawTop && rawTop.interpolator === null) interpolator = null;
  else if (top.interpolator !== undefined) {
    const value = top.interpolator as string | number;
    const name = typeof value === "number" ? INTERPOLATOR_NUMBERS[value] : value;
    if (APPLIED_INTERPOLATORS.includes(name as ItkInterpolator)) interpolator = name as ItkInterpolator;
    else if (spacing !== null && name === undefined) refusals.push(`setting 'interpolator' ${value} is not an interpolator of SimpleITK 2.5.7 (3 was sitkBSpline in SimpleITK 1.x; use 'sitkBSpline')`);
    else if (spacing !== null) refusals.push(`setting 'interpolator' ${name} is not supported (resampling here applies ${APPLIED_INTERPOLATORS.join(", ")})`);
  }
  if (spacing !== null && spacing.length !== 3) refusals.push(`setting 'resampledPixelSpacing' needs 3 values (x, y, z), got ${spacing.length}`);
  return {
    resampledPixelSpacing: spacing, interpolator,
    padDistance: (top.padDistance as number | undefined) ?? PYRADIOMICS_RESAMPLE_DEFAULTS.padDistance,
    preCrop: (top.preCrop as boolean | undefined) ?? PYRADIOMICS_RESAMPLE_DEFAULTS.preCrop,
    ...pickNormalisation(extractionSettings(top)),
  };
}

function parseFeatureClasses(value: unknown, refusals: Refusals): Record<string, string[]> {
  const raw = mapping(value, "featureClass");
  const classes = Object.keys(PYRADIOMICS_FEATURE_CLASSES);
  // pyradiomics: no featureClass section (or an empty one) enables every class with its default features.
  const entries = Object.keys(raw).length ? Object.entries(raw) : classes.map((c) => [c, null] as [string, unknown]);
  unknownKeys(entries.map(([c]) => c), classes, "featureClass");
  const out: Record<string, string[]> = {};
  for (const [cls, list] of entries) {
    const names = PYRADIOMICS_FEATURE_CLASSES[cls]!;
    if (list !== null && list !== undefined && !Array.isArray(list)) refuse(`featureClass '${cls}' must be a list of feature names or empty`, cls);
    const requested = (list as unknown[] | null)?.length ? (list as unknown[]).map(String) : Object.keys(names).filter((n) => !names[n]);
    const unknown = requested.filter((n) => !(n in names));
    if (unknown.length) throw new BadUserInputError(`featureClass '${cls}' has unknown features ${unknown.join(", ")}; valid: ${Object.keys(names).join(", ")}`, { unknown, valid: Object.keys(names) });
    const unsupported = requested.filter((n) => !SUPPORTED_PYRADIOMICS_FEATURES[cls]!.has(n));
    if (unsupported.length) refusals.push(`featureClass '${cls}' features ${unsupported.join(", ")} are not supported yet (list the ${cls} features you want without them)`);
    out[cls] = [...new Set(requested)].sort();
  }
  return out;
}

function parseImageTypes(value: unknown, top: Record<string, unknown>, doc: Document, refusals: Refusals): PyradiomicsImageType[] {
  const raw = mapping(value, "imageType");
  const entries = Object.keys(raw).length ? Object.entries(raw) : [["Original", {}] as [string, unknown]];
  unknownKeys(entries.map(([t]) => t), PYRADIOMICS_IMAGE_TYPES, "imageType");
  const types: PyradiomicsImageType[] = [];
  for (const [name, own] of entries) {
    const ownSettings = parseSettings(own, `imageType ${name} setting`, refusals);
    const merged = { ...top, ...ownSettings };
    if (name === "LoG" && !(merged.sigma as number[] | undefined)?.length) refusals.push("imageType LoG needs a non-empty 'sigma' list (mm); pyradiomics would yield no LoG image");
    const sigmaTypes = "sigma" in ownSettings ? sigmaTypesAt(doc, ["imageType", name, "sigma"]) : sigmaTypesAt(doc, ["setting", "sigma"]);
    types.push({ name: name as PyradiomicsImageTypeName, settings: extractionSettings(merged), filter: filterSettings(merged, sigmaTypes) });
  }
  return types;
}

/** Parses the text of a pyradiomics params file (YAML 1.2 or JSON, as pyradiomics 3.0.1 reads it through pykwalify/ruamel.yaml). */
export function parsePyradiomicsParams(text: string): PyradiomicsProfile {
  // Like ruamel.yaml, a duplicate key is an error (an older Params.yaml in pyradiomics' examples lists `shape:` twice).
  const doc = parseDocument(text);
  const failure = doc.errors[0];
  if (failure) throw new BadUserInputError(`the pyradiomics params file is neither valid YAML nor JSON: ${failure.message.split("\n")[0]}`);
  const document: unknown = doc.toJS();
  const top = mapping(document, "params file");
  unknownKeys(Object.keys(top), TOP_LEVEL_KEYS, "params file top-level");
  const refusals: Refusals = [];
  if (Object.keys(present(mapping(top.voxelSetting, "voxelSetting"))).length) refusals.push("voxelSetting (voxel-based feature maps) is not supported yet");
  const settings = parseSettings(top.setting, "setting", refusals);
  const profile = { settings: extractionSettings(settings), preprocessing: parsePreprocessing(mapping(top.setting, "setting"), settings, refusals), imageTypes: parseImageTypes(top.imageType, settings, doc, refusals), featureClasses: parseFeatureClasses(top.featureClass, refusals) };
  applyForce2D(profile.featureClasses, profile.imageTypes.some((t) => t.settings.force2D), Object.keys(mapping(top.featureClass, "featureClass")).length > 0, refusals);
  if (refusals.length) throw new BadUserInputError(`pyradiomics params not supported here: ${refusals.join("; ")}`, { unsupported: refusals });
  return profile;
}

/** JSON with object keys sorted, so equal profiles always give equal text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The profile's canonical text (defaults filled, keys sorted) and its sha256 (16 hex): same params → same hash. */
export function canonicalPyradiomicsProfile(profile: PyradiomicsProfile): { canonical: string; hash: string } {
  const canonical = stableJson({ pyradiomicsProfileVersion: 1, pyradiomics: "3.0.1", ...profile });
  return { canonical, hash: createHash("sha256").update(canonical).digest("hex").slice(0, 16) };
}
