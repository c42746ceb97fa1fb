// Voxel neighbourhoods as flat index offsets on a RoiGrid (whose zero margin keeps them in bounds).
import type { Vec3 } from "../image/volume.js";

/** Index offsets of all voxels within Chebyshev distance `distance` (excluding the centre); 2D stays in-plane. */
export function chebyshevOffsets(size: Vec3, distance: number, twoDimensional: boolean): Int32Array {
  const [nx, ny] = size;
  const out: number[] = [];
  const kRange = twoDimensional ? 0 : distance;
  for (let dk = -kRange; dk <= kRange; dk++) for (let dj = -distance; dj <= distance; dj++) for (let di = -distance; di <= distance; di++) {
    if (di === 0 && dj === 0 && dk === 0) continue;
    out.push(di + nx * (dj + ny * dk));
  }
  return Int32Array.from(out);
}

/** Face neighbours: 6 in 3D, 4 in-plane in 2D. */
export function faceOffsets(size: Vec3, twoDimensional: boolean): Int32Array {
  const [nx, ny] = size;
  return Int32Array.from(twoDimensional ? [1, -1, nx, -nx] : [1, -1, nx, -nx, nx * ny, -nx * ny]);
}
