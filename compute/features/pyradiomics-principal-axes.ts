// pyradiomics' principal axes (radiomics/shape.py and shape2D.py, _initSegmentBasedCalculation): the
// eigenvalues, ascending, of the population covariance (1/N) of the ROI voxels' physical coordinates;
// eigenvalues in (−1e-10, 0) are machine error and set to 0, as pyradiomics does.
import type { Vec3 } from "../image/volume.js";
import { symmetricEigen } from "./principal-axes.js";

const roundMachineError = (e: number) => (e < 0 && e > -1e-10 ? 0 : e);

/** Eigenvalues (ascending, mm²) of the voxel-coordinate covariance of a mask (x fastest; size, spacing x, y, z). */
export function principalAxisEigenvalues(mask: Uint8Array, size: Vec3, spacing: Vec3, count: number): [number, number, number] {
  const [nx, ny, nz] = size;
  let mx = 0, my = 0, mz = 0;
  for (let k = 0, v = 0; k < nz; k++) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++, v++) {
    if (mask[v] === 0) continue;
    mx += i * spacing[0]; my += j * spacing[1]; mz += k * spacing[2];
  }
  mx /= count; my /= count; mz /= count;
  let xx = 0, xy = 0, xz = 0, yy = 0, yz = 0, zz = 0;
  for (let k = 0, v = 0; k < nz; k++) {
    const z = k * spacing[2] - mz;
    for (let j = 0; j < ny; j++) {
      const y = j * spacing[1] - my;
      for (let i = 0; i < nx; i++, v++) {
        if (mask[v] === 0) continue;
        const x = i * spacing[0] - mx;
        xx += x * x; xy += x * y; xz += x * z; yy += y * y; yz += y * z; zz += z * z;
      }
    }
  }
  const values = symmetricEigen([xx, xy, xz, xy, yy, yz, xz, yz, zz].map((c) => c / count) as Parameters<typeof symmetricEigen>[0]).values;
  return [roundMachineError(values[2]), roundMachineError(values[1]), roundMachineError(values[0])];
}

/** Eigenvalues (ascending) of a symmetric 2×2 matrix [[a, b], [b, c]]; the small one as det / large (no cancellation). */
export function eigenvalues2(a: number, b: number, c: number): [number, number] {
  const mean = (a + c) / 2, radius = Math.hypot((a - c) / 2, b);
  const large = mean + radius;
  const small = large === 0 ? 0 : (a * c - b * b) / large;
  return [roundMachineError(small), roundMachineError(large)];
}
