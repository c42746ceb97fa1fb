// Feature settings, named as IBSI names them. Validated once at the entry point, then read by families.
import { BadUserInputError } from "../errors.js";
import type { DiscretisationSettings } from "../image/discretisation.js";
import type { InterpolationSettings } from "../image/interpolation.js";
import type { ResegmentationSettings } from "../image/resegmentation.js";
import type { IbsiFilter } from "../filters/ibsi-filter-spec.js";
import { filterProvenance } from "./ibsi-filter-settings.js";
import { canonicalPyradiomicsProfile, type PyradiomicsProfile } from "./pyradiomics-params.js";
import type { Aggregation } from "./types.js";

/** Discretisation of the intensity-volume histogram (IBSI: finer than for texture). */
export type IvhDiscretisationSettings =
  /** Integer intensities used as they are, every integer between min and max a level (CT in HU, the phantom). */
  | { readonly method: "none" }
  /** Bins of width w anchored at the re-segmentation lower bound (or minimum); levels are bin centres. */
  | { readonly method: "fixedBinSize"; readonly binWidth: number }
  /** Ng bins; levels are the bin numbers 1..Ng. */
  | { readonly method: "fixedBinNumber"; readonly binCount: number };

export interface FeatureSettings {
  /** Optional IBSI interpolation applied to image and mask before anything else. */
  readonly interpolation?: InterpolationSettings;
  /** Optional IBSI re-segmentation of the intensity mask. */
  readonly resegmentation?: ResegmentationSettings;
  /** Discretisation for the intensity histogram and texture families. */
  readonly discretisation: DiscretisationSettings;
  /** Discretisation for the intensity-volume histogram; default "none" for integer images, else 1000 bins. */
  readonly ivhDiscretisation?: IvhDiscretisationSettings;
  /** GLCM Chebyshev distance δ (default 1). */
  readonly glcmDistance?: number;
  /** NGTDM Chebyshev neighbourhood distance (default 1). */
  readonly ngtdmDistance?: number;
  /**
   * NGTDM voxels without any ROI neighbour: IBSI leaves them out of n_i and N_vc ("exclude", the default);
   * pyradiomics' calculate_ngtdm counts them with a difference of 0 ("count").
   */
  readonly ngtdmIsolatedVoxels?: "exclude" | "count";
  /** NGLDM Chebyshev neighbourhood distance (default 1). */
  readonly ngldmDistance?: number;
  /** NGLDM coarseness α: neighbours with |X_j - X_i| <= α are dependent (default 0). */
  readonly ngldmCoarseness?: number;
  /** Sphere volume (mm³) for local intensity peaks (IBSI: 1 cm³ = 1000 mm³). */
  readonly localIntensitySphereVolume?: number;
  /**
   * Moran's I and Geary's C weigh every pair of ROI voxels; larger ROIs use an exact FFT convolution on a
   * zero-padded grid. Above this many grid points (memory: 32 bytes each) they are reported undefined
   * rather than approximated (default 2^23 ≈ 8.4 million points, i.e. ROI bounding boxes up to about 100 voxels per axis).
   */
  readonly spatialAutocorrelationMaxGridPoints?: number;
  /** Texture aggregations to compute (default: all that apply to each family). */
  readonly aggregations?: readonly Aggregation[];
  /** IBSI (default) or PYRADIOMICS: pyradiomics names, values and selection, from `pyradiomics`. */
  readonly profile?: "IBSI" | "PYRADIOMICS";
  /** The parsed pyradiomics params file (profile PYRADIOMICS; see pyradiomics-params.ts). */
  readonly pyradiomics?: PyradiomicsProfile;
  /** IBSI profile: an IBSI-2 filter; the features are then the intensity statistics of its response map (ibsi-filtered-features.ts). */
  readonly filter?: IbsiFilter;
}

export interface ResolvedSettings extends Required<Omit<FeatureSettings, "interpolation" | "resegmentation" | "ivhDiscretisation" | "aggregations" | "profile" | "pyradiomics" | "ngtdmIsolatedVoxels" | "filter">> {
  /** "count" or undefined (IBSI's exclusion; undefined keeps the settings key of IBSI settings unchanged). */
  readonly ngtdmIsolatedVoxels: "count" | undefined;
  readonly interpolation: InterpolationSettings | undefined;
  readonly resegmentation: ResegmentationSettings;
  readonly ivhDiscretisation: IvhDiscretisationSettings | undefined;
  readonly aggregations: ReadonlySet<Aggregation>;
}

const ALL_AGGREGATIONS: readonly Aggregation[] = [
  "2D, averaged", "2D, slice-merged", "2.5D, direction-merged", "2.5D, merged", "3D, averaged", "3D, merged", "2D", "2.5D", "3D",
];

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < 1) throw new BadUserInputError(`${name} must be a positive integer, got ${v}`, { [name]: v });
  return v;
}

function isolatedVoxels(value: FeatureSettings["ngtdmIsolatedVoxels"]): "count" | undefined {
  if (value !== undefined && value !== "exclude" && value !== "count") throw new BadUserInputError(`ngtdmIsolatedVoxels must be exclude or count, got ${String(value)}`, { ngtdmIsolatedVoxels: value });
  return value === "count" ? "count" : undefined;
}

/** Fills defaults and rejects settings no IBSI procedure can use. */
export function resolveSettings(settings: FeatureSettings): ResolvedSettings {
  if (!settings || !settings.discretisation) throw new BadUserInputError("settings.discretisation is required (fixedBinSize, fixedBinNumber or none)");
  const coarseness = settings.ngldmCoarseness ?? 0;
  if (!(coarseness >= 0)) throw new BadUserInputError(`ngldmCoarseness must be >= 0, got ${coarseness}`);
  const sphere = settings.localIntensitySphereVolume ?? 1000;
  if (!(sphere > 0)) throw new BadUserInputError(`localIntensitySphereVolume must be > 0, got ${sphere}`);
  return {
    interpolation: settings.interpolation,
    resegmentation: settings.resegmentation ?? {},
    discretisation: settings.discretisation,
    ivhDiscretisation: settings.ivhDiscretisation,
    glcmDistance: positiveInteger("glcmDistance", settings.glcmDistance, 1),
    ngtdmDistance: positiveInteger("ngtdmDistance", settings.ngtdmDistance, 1),
    ngtdmIsolatedVoxels: isolatedVoxels(settings.ngtdmIsolatedVoxels),
    ngldmDistance: positiveInteger("ngldmDistance", settings.ngldmDistance, 1),
    ngldmCoarseness: coarseness,
    localIntensitySphereVolume: sphere,
    spatialAutocorrelationMaxGridPoints: positiveInteger("spatialAutocorrelationMaxGridPoints", settings.spatialAutocorrelationMaxGridPoints, 2 ** 23),
    aggregations: new Set(settings.aggregations ?? ALL_AGGREGATIONS),
  };
}


/** JSON with object keys sorted, so equal values always give equal text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value instanceof Set) return stableJson([...value].sort());
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * The settings with every default filled in, as canonical JSON: two requests that compute the same
 * features give the same text, so callers can hash it into a settings key for provenance and caching.
 */
export function canonicalSettings(settings: FeatureSettings): string {
  return stableJson({ ibsiFeatureSettingsVersion: 1, ...resolveSettings(settings), ...pyradiomicsProvenance(settings), ...filterProvenance(settings) });
}

/** PYRADIOMICS settings add the profile, the params file's canonical form and its hash (IBSI settings add nothing, so their hashes stay). */
function pyradiomicsProvenance(settings: FeatureSettings): Record<string, unknown> {
  if (settings.profile !== "PYRADIOMICS" || !settings.pyradiomics) return settings.profile === "PYRADIOMICS" ? { profile: "PYRADIOMICS" } : {};
  const { canonical, hash } = canonicalPyradiomicsProfile(settings.pyradiomics);
  return { profile: "PYRADIOMICS", pyradiomicsParams: JSON.parse(canonical), pyradiomicsParamsHash: hash };
}
