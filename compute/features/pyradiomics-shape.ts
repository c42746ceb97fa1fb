// pyradiomics' shape class (radiomics/shape.py, RadiomicsShape in pyradiomics 3.0.1) computed directly —
// the fast shape path of the PYRADIOMICS profile: only what the class needs (its mesh, the voxel count,
// the mesh diameters and the voxel-coordinate PCA), not the IBSI morphology family (no Moran's I, Geary's C,
// enclosing ellipsoid, intensity mask). The mask is cropped to its bounding box and padded by one voxel,
// as pyradiomics crops and pads it, so mesh coordinates have the same origin.
import type { Mask, Vec3 } from "../image/volume.js";
import { principalAxisEigenvalues } from "./pyradiomics-principal-axes.js";
import { pyradiomicsMeshDiameters } from "./pyradiomics-diameters.js";
import { pyradiomicsMesh } from "./pyradiomics-mesh.js";
import type { PyradiomicsFeature } from "./pyradiomics.js";
import { boundingBox, cropArray } from "./roi.js";

/** pyradiomics shape feature → IBSI key and code of the same quantity (for provenance). */
const IBSI: Readonly<Record<string, readonly [key: string, code: string, unit: string]>> = {
  MeshVolume: ["morph_volume", "RNU0", "mm³"], VoxelVolume: ["morph_approximate_volume", "YEKZ", "mm³"], SurfaceArea: ["morph_area", "C0JK", "mm²"],
  SurfaceVolumeRatio: ["morph_surface_to_volume_ratio", "2PR5", "mm⁻¹"], Sphericity: ["morph_sphericity", "QCFX", ""],
  Compactness1: ["morph_compactness_1", "SKGS", ""], Compactness2: ["morph_compactness_2", "BQWJ", ""], SphericalDisproportion: ["morph_spherical_disproportion", "KRCK", ""],
  Maximum3DDiameter: ["morph_maximum_3d_diameter", "L0JK", "mm"], Maximum2DDiameterSlice: ["morph_maximum_3d_diameter", "", "mm"],
  Maximum2DDiameterColumn: ["morph_maximum_3d_diameter", "", "mm"], Maximum2DDiameterRow: ["morph_maximum_3d_diameter", "", "mm"],
  MajorAxisLength: ["morph_major_axis_length", "TDIC", "mm"], MinorAxisLength: ["morph_minor_axis_length", "P9VJ", "mm"],
  LeastAxisLength: ["morph_least_axis_length", "7J51", "mm"], Elongation: ["morph_elongation", "Q3CK", ""], Flatness: ["morph_flatness", "N17B", ""],
};

/** A pyradiomics value, or the reason it is undefined where pyradiomics returns NaN or ±inf. */
export function shapeFeature(name: string, value: number, reason: string, ibsi?: readonly [string, string, string]): PyradiomicsFeature {
  const base = { name, ibsiKey: ibsi?.[0] ?? "", ...(ibsi?.[1] ? { ibsiCode: ibsi[1] } : {}), ...(ibsi?.[2] ? { unit: ibsi[2] } : {}) };
  return Number.isFinite(value) ? { ...base, value } : { ...base, undefinedReason: reason };
}

/** The mask (voxels ≠ 0) cropped to its bounding box plus one empty voxel on every side; undefined when empty. */
export function paddedMask(mask: Mask): { data: Uint8Array; size: Vec3; count: number } | undefined {
  const box = boundingBox(mask.geometry, mask.data);
  if (!box) return undefined;
  const data = cropArray(mask.data, mask.geometry, box, 1, (n) => new Uint8Array(n));
  let count = 0;
  for (let v = 0; v < data.length; v++) if (data[v] !== 0) { data[v] = 1; count++; }
  const size: Vec3 = [box.upper[0] - box.lower[0] + 3, box.upper[1] - box.lower[1] + 3, box.upper[2] - box.lower[2] + 3];
  return { data, size, count };
}

/** Every pyradiomics shape feature (deprecated ones included) of the mask, named `<imageType>_shape_<Feature>`. */
export function pyradiomicsShapeFeatures(mask: Mask, imageType = "original"): PyradiomicsFeature[] {
  const spacing = mask.geometry.spacing;
  const grid = paddedMask(mask);
  const named = (feature: string, value: number, reason: string) => shapeFeature(`${imageType}_shape_${feature}`, value, reason, IBSI[feature]);
  if (!grid) return Object.keys(IBSI).map((f) => named(f, NaN, "the mask is empty"));
  const mesh = pyradiomicsMesh(grid.data, grid.size, spacing);
  const diameters = pyradiomicsMeshDiameters(mesh, spacing);
  // pyradiomics' principal axes: eigenvalues (ascending) of the 1/N covariance of voxel coordinates (z, y, x) in mm.
  const ev = principalAxisEigenvalues(grid.data, grid.size, spacing, grid.count);
  const [sx, sy, sz] = spacing;
  const V = mesh.volume, A = mesh.surfaceArea;
  const sphere = Math.pow(36 * Math.PI * V ** 2, 1 / 3);
  const negative = "an eigenvalue of the coordinate covariance is negative (pyradiomics: NaN)";
  const axis = (e: number) => (e < 0 ? NaN : Math.sqrt(e) * 4);
  return [
    named("MeshVolume", V, "the mesh encloses no volume"),
    named("VoxelVolume", grid.count * (sz * sx * sy), ""),
    named("SurfaceArea", A, ""),
    named("SurfaceVolumeRatio", A / V, "the mesh encloses no volume"),
    named("Sphericity", sphere / A, "the mesh has no area"),
    named("Compactness1", V / (A ** 1.5 * Math.sqrt(Math.PI)), "the mesh has no area"),
    named("Compactness2", (36 * Math.PI) * V ** 2 / A ** 3, "the mesh has no area"),
    named("SphericalDisproportion", A / sphere, "the mesh encloses no volume"),
    named("Maximum3DDiameter", diameters.Maximum3DDiameter, ""),
    named("Maximum2DDiameterSlice", diameters.Maximum2DDiameterSlice, ""),
    named("Maximum2DDiameterColumn", diameters.Maximum2DDiameterColumn, ""),
    named("Maximum2DDiameterRow", diameters.Maximum2DDiameterRow, ""),
    named("MajorAxisLength", axis(ev[2]), negative),
    named("MinorAxisLength", axis(ev[1]), negative),
    named("LeastAxisLength", axis(ev[0]), negative),
    named("Elongation", ev[1] < 0 || ev[2] < 0 ? NaN : Math.sqrt(ev[1] / ev[2]), ev[2] === 0 ? "the ROI has no extent (largest eigenvalue 0)" : negative),
    named("Flatness", ev[0] < 0 || ev[2] < 0 ? NaN : Math.sqrt(ev[0] / ev[2]), ev[2] === 0 ? "the ROI has no extent (largest eigenvalue 0)" : negative),
  ];
}
