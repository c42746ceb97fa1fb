// What a feature computation will allocate, estimated from the image geometry, the ROI bounding box and
// the settings before any resampling or matrix is allocated, and the caps that refuse a request whose
// estimate is too large (one upsampled query must not take the server down). Pure: caps come in as values.
import { BadUserInputError } from "../errors.js";
import { maskedRange } from "../image/discretisation.js";
import type { Geometry, Mask, Vec3, Volume } from "../image/volume.js";
import { interpolationRegion } from "./compute-features.js";
import { resolveSettings, type FeatureSettings } from "./settings.js";

export interface ResourceCaps {
  /** Voxels of the (interpolated) grid the features are computed on. */
  readonly maxInterpolatedVoxels: number;
  /** Cells of the largest texture matrix (grey levels x grey levels, or grey levels x run/zone lengths). */
  readonly maxTextureMatrixCells: number;
  /** Estimated peak memory of one computation, MB. */
  readonly maxFeatureMemoryMb: number;
  /** Distinct feature settings one request may ask for. */
  readonly maxSettingsPerRequest: number;
}

export const DEFAULT_RESOURCE_CAPS: ResourceCaps = {
  maxInterpolatedVoxels: 16_000_000,
  maxTextureMatrixCells: 4_000_000,
  maxFeatureMemoryMb: 1024,
  maxSettingsPerRequest: 8,
};

/** Environment variable per cap, so the error can say how to raise it. */
export const RESOURCE_CAP_ENV: Record<keyof ResourceCaps, string> = {
  maxInterpolatedVoxels: "RG_MAX_INTERPOLATED_VOXELS",
  maxTextureMatrixCells: "RG_MAX_TEXTURE_MATRIX_CELLS",
  maxFeatureMemoryMb: "RG_MAX_FEATURE_MEMORY_MB",
  maxSettingsPerRequest: "RG_MAX_FEATURE_SETTINGS_PER_REQUEST",
};

/** Caps from the environment; unset or unparsable values keep the default. */
export function resourceCapsFromEnv(env: Record<string, string | undefined>): ResourceCaps {
  const caps: Record<string, number> = { ...DEFAULT_RESOURCE_CAPS };
  for (const [name, variable] of Object.entries(RESOURCE_CAP_ENV)) {
    const value = Number(env[variable]);
    if (env[variable] !== undefined && Number.isFinite(value) && value > 0) caps[name] = value;
  }
  return caps as unknown as ResourceCaps;
}

export interface IndexRange { readonly lower: Vec3; readonly upper: Vec3 }

export interface ResourceEstimate {
  readonly interpolatedVoxels: number;
  readonly greyLevels: number;
  readonly textureMatrixCells: number;
  readonly memoryMb: number;
}

/** Bytes per grid voxel over the pipeline: image f32, mask u8, two ROI masks u8, grey levels i32, working copies (f64). */
const BYTES_PER_VOXEL = 4 + 1 + 2 + 4 + 8 + 8;
/** GLCM keeps one Ng x Ng matrix per direction (13 in 3D) as f64. */
const GLCM_DIRECTIONS = 13;

/** Grid size along one axis after interpolation to `spacing` (IBSI centred grid: ceil(n s_a / s_b)). */
function axisVoxels(extent: number, original: number, spacing: number | null | undefined): number {
  const target = spacing ?? original;
  return Math.max(1, Math.ceil((extent * original) / target - 1e-9));
}

/** Grey levels the discretisation will produce, given the ROI intensity range when it is known. */
function greyLevelsOf(settings: FeatureSettings, range: { min: number; max: number } | undefined): number {
  const d = settings.discretisation;
  if (d.method === "fixedBinNumber") return d.binCount;
  const width = range ? range.max - Math.min(range.min, d.method === "fixedBinSize" && d.lowerBound !== undefined ? d.lowerBound : range.min) : 0;
  return d.method === "fixedBinSize" ? Math.floor(width / d.binWidth) + 1 : Math.floor(width) + 1;
}

/**
 * The estimate for computing features on the ROI box (original-grid indices, already grown by the margin
 * the computation adds) of an image with this geometry. Invalid spacings are left to the computation's
 * own typed errors; the estimate treats them as "keep the original spacing".
 */
export function estimateFeatureResources(geometry: Geometry, box: IndexRange | undefined, settings: FeatureSettings, range?: { min: number; max: number }): ResourceEstimate {
  const spacing = settings.interpolation?.spacing;
  const axes = [0, 1, 2].map((d) => {
    const extent = box ? Math.min(geometry.size[d]!, box.upper[d]! - box.lower[d]! + 1) : geometry.size[d]!;
    const s = spacing?.[d];
    return axisVoxels(extent, geometry.spacing[d]!, s !== undefined && s !== null && s > 0 && Number.isFinite(s) ? s : null);
  });
  const interpolatedVoxels = axes[0]! * axes[1]! * axes[2]!;
  const greyLevels = Math.max(1, greyLevelsOf(settings, range));
  // GLCM: Ng^2 per direction; GLRLM: Ng x longest run (longest axis); GLSZM/GLDZM: Ng x largest zone (bounded by the ROI).
  const longestAxis = Math.max(...axes);
  const textureMatrixCells = Math.max(greyLevels * greyLevels, greyLevels * longestAxis);
  const memoryBytes = interpolatedVoxels * BYTES_PER_VOXEL + GLCM_DIRECTIONS * greyLevels * greyLevels * 8;
  return { interpolatedVoxels, greyLevels, textureMatrixCells, memoryMb: memoryBytes / 2 ** 20 };
}

function refuse(what: string, estimate: number, cap: keyof ResourceCaps, caps: ResourceCaps, advice: string): never {
  const limit = caps[cap];
  throw new BadUserInputError(
    `${what} would be ${Math.ceil(estimate).toLocaleString("en")}; the limit is ${limit.toLocaleString("en")}: ${advice}, or raise the limit with ${RESOURCE_CAP_ENV[cap]}`,
    { limit, estimate: Math.ceil(estimate), setting: RESOURCE_CAP_ENV[cap] },
  );
}

/** Throws a typed BAD_USER_INPUT naming the limit, the estimate and the variable that raises it. */
export function assertWithinCaps(estimate: ResourceEstimate, caps: ResourceCaps): void {
  if (estimate.interpolatedVoxels > caps.maxInterpolatedVoxels)
    refuse("the interpolated grid", estimate.interpolatedVoxels, "maxInterpolatedVoxels", caps, "use a coarser voxelSpacing");
  if (estimate.textureMatrixCells > caps.maxTextureMatrixCells)
    refuse("the largest texture matrix (cells)", estimate.textureMatrixCells, "maxTextureMatrixCells", caps, "use fewer grey levels (a larger binWidth or smaller binCount)");
  if (estimate.memoryMb > caps.maxFeatureMemoryMb)
    refuse("the estimated memory (MB)", estimate.memoryMb, "maxFeatureMemoryMb", caps, "use a coarser voxelSpacing or fewer grey levels");
}

/** Refuses a request asking for more distinct settings than the cap (each may compute and store a new set). */
export function assertSettingsCount(distinctSettings: number, caps: ResourceCaps): void {
  if (distinctSettings > caps.maxSettingsPerRequest)
    refuse("the number of distinct feature settings in this request", distinctSettings, "maxSettingsPerRequest", caps, "split the request");
}

/** Validates the settings first, so malformed ones get their own typed error rather than an estimate. */
export function checkedEstimate(geometry: Geometry, box: IndexRange | undefined, settings: FeatureSettings, caps: ResourceCaps, range?: { min: number; max: number }): ResourceEstimate {
  resolveSettings(settings);
  const estimate = estimateFeatureResources(geometry, box, settings, range);
  assertWithinCaps(estimate, caps);
  return estimate;
}

/** The check for a loaded image and mask: the ROI box the computation will resample, and its intensity range. */
export function checkFeatureResources(volume: Volume, mask: Mask, settings: FeatureSettings, caps: ResourceCaps): ResourceEstimate {
  const resolved = resolveSettings(settings);
  return checkedEstimate(volume.geometry, interpolationRegion(mask, resolved), settings, caps, maskedRange(volume.data, mask.data));
}
