// pyradiomics' shape and shape2D classes against real pyradiomics 3.0.1 (fixture and versions from
// scripts/fixtures/pyradiomics-shape.py): a sphere, an anisotropic ellipsoid, a concave block, a random
// blob (all marching-cubes configurations), a one-voxel-thick slab, a mask touching the image border, a
// single voxel, and 2D masks with force2D — every feature within 1e-6 relative (the worst is printed),
// through the PYRADIOMICS profile with the params text pyradiomics read, and the refusals pyradiomics makes.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BadUserInputError } from "../../../compute/errors.js";
import { computePyradiomicsProfile } from "../../../compute/features/profile-features.js";
import { parsePyradiomicsParams } from "../../../compute/features/pyradiomics-params.js";
import { pyradiomicsMeshDiameters } from "../../../compute/features/pyradiomics-diameters.js";
import { pyradiomicsMesh } from "../../../compute/features/pyradiomics-mesh.js";
import { paddedMask, pyradiomicsShapeFeatures } from "../../../compute/features/pyradiomics-shape.js";
import { SeededRandom } from "../../../compute/seeded-random.js";
import type { Geometry, Mask, Vec3, Volume } from "../../../compute/image/volume.js";

interface ShapeCase {
  readonly name: string; readonly size: Vec3; readonly spacing: Vec3; readonly mask: number[]; readonly params: string | null;
  readonly features?: Readonly<Record<string, number | null>>; readonly error?: string;
}
const fixture = JSON.parse(readFileSync(path.join(import.meta.dirname, "fixtures/pyradiomics-shape-reference.json"), "utf8")) as { versions: Record<string, string>; cases: ShapeCase[] };

function inputs(c: ShapeCase): { volume: Volume; mask: Mask } {
  const geometry: Geometry = { size: c.size, spacing: c.spacing, origin: [0, 0, 0], direction: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] };
  return { volume: { geometry, data: new Float32Array(c.mask.length) }, mask: { geometry, data: Uint8Array.from(c.mask) } };
}

function relative(ours: number, reference: number): number {
  return ours === reference ? 0 : Math.abs(ours - reference) / Math.abs(reference);
}

let worst = { relative: 0, where: "" };
const worstPerFeature = new Map<string, number>();
function expectFeatures(c: ShapeCase, ours: ReadonlyMap<string, { value?: number; undefinedReason?: string }>): void {
  expect([...ours.keys()].sort()).toEqual(Object.keys(c.features!).sort());
  for (const [name, reference] of Object.entries(c.features!)) {
    const f = ours.get(name)!;
    if (reference === null) { expect(f.value, name).toBeUndefined(); expect(f.undefinedReason, name).toBeTruthy(); continue; }
    expect(f.value, `${name}: ${f.undefinedReason}`).toBeDefined();
    const r = relative(f.value!, reference);
    if (r > worst.relative) worst = { relative: r, where: `${c.name} ${name}` };
    worstPerFeature.set(name, Math.max(worstPerFeature.get(name) ?? 0, r));
    expect(r, `${c.name} ${name}: ${f.value} vs ${reference}`).toBeLessThanOrEqual(1e-6);
  }
}

describe(`pyradiomics shape / shape2D against pyradiomics ${fixture.versions.pyradiomics}`, () => {
  for (const c of fixture.cases.filter((x) => x.params !== null && x.features && Object.keys(x.features).length)) {
    it(`${c.name}: every feature through the profile`, () => {
      const { volume, mask } = inputs(c);
      const profile = parsePyradiomicsParams(c.params!);
      const results = computePyradiomicsProfile(volume, mask, profile, Object.keys(profile.featureClasses));
      expectFeatures(c, new Map(results.map((r) => [r.name, r])));
    });
  }

  it("single voxel: the shape class directly (pyradiomics' extractor refuses the ROI, and so does the profile)", () => {
    const direct = fixture.cases.find((c) => c.name === "single voxel (shape class directly)")!;
    const { mask } = inputs(direct);
    expectFeatures(direct, new Map(pyradiomicsShapeFeatures(mask).map((f) => [f.name, f])));
    const refused = fixture.cases.find((c) => c.name === "single voxel through the extractor")!;
    expect(refused.error).toMatch(/single voxel/);
    const { volume } = inputs(refused);
    const profile = parsePyradiomicsParams(refused.params!);
    expect(() => computePyradiomicsProfile(volume, inputs(refused).mask, profile, ["shape"])).toThrow(BadUserInputError);
  });

  it("shape2D refuses a mask more than one slice thick along force2Ddimension, as pyradiomics does", () => {
    const c = fixture.cases.find((x) => x.name === "shape2D refused: two slices thick along force2Ddimension")!;
    expect(c.error).toMatch(/more than 1, cannot compute 2D shape/);
    const { volume, mask } = inputs(c);
    expect(() => computePyradiomicsProfile(volume, mask, parsePyradiomicsParams(c.params!), ["shape2D"])).toThrow(/more than one voxel thick along force2Ddimension 0/);
  });

  it("shape2D where pyradiomics 3.0.1 computes none (its extractor reads force2Ddimension in (x, y, z) order): a typed error naming why", () => {
    const c = fixture.cases.find((x) => x.name === "shape2D: one row thick, force2Ddimension 1")!;
    expect(c.features).toEqual({});
    const { volume, mask } = inputs(c);
    expect(() => computePyradiomicsProfile(volume, mask, parsePyradiomicsParams(c.params!), ["shape2D"])).toThrow(BadUserInputError);
  });

  it("the hull-pruned diameters equal pyradiomics' all-pairs search (calculate_meshDiameter) exactly, on random blobs", () => {
    const rng = new SeededRandom(14);
    for (let trial = 0; trial < 12; trial++) {
      const size: Vec3 = [6 + (trial % 4), 5 + (trial % 3), 4 + (trial % 5)];
      const spacing: Vec3 = [0.5 + rng.next(), 0.5 + rng.next(), 0.5 + 2 * rng.next()];
      const geometry: Geometry = { size, spacing, origin: [0, 0, 0], direction: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] };
      const data = Uint8Array.from({ length: size[0] * size[1] * size[2] }, () => (rng.next() < 0.3 + 0.05 * trial ? 1 : 0));
      const grid = paddedMask({ geometry, data })!;
      const mesh = pyradiomicsMesh(grid.data, grid.size, spacing);
      // pyradiomics' search: every pair of vertices, (z, y, x) mm, squared distance summed z + y + x.
      const s = [spacing[2], spacing[1], spacing[0]];
      const mm = Array.from(mesh.halfVoxels, (h, i) => (h / 2) * s[i % 3]!);
      const best = [0, 0, 0, 0];
      for (let p = 0; p < mm.length; p += 3) for (let q = 0; q < p; q += 3) {
        const d0 = mm[p]! - mm[q]!, d1 = mm[p + 1]! - mm[q + 1]!, d2 = mm[p + 2]! - mm[q + 2]!;
        const d = d0 * d0 + d1 * d1 + d2 * d2;
        for (let a = 0; a < 3; a++) if (mm[p + a] === mm[q + a] && d > best[a]!) best[a] = d;
        if (d > best[3]!) best[3] = d;
      }
      expect(pyradiomicsMeshDiameters(mesh, spacing)).toEqual({
        Maximum2DDiameterSlice: Math.sqrt(best[0]!), Maximum2DDiameterColumn: Math.sqrt(best[1]!), Maximum2DDiameterRow: Math.sqrt(best[2]!), Maximum3DDiameter: Math.sqrt(best[3]!),
      });
    }
  });

  it("worst relative difference", () => {
    console.log(`worst relative difference to pyradiomics: ${worst.relative.toExponential(2)} (${worst.where}); per feature: ${[...worstPerFeature].map(([n, r]) => `${n.replace("original_", "")} ${r.toExponential(1)}`).join(", ")}`);
    expect(worst.relative).toBeLessThanOrEqual(1e-6);
  });
});
