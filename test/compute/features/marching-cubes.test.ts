// Marching-cubes mesh invariants: the mesh is closed (its divergence-theorem volume does not move when
// the object moves), faces are consistently oriented, and a lone voxel is the expected octahedron.
import { expect, test } from "vitest";
import { TRIANGLES, meshMeasures } from "../../../compute/features/marching-cubes.js";
import type { Vec3 } from "../../../compute/image/volume.js";

function randomBlob(size: Vec3, offset: Vec3, seed: number): Uint8Array {
  const [nx, ny, nz] = size;
  const m = new Uint8Array(nx * ny * nz);
  let s = seed;
  for (let k = 1; k < 9; k++) for (let j = 1; j < 9; j++) for (let i = 1; i < 9; i++) {
    s = (s * 16807) % 2147483647;
    if (s % 100 < 55) m[i + offset[0] + nx * (j + offset[1] + ny * (k + offset[2]))] = 1;
  }
  return m;
}

test("every one of the 256 configurations yields whole triangles (at most 5)", () => {
  for (let config = 0; config < 256; config++) {
    let n = 0;
    while (TRIANGLES[config * 36 + n] !== -1) n++;
    expect(n % 3).toBe(0);
    expect(n / 3).toBeLessThanOrEqual(5);
    expect(n === 0).toBe(config === 0 || config === 255);
  }
});

test("a random, ambiguity-rich mask gives a closed mesh: volume is translation invariant", () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const a = meshMeasures(randomBlob([10, 10, 10], [0, 0, 0], seed), [10, 10, 10], [1, 1, 1]);
    const b = meshMeasures(randomBlob([16, 13, 12], [5, 2, 1], seed), [16, 13, 12], [1, 1, 1]);
    expect(b.volume).toBeCloseTo(a.volume, 9);
    expect(b.area).toBeCloseTo(a.area, 9);
    expect(b.faceCount).toBe(a.faceCount);
    // Voxel-by-voxel, the mesh volume stays within half a voxel layer of the voxel count.
    const voxels = randomBlob([10, 10, 10], [0, 0, 0], seed).reduce((n, x) => n + x, 0);
    expect(a.volume).toBeGreaterThan(0.4 * voxels);
    expect(a.volume).toBeLessThan(voxels);
  }
});

test("spacing scales volume by sx·sy·sz", () => {
  const mask = randomBlob([10, 10, 10], [0, 0, 0], 9);
  const unit = meshMeasures(mask, [10, 10, 10], [1, 1, 1]);
  const scaled = meshMeasures(mask, [10, 10, 10], [0.5, 2, 3]);
  expect(scaled.volume).toBeCloseTo(unit.volume * 3, 9);
});

test("a single voxel meshes to an octahedron: V = 1/6, A = √3 (unit spacing)", () => {
  const m = new Uint8Array(27);
  m[13] = 1;
  const mesh = meshMeasures(m, [3, 3, 3], [1, 1, 1]);
  expect(mesh.volume).toBeCloseTo(1 / 6, 12);
  expect(mesh.area).toBeCloseTo(Math.sqrt(3), 12);
  expect(mesh.faceCount).toBe(8);
});
