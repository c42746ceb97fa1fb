// IBSI morphological features (family HCUG). Mesh features use a marching-cubes mesh of the
// morphological mask; PCA, voxel volume and bounding shapes use the morphological mask too; integrated
// intensity, Moran's I, Geary's C and the intensity-weighted centre of mass use the intensity mask.
import { convexHull, hullCandidates, maximumDistance, type ConvexHull } from "./convex-hull.js";
import { ellipsoidSurfaceArea, minimumVolumeEnclosingEllipsoid, type Ellipsoid } from "./ellipsoid.js";
import { meshMeasures, meshVertices } from "./marching-cubes.js";
import { covariance, symmetricEigen, type Eigen3 } from "./principal-axes.js";
import type { RoiGrid } from "./roi.js";
import { spatialAutocorrelation } from "./spatial-autocorrelation.js";
import { allUndefined, evaluateFormulas, ratio, toResult, undefinedBecause, valueOf, type FeatureFormula, type FeatureOutcome, type FeatureResult } from "./types.js";

export interface MorphologyTerms {
  readonly volume: number;          // mesh volume V (mm³)
  readonly area: number;            // mesh area A (mm²)
  readonly voxelVolume: number;     // N_v · voxel volume
  readonly centreOfMassShift: FeatureOutcome;
  readonly eigen: Eigen3;           // of the morphological voxel-centre covariance
  readonly hull: ConvexHull | undefined;
  readonly maximumDiameter: number;
  readonly aabb: { readonly volume: number; readonly area: number };
  /** Bounding box of the hull in the principal-axes frame (an OMBB approximation). */
  readonly pcaBox: { readonly volume: number; readonly area: number } | undefined;
  readonly mvee: Ellipsoid | undefined;
  readonly meanIntensity: number;
  readonly moransI: FeatureOutcome;
  readonly gearysC: FeatureOutcome;
}

const sphereRatio = (t: MorphologyTerms) => Math.cbrt(36 * Math.PI * t.volume * t.volume);
const NO_VOLUME = "the mesh encloses no volume";
const axis = (t: MorphologyTerms, n: 0 | 1 | 2) => Math.sqrt(Math.max(0, t.eigen.values[n]));

function aeeSemiAxes(t: MorphologyTerms): [number, number, number] {
  return [2 * axis(t, 0), 2 * axis(t, 1), 2 * axis(t, 2)];
}

type F = FeatureFormula<MorphologyTerms>;
const f = (key: string, name: string, ibsiCode: string, unit: string, description: string, compute: F["compute"]): F =>
  ({ key: `morph_${key}`, name, family: "morphology", ibsiCode, unit, description, compute });

export const MORPHOLOGY_FORMULAS: readonly F[] = [
  // RNU0: V = |Σ_faces a·(b×c)| / 6
  f("volume", "Volume (mesh)", "RNU0", "mm³", "|Σ a·(b×c)| / 6 over mesh faces", (t) => valueOf(t.volume)),
  // YEKZ: N_v · V_voxel
  f("approximate_volume", "Volume (voxel counting)", "YEKZ", "mm³", "N_v · voxel volume", (t) => valueOf(t.voxelVolume)),
  // C0JK: A = Σ_faces |ab × bc| / 2
  f("area", "Surface area (mesh)", "C0JK", "mm²", "Σ |ab × bc| / 2 over mesh faces", (t) => valueOf(t.area)),
  // 2PR5: A / V
  f("surface_to_volume_ratio", "Surface to volume ratio", "2PR5", "mm⁻¹", "A / V", (t) => ratio(t.area, t.volume, NO_VOLUME)),
  // SKGS: V / (π^(1/2) A^(3/2))
  f("compactness_1", "Compactness 1", "SKGS", "", "V / (π^½ A^(3/2))", (t) => ratio(t.volume, Math.sqrt(Math.PI) * t.area ** 1.5, "the mesh has no area")),
  // BQWJ: 36π V² / A³
  f("compactness_2", "Compactness 2", "BQWJ", "", "36π V² / A³", (t) => ratio(36 * Math.PI * t.volume ** 2, t.area ** 3, "the mesh has no area")),
  // KRCK: A / (36π V²)^(1/3)
  f("spherical_disproportion", "Spherical disproportion", "KRCK", "", "A / (36π V²)^(1/3)", (t) => ratio(t.area, sphereRatio(t), NO_VOLUME)),
  // QCFX: (36π V²)^(1/3) / A
  f("sphericity", "Sphericity", "QCFX", "", "(36π V²)^(1/3) / A", (t) => ratio(sphereRatio(t), t.area, "the mesh has no area")),
  // 25C7: (A³ / (36π V²))^(1/3) - 1
  f("asphericity", "Asphericity", "25C7", "", "(A³ / (36π V²))^(1/3) - 1", (t) => (t.volume === 0 ? undefinedBecause(NO_VOLUME) : valueOf(Math.cbrt(t.area ** 3 / (36 * Math.PI * t.volume ** 2)) - 1))),
  // KLMA: || CoM(morphological voxels) - CoM(intensity-weighted intensity voxels) ||
  f("centre_of_mass_shift", "Centre of mass shift", "KLMA", "mm", "||CoM_geom - CoM_intensity||", (t) => t.centreOfMassShift),
  // L0JK: max ||v_i - v_j|| over mesh vertices
  f("maximum_3d_diameter", "Maximum 3D diameter", "L0JK", "mm", "max distance between mesh vertices", (t) => valueOf(t.maximumDiameter)),
  // TDIC: 4 sqrt(λ_major)
  f("major_axis_length", "Major axis length", "TDIC", "mm", "4 sqrt(λ_major)", (t) => valueOf(4 * axis(t, 0))),
  // P9VJ: 4 sqrt(λ_minor)
  f("minor_axis_length", "Minor axis length", "P9VJ", "mm", "4 sqrt(λ_minor)", (t) => valueOf(4 * axis(t, 1))),
  // 7J51: 4 sqrt(λ_least)
  f("least_axis_length", "Least axis length", "7J51", "mm", "4 sqrt(λ_least)", (t) => valueOf(4 * axis(t, 2))),
  // Q3CK: sqrt(λ_minor / λ_major)
  f("elongation", "Elongation", "Q3CK", "", "sqrt(λ_minor / λ_major)", (t) => ratio(axis(t, 1), axis(t, 0), "the ROI has no extent (λ_major = 0)")),
  // N17B: sqrt(λ_least / λ_major)
  f("flatness", "Flatness", "N17B", "", "sqrt(λ_least / λ_major)", (t) => ratio(axis(t, 2), axis(t, 0), "the ROI has no extent (λ_major = 0)")),
  // PBX1: V / V_AABB
  f("volume_density_aabb", "Volume density (axis-aligned bounding box)", "PBX1", "", "V / V_aabb", (t) => ratio(t.volume, t.aabb.volume, "the bounding box has no volume")),
  // R59B: A / A_AABB
  f("area_density_aabb", "Area density (axis-aligned bounding box)", "R59B", "", "A / A_aabb", (t) => ratio(t.area, t.aabb.area, "the bounding box has no area")),
  // ZH1A: V / V_OMBB (OMBB approximated by the hull's bounding box in the principal-axes frame)
  f("volume_density_ombb", "Volume density (oriented minimum bounding box)", "ZH1A", "", "V / V_ombb (principal-axes box approximation)", (t) => (t.pcaBox ? ratio(t.volume, t.pcaBox.volume, "the bounding box has no volume") : undefinedBecause("the ROI is flat, no convex hull"))),
  // IQYR: A / A_OMBB (same approximation)
  f("area_density_ombb", "Area density (oriented minimum bounding box)", "IQYR", "", "A / A_ombb (principal-axes box approximation)", (t) => (t.pcaBox ? ratio(t.area, t.pcaBox.area, "the bounding box has no area") : undefinedBecause("the ROI is flat, no convex hull"))),
  // 6BDE: V / (4π/3 · a b c), a = 2 sqrt(λ_major) …
  f("volume_density_aee", "Volume density (approximate enclosing ellipsoid)", "6BDE", "", "V / (4π a b c / 3), a,b,c = 2 sqrt(λ)", (t) => {
    const [a, b, c] = aeeSemiAxes(t);
    return ratio(t.volume, (4 * Math.PI * a * b * c) / 3, "the enclosing ellipsoid has no volume (flat ROI)");
  }),
  // RDD2: A / A_AEE, A_AEE by the Legendre series
  f("area_density_aee", "Area density (approximate enclosing ellipsoid)", "RDD2", "", "A / A_aee (Legendre series)", (t) => {
    const [a, b, c] = aeeSemiAxes(t);
    return a === 0 ? undefinedBecause("the enclosing ellipsoid is degenerate") : ratio(t.area, ellipsoidSurfaceArea(a, b, c), "the enclosing ellipsoid has no area");
  }),
  // SWZ1: V / V_MVEE (Khachiyan on convex-hull vertices, IBSI tolerance 0.001)
  f("volume_density_mvee", "Volume density (minimum volume enclosing ellipsoid)", "SWZ1", "", "V / V_mvee", (t) => {
    if (!t.mvee) return undefinedBecause("the ROI is flat, no enclosing ellipsoid");
    const [a, b, c] = t.mvee.semiAxes;
    return ratio(t.volume, (4 * Math.PI * a * b * c) / 3, "the enclosing ellipsoid has no volume");
  }),
  // BRI8: A / A_MVEE
  f("area_density_mvee", "Area density (minimum volume enclosing ellipsoid)", "BRI8", "", "A / A_mvee (Legendre series)", (t) => {
    if (!t.mvee) return undefinedBecause("the ROI is flat, no enclosing ellipsoid");
    const [a, b, c] = t.mvee.semiAxes;
    return ratio(t.area, ellipsoidSurfaceArea(a, b, c), "the enclosing ellipsoid has no area");
  }),
  // R3ER: V / V_convex
  f("volume_density_convex_hull", "Volume density (convex hull)", "R3ER", "", "V / V_convex", (t) => (t.hull ? ratio(t.volume, t.hull.volume, "the convex hull has no volume") : undefinedBecause("the ROI is flat, no convex hull"))),
  // 7T7F: A / A_convex
  f("area_density_convex_hull", "Area density (convex hull)", "7T7F", "", "A / A_convex", (t) => (t.hull ? ratio(t.area, t.hull.area, "the convex hull has no area") : undefinedBecause("the ROI is flat, no convex hull"))),
  // 99N0: V · μ (mean intensity over the intensity mask)
  f("integrated_intensity", "Integrated intensity", "99N0", "mm³·intensity", "V · mean intensity", (t) => (Number.isNaN(t.meanIntensity) ? undefinedBecause("the intensity mask is empty") : valueOf(t.volume * t.meanIntensity))),
  // N365: I = N_v Σ_{k≠k'} w (X_k - μ)(X_k' - μ) / (Σ_{k≠k'} w · Σ_k (X_k - μ)²), w = 1 / ||x_k - x_k'||
  f("moran_i", "Moran's I index", "N365", "", "N Σ w (X_k-μ)(X_k'-μ) / (Σ w Σ (X_k-μ)²), w = 1/distance", (t) => t.moransI),
  // NPT7: C = (N_v - 1) Σ_{k≠k'} w (X_k - X_k')² / (2 Σ_{k≠k'} w · Σ_k (X_k - μ)²)
  f("geary_c", "Geary's C measure", "NPT7", "", "(N-1) Σ w (X_k - X_k')² / (2 Σ w Σ (X_k-μ)²), w = 1/distance", (t) => t.gearysC),
];

/** Physical coordinates (mm, grid-local) of the voxels set in a mask, flat xyz. */
export function voxelCentres(mask: Uint8Array, size: readonly number[], spacing: readonly number[], count: number): Float64Array {
  const [nx, ny] = size as [number, number];
  const out = new Float64Array(3 * count);
  let o = 0;
  for (let v = 0; v < mask.length; v++) {
    if (mask[v] === 0) continue;
    out[o++] = (v % nx) * spacing[0]!;
    out[o++] = (Math.floor(v / nx) % ny) * spacing[1]!;
    out[o++] = Math.floor(v / (nx * ny)) * spacing[2]!;
  }
  return out;
}

/** Bounding box (volume, area) of points in the frame of the given unit axes (rows of `axes`). */
function boxInFrame(points: Float64Array, axes: Float64Array): { volume: number; area: number } {
  const lo = [Infinity, Infinity, Infinity], hi = [-Infinity, -Infinity, -Infinity];
  for (let p = 0; p < points.length; p += 3) for (let a = 0; a < 3; a++) {
    const s = points[p]! * axes[3 * a]! + points[p + 1]! * axes[3 * a + 1]! + points[p + 2]! * axes[3 * a + 2]!;
    if (s < lo[a]!) lo[a] = s; if (s > hi[a]!) hi[a] = s;
  }
  const [x, y, z] = [hi[0]! - lo[0]!, hi[1]! - lo[1]!, hi[2]! - lo[2]!];
  return { volume: x * y * z, area: 2 * (x * y + y * z + x * z) };
}

export function morphologyTerms(roi: RoiGrid, spatialAutocorrelationMaxGridPoints: number): MorphologyTerms {
  const { size, spacing } = roi;
  const mesh = meshMeasures(roi.morphologicalMask, size, spacing);
  const vertices = meshVertices(roi.morphologicalMask, size, spacing);
  const aabb = boxInFrame(vertices, Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1));
  const hull = convexHull(hullCandidates(vertices));
  const morphPoints = voxelCentres(roi.morphologicalMask, size, spacing, roi.morphologicalVoxelCount);
  const { mean: geometricCentre, matrix } = covariance(morphPoints);
  const eigen = symmetricEigen(matrix);
  const intensityPoints = voxelCentres(roi.intensityMask, size, spacing, roi.intensityVoxelCount);
  const values = new Float64Array(roi.intensityVoxelCount);
  let o = 0;
  for (let v = 0; v < roi.intensityMask.length; v++) if (roi.intensityMask[v] !== 0) values[o++] = roi.intensities[v]!;
  let sum = 0;
  const weighted = [0, 0, 0];
  for (let p = 0; p < values.length; p++) {
    sum += values[p]!;
    for (let a = 0; a < 3; a++) weighted[a]! += values[p]! * intensityPoints[3 * p + a]!;
  }
  const centreOfMassShift = values.length === 0
    ? undefinedBecause("the intensity mask is empty")
    : sum === 0
      ? undefinedBecause("the ROI intensities sum to zero, so the intensity-weighted centre is undefined")
      : valueOf(Math.hypot(weighted[0]! / sum - geometricCentre[0], weighted[1]! / sum - geometricCentre[1], weighted[2]! / sum - geometricCentre[2]));
  const { moransI, gearysC } = spatialAutocorrelation(roi, spatialAutocorrelationMaxGridPoints);
  return {
    volume: mesh.volume,
    area: mesh.area,
    voxelVolume: roi.morphologicalVoxelCount * spacing[0] * spacing[1] * spacing[2],
    centreOfMassShift,
    eigen,
    hull,
    maximumDiameter: maximumDistance(hull ? hull.vertices : vertices),
    aabb,
    pcaBox: hull ? boxInFrame(hull.vertices, eigen.vectors) : undefined,
    mvee: hull ? minimumVolumeEnclosingEllipsoid(hull.vertices, 1e-3, 10_000) : undefined,
    meanIntensity: values.length === 0 ? NaN : sum / values.length,
    moransI,
    gearysC,
  };
}

export function computeMorphology(roi: RoiGrid | undefined, spatialAutocorrelationMaxGridPoints: number): FeatureResult[] {
  const outcomes = !roi || roi.morphologicalVoxelCount === 0
    ? allUndefined(MORPHOLOGY_FORMULAS, "the morphological mask is empty")
    : evaluateFormulas(MORPHOLOGY_FORMULAS, morphologyTerms(roi, spatialAutocorrelationMaxGridPoints));
  return MORPHOLOGY_FORMULAS.map((d, n) => toResult(d, outcomes[n]!));
}
