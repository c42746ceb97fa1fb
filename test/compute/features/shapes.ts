// Synthetic volumes and masks with known geometry for analytic tests.
import type { Mask, Vec3, Volume } from "../../../compute/image/volume.js";
import { AXIAL } from "../../../compute/image/volume.js";

/** A mask of the voxels whose centres satisfy (x/a)² + (y/b)² + (z/c)² <= 1 (mm, centred in the grid). */
export function ellipsoidMask(semiAxes: Vec3, spacing: Vec3): Mask {
  const size = semiAxes.map((r, d) => 2 * Math.ceil(r / spacing[d]!) + 5) as unknown as Vec3;
  const data = new Uint8Array(size[0] * size[1] * size[2]);
  const centre = size.map((n) => (n - 1) / 2);
  let v = 0;
  for (let k = 0; k < size[2]; k++) for (let j = 0; j < size[1]; j++) for (let i = 0; i < size[0]; i++, v++) {
    const x = (i - centre[0]!) * spacing[0], y = (j - centre[1]!) * spacing[1], z = (k - centre[2]!) * spacing[2];
    data[v] = (x / semiAxes[0]) ** 2 + (y / semiAxes[1]) ** 2 + (z / semiAxes[2]) ** 2 <= 1 ? 1 : 0;
  }
  return { geometry: { size, spacing, origin: [0, 0, 0], direction: AXIAL }, data };
}

/** A box mask of n × n × n voxels with an empty border of 2 voxels. */
export function cubeMask(n: number, spacing: Vec3): Mask {
  const size: Vec3 = [n + 4, n + 4, n + 4];
  const data = new Uint8Array(size[0] * size[1] * size[2]);
  for (let k = 2; k < n + 2; k++) for (let j = 2; j < n + 2; j++) for (let i = 2; i < n + 2; i++) data[i + size[0] * (j + size[1] * k)] = 1;
  return { geometry: { size, spacing, origin: [0, 0, 0], direction: AXIAL }, data };
}

/** A volume on the mask's grid whose intensities come from a function of the voxel index. */
export function volumeOn(mask: Mask, intensity: (i: number, j: number, k: number) => number): Volume {
  const [nx, ny, nz] = mask.geometry.size;
  const data = new Float32Array(nx * ny * nz);
  let v = 0;
  for (let k = 0; k < nz; k++) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++, v++) data[v] = intensity(i, j, k);
  return { geometry: mask.geometry, data };
}
