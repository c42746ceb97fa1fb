// Benchmark ROIs: a sphere of about `voxels` voxels in a noisy CT-like cube (1 mm voxels), with
// intensities N(40, 15) HU inside and N(-20, 10) outside, rounded to integers.
import { AXIAL, type Mask, type Volume } from "../compute/image/volume.js";
import { SeededRandom } from "../compute/seeded-random.js";

export interface SphereCase {
  volume: Volume;
  mask: Mask;
  /** Voxels inside the sphere. */
  roi: number;
}

export function sphereCase(voxels: number): SphereCase {
  const radius = Math.cbrt((3 * voxels) / (4 * Math.PI));
  const n = Math.ceil(2 * radius * 1.2) + 2;
  const geometry = { size: [n, n, n] as const, spacing: [1, 1, 1] as const, origin: [0, 0, 0] as const, direction: AXIAL };
  const rng = new SeededRandom(voxels);
  const data = new Float32Array(n * n * n);
  const mask = new Uint8Array(n * n * n);
  let roi = 0;
  const c = (n - 1) / 2;
  for (let k = 0; k < n; k++)
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) {
        const index = i + n * (j + n * k);
        const inside = (i - c) ** 2 + (j - c) ** 2 + (k - c) ** 2 <= radius * radius;
        mask[index] = inside ? 1 : 0;
        roi += mask[index]!;
        data[index] = Math.round(inside ? rng.normal(40, 15) : rng.normal(-20, 10));
      }
  return { volume: { geometry, data }, mask: { geometry, data: mask }, roi };
}
