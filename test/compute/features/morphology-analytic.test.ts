// Morphology on shapes with known geometry: voxelised spheres, ellipsoids and cubes, on isotropic and
// anisotropic grids, must give volumes, areas and shape descriptors within the discretisation error of
// the closed-form values.
import { describe, expect, test } from "vitest";
import { computeFeatures } from "../../../compute/features/compute-features.js";
import { convexHull } from "../../../compute/features/convex-hull.js";
import { ellipsoidSurfaceArea, minimumVolumeEnclosingEllipsoid } from "../../../compute/features/ellipsoid.js";
import { symmetricEigen } from "../../../compute/features/principal-axes.js";
import type { FeatureResult } from "../../../compute/features/types.js";
import type { Vec3 } from "../../../compute/image/volume.js";
import { cubeMask, ellipsoidMask, volumeOn } from "./shapes.js";

const SETTINGS = { discretisation: { method: "fixedBinNumber", binCount: 16 } } as const;

function morphology(mask: ReturnType<typeof ellipsoidMask>): (key: string) => number {
  const results: FeatureResult[] = computeFeatures(volumeOn(mask, (i, j, k) => 100 + i + 2 * j + 3 * k), mask, SETTINGS, ["morphology"]);
  return (key) => {
    const r = results.find((x) => x.key === `morph_${key}`);
    if (r?.value === undefined) throw new Error(`${key}: ${r?.undefinedReason ?? "missing"}`);
    return r.value;
  };
}

/** Knud Thomsen's ellipsoid area approximation (relative error <= 1.1 %). */
function thomsenArea(a: number, b: number, c: number): number {
  const p = 1.6075;
  return 4 * Math.PI * (((a * b) ** p + (a * c) ** p + (b * c) ** p) / 3) ** (1 / p);
}

const cases: { name: string; axes: Vec3; spacing: Vec3 }[] = [
  { name: "sphere, isotropic 1 mm", axes: [15, 15, 15], spacing: [1, 1, 1] },
  { name: "sphere, anisotropic 0.8 × 0.8 × 2.5 mm", axes: [15, 15, 15], spacing: [0.8, 0.8, 2.5] },
  { name: "ellipsoid 20 × 12 × 8, isotropic 1 mm", axes: [20, 12, 8], spacing: [1, 1, 1] },
  { name: "ellipsoid 20 × 12 × 8, anisotropic 0.7 × 1.1 × 1.6 mm", axes: [20, 12, 8], spacing: [0.7, 1.1, 1.6] },
];

describe("morphology of voxelised ellipsoids against closed forms", () => {
  test.each(cases)("$name", ({ axes, spacing }) => {
    const [a, b, c] = axes;
    const m = morphology(ellipsoidMask(axes, spacing));
    const volume = (4 / 3) * Math.PI * a * b * c;
    const area = thomsenArea(a, b, c);
    // Mesh volume converges fast; the marching-cubes area of a staircase overestimates by a few per cent.
    expect(m("volume") / volume).toBeGreaterThan(0.97);
    expect(m("volume") / volume).toBeLessThan(1.02);
    expect(m("approximate_volume") / volume).toBeGreaterThan(0.97);
    expect(m("approximate_volume") / volume).toBeLessThan(1.03);
    // Thick slices make a coarser staircase, hence the looser bound on anisotropic grids.
    const anisotropic = Math.max(...spacing) / Math.min(...spacing) > 1.5;
    expect(m("area") / area).toBeGreaterThan(1.0);
    expect(m("area") / area).toBeLessThan(anisotropic ? 1.2 : 1.12);
    const exactSphericity = Math.cbrt(36 * Math.PI * volume ** 2) / area;
    expect(m("sphericity")).toBeLessThanOrEqual(exactSphericity + 0.01);
    expect(m("sphericity")).toBeGreaterThan(exactSphericity - (anisotropic ? 0.16 : 0.12));
    // A solid ellipsoid has principal variances a²/5, b²/5, c²/5: axis length 4 sqrt(λ) = 4a/√5.
    expect(m("major_axis_length") / ((4 * a) / Math.sqrt(5))).toBeCloseTo(1, 1);
    expect(m("minor_axis_length") / ((4 * b) / Math.sqrt(5))).toBeCloseTo(1, 1);
    expect(m("least_axis_length") / ((4 * c) / Math.sqrt(5))).toBeCloseTo(1, 1);
    expect(m("elongation")).toBeCloseTo(b / a, 1);
    expect(m("flatness")).toBeCloseTo(c / a, 1);
    // Maximum diameter: 2a plus at most one voxel diagonal of staircase.
    expect(m("maximum_3d_diameter")).toBeGreaterThan(2 * a - Math.max(...spacing));
    expect(m("maximum_3d_diameter")).toBeLessThan(2 * a + Math.hypot(...spacing));
    // Convex shapes: the hull hugs the mesh.
    expect(m("volume_density_convex_hull")).toBeGreaterThan(anisotropic ? 0.84 : 0.88);
    expect(m("volume_density_convex_hull")).toBeLessThanOrEqual(1 + 1e-9);
    // V / V_aee = 5^(3/2) / 8 for a solid ellipsoid.
    expect(m("volume_density_aee")).toBeCloseTo(5 ** 1.5 / 8, 1);
    // The mesh box reaches half a voxel beyond the outermost voxel centres.
    const box = axes.reduce((p, r, d) => p * (2 * r + spacing[d]!), 1);
    expect(m("volume_density_aabb")).toBeCloseTo(volume / box, 1);
  });

  test("a 10-voxel cube: mesh volume and area follow the cut edges and corners of marching cubes", () => {
    for (const spacing of [[1, 1, 1], [0.5, 0.5, 2]] as const) {
      const m = morphology(cubeMask(10, spacing));
      const [sx, sy, sz] = spacing;
      expect(m("approximate_volume")).toBeCloseTo(1000 * sx * sy * sz, 9);
      // Marching cubes bevels the 12 edges and 8 corners: the volume is just under the voxel volume.
      expect(m("volume") / (1000 * sx * sy * sz)).toBeGreaterThan(0.97);
      expect(m("volume") / (1000 * sx * sy * sz)).toBeLessThan(1);
      const faces = 2 * 100 * (sx * sy + sy * sz + sx * sz);
      expect(m("area") / faces).toBeGreaterThan(0.93);
      expect(m("area") / faces).toBeLessThan(1);
      expect(m("volume_density_convex_hull")).toBeCloseTo(1, 6);
      // A uniform box has variances proportional to its squared edge lengths.
      const edges = [10 * sx, 10 * sy, 10 * sz].sort((p, q) => q - p);
      expect(m("elongation")).toBeCloseTo(edges[1]! / edges[0]!, 6);
      expect(m("flatness")).toBeCloseTo(edges[2]! / edges[0]!, 6);
    }
  });
});

describe("geometry helpers", () => {
  test("IBSI's ellipsoid area series: exact for a sphere, and below the exact area of a prolate spheroid", () => {
    expect(ellipsoidSurfaceArea(3, 3, 3)).toBeCloseTo(4 * Math.PI * 9, 9);
    // For a = 5, b = c = 3 the series (P_ν(1) = 1) is 4π·15·Σ 0.64^ν / (1 - 4ν²), ν <= 20.
    let series = 0;
    for (let nu = 0; nu <= 20; nu++) series += 0.64 ** nu / (1 - 4 * nu * nu);
    expect(ellipsoidSurfaceArea(5, 3, 3)).toBeCloseTo(4 * Math.PI * 15 * series, 9);
    const e = 0.8;
    const prolate = 2 * Math.PI * 9 * (1 + (5 / (3 * e)) * Math.asin(e));
    expect(ellipsoidSurfaceArea(5, 3, 3)).toBeLessThan(prolate);
  });

  test("Jacobi eigenvalues of a symmetric matrix", () => {
    const { values, vectors } = symmetricEigen([4, 1, 0, 1, 3, 0, 0, 0, 1]);
    expect(values[0]).toBeCloseTo((7 + Math.sqrt(5)) / 2, 10);
    expect(values[1]).toBeCloseTo((7 - Math.sqrt(5)) / 2, 10);
    expect(values[2]).toBeCloseTo(1, 10);
    expect(Math.hypot(vectors[0]!, vectors[1]!, vectors[2]!)).toBeCloseTo(1, 10);
  });

  test("convex hull of a cube's corners and inner points; MVEE of a cube is its circumscribed sphere", () => {
    const pts: number[] = [];
    for (const x of [0, 2]) for (const y of [0, 2]) for (const z of [0, 2]) pts.push(x, y, z);
    pts.push(1, 1, 1, 0.5, 1, 1.5, 1, 0, 1); // inside and on a face
    const hull = convexHull(Float64Array.from(pts))!;
    expect(hull.volume).toBeCloseTo(8, 9);
    expect(hull.area).toBeCloseTo(24, 9);
    expect(hull.vertices.length / 3).toBe(8);
    const mvee = minimumVolumeEnclosingEllipsoid(Float64Array.from(pts.slice(0, 24)))!;
    for (const r of mvee.semiAxes) expect(r).toBeCloseTo(Math.sqrt(3), 2);
  });
});
