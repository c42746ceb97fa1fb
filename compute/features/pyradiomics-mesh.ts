// pyradiomics 3.0.1's own surface mesh, as its C extension builds it (radiomics/src/cshape.c,
// `calculate_coefficients`; read from the pyradiomics 3.0.1 sdist, re-implemented here, not copied):
// - marching cubes over the mask padded by one empty voxel, visiting cubes z-outer, x-inner (numpy order);
//   a cube whose last corner (corner 7, offset z+1, y+1, x) is set is complemented first, so a 128-entry
//   table suffices, and its tetrahedron volumes change sign;
// - its own corner numbering and triangle table (Lorensen & Cline's classic table, TRIANGLES below), which
//   resolves an ambiguous face per configuration, mostly separating the minority corners (set or unset) —
//   unlike the IBSI mesh (marching-cubes.ts), which always separates diagonal set corners;
// - MeshVolume = Σ a·(b×c) / 6 with vertices relative to the padded grid's corner, SurfaceArea = Σ |(a−c)×(b−c)| / 2;
// - vertices (edge midpoints between a set and an unset voxel) in (z, y, x) mm for the diameters.
// Coordinates and sums are evaluated in pyradiomics' order, so the values match it to the last bits.
import type { Vec3 } from "../image/volume.js";

// pyradiomics' cube corners 0–7 at offsets (dz, dy, dx): (0,0,0) (0,0,1) (0,1,1) (0,1,0) (1,0,0) (1,0,1) (1,1,1) (1,1,0).

/** Edge midpoints (z, y, x) relative to the cube origin, pyradiomics' edge numbering 0–11, in half voxels. */
const EDGE_MIDPOINTS: readonly Vec3[] = [[0, 0, 1], [0, 1, 2], [0, 2, 1], [0, 1, 0], [2, 0, 1], [2, 1, 2], [2, 2, 1], [2, 1, 0], [1, 0, 0], [1, 0, 2], [1, 2, 2], [1, 2, 0]];

/**
 * Triangles per cube configuration 0–127 (corner n set ⇔ bit n), as hex digits of edge numbers, three per
 * triangle, normals outward — the table of cshape.c re-encoded.
 */
const TRIANGLE_TABLE = [
  "", "083", "190", "183198", "12a", "08312a", "92a029", "2832a8a98", "b23", "b2008b", "190b23", "b2119b98b",
  "3a1ba3", "a1008a8ba", "9033b9ba9", "98aba8", "478", "043473", "190478", "194147173", "12a478", "34730412a",
  "92a902478", "2a9297273479", "478b23", "b47b24204", "190478b23", "47b94bb29192", "3a1ba3478", "ba114b10447b",
  "4789033b9ba9", "47b4b99ba", "954", "954083", "054015", "854835315", "12a954", "08312a954", "2a5542240",
  "2a5325354834", "954b23", "b2008b954", "054015b23", "215258b28548", "3a1ba3954", "549a1008a8ba",
  "54050ba5bb03", "548a58ba8", "789579", "309539357", "780017715", "157173", "78957912a", "12a309395357",
  "0288258572a5", "2a5253357", "579789b23", "579972209b27", "b23018178157", "21b17b157", "7895793a1ba3",
  "5705097b0a10ba0", "ba003ba50078570", "ba557b", "65a", "08365a", "19065a", "18319865a", "165126",
  "165126083", "965906026", "598582526832", "b2365a", "b2008b65a", "190b2365a", "b2119b98b65a", "63b653513",
  "08b0b50515b6", "63b036065059", "65969bb98", "47865a", "04347365a", "19047865a", "19414717365a", "478165126",
  "043473165126", "478965906026", "739479329596269", "b2347865a", "b47b2420465a", "190b2347865a",
  "47b94bb2919265a", "47863b653513", "51b5b610b47b04b", "47863b036065059", "65969b4797b9", "a4964a",
  "a4964a083", "01aa60640", "18316886461a", "149124264", "149124264083", "024426", "832824426", "b23a4964a",
  "b2008ba4964a", "b2301aa60640", "64161a148b2118b", "964369139b63", "18b081b61149641", "63b036640", "86468b",
  "67a78a89a", "67a0a709a073", "67a1a7178018", "67a1a7173", "126168189678", "269129679309739", "078706602",
  "273267", "b2367a78a89a", "207b2709767a9a7", "67a1a7178018b23", "b2117ba61167", "896678169b63136", "09167b",
  "07870603bb60", "67b",
];

/** TRIANGLE_TABLE as edge numbers, 16 slots per configuration, −1 after the last triangle (at most 5 triangles, so always one −1). */
const TRIANGLES: Int8Array = (() => {
  const table = new Int8Array(128 * 16).fill(-1);
  TRIANGLE_TABLE.forEach((code, config) => { for (let n = 0; n < code.length; n++) table[16 * config + n] = parseInt(code[n]!, 16); });
  return table;
})();

export interface PyradiomicsMesh {
  /** Σ |(a−c)×(b−c)| / 2 over the triangles (mm²). */
  readonly surfaceArea: number;
  /** Σ a·(b×c) / 6 over the triangles (mm³), signed as pyradiomics sums it (positive for outward normals). */
  readonly volume: number;
  /** Vertex coordinates in half voxels of the padded grid, flat (z, y, x) integers: mm = h / 2 · spacing. */
  readonly halfVoxels: Int32Array;
  readonly vertexCount: number;
}

/**
 * pyradiomics' mesh of a mask whose outer layer is empty (x fastest, then y, then z; `size` and `spacing`
 * as x, y, z). Linear in the grid size; cubes with all eight corners equal are skipped.
 */
export function pyradiomicsMesh(mask: Uint8Array, size: Vec3, spacing: Vec3): PyradiomicsMesh {
  const [nx, ny, nz] = size;
  const s0 = spacing[2], s1 = spacing[1], s2 = spacing[0]; // pyradiomics' (z, y, x) spacing
  const slab = nx * ny;
  const mz = EDGE_MIDPOINTS.map((h) => h[0] / 2), my = EDGE_MIDPOINTS.map((h) => h[1] / 2), mx = EDGE_MIDPOINTS.map((h) => h[2] / 2);
  let halfVoxels = new Int32Array(3 * 1024);
  let count = 0;
  const store = (hz: number, hy: number, hx: number) => {
    if (3 * count + 3 > halfVoxels.length) { const grown = new Int32Array(2 * halfVoxels.length); grown.set(halfVoxels); halfVoxels = grown; }
    halfVoxels[3 * count] = hz; halfVoxels[3 * count + 1] = hy; halfVoxels[3 * count + 2] = hx;
    count++;
  };
  let area = 0, volume = 0;
  for (let iz = 0; iz + 1 < nz; iz++) for (let iy = 0; iy + 1 < ny; iy++) {
    const row = nx * iy + slab * iz;
    // Corners on the cube's x face (0, 3, 4, 7), then on its x + 1 face (1, 2, 5, 6), which become the next cube's x face.
    let left = (mask[row] ? 1 : 0) | (mask[row + nx] ? 8 : 0) | (mask[row + slab] ? 16 : 0) | (mask[row + slab + nx] ? 128 : 0);
    for (let ix = 0; ix + 1 < nx; ix++) {
      const v = row + ix + 1;
      const right = (mask[v] ? 2 : 0) | (mask[v + nx] ? 4 : 0) | (mask[v + slab] ? 32 : 0) | (mask[v + slab + nx] ? 64 : 0);
      let config = left | right;
      left = ((right & 2) >> 1) | ((right & 4) << 1) | ((right & 32) >> 1) | ((right & 64) << 1);
      if (config === 0 || config === 255) continue;
      let sign = 1;
      if (config & 0x80) { config ^= 0xff; sign = -1; }
      // The vertices on edges 6, 7 and 11 (at corner 7) are this cube's to store: one where corner 6, 4, 3 is set.
      if (config & 64) store(2 * iz + 2, 2 * iy + 2, 2 * ix + 1);
      if (config & 16) store(2 * iz + 2, 2 * iy + 1, 2 * ix);
      if (config & 8) store(2 * iz + 1, 2 * iy + 2, 2 * ix);
      for (let t = 16 * config; TRIANGLES[t]! >= 0; t += 3) {
        const ea = TRIANGLES[t]!, eb = TRIANGLES[t + 1]!, ec = TRIANGLES[t + 2]!;
        const a0 = (iz + mz[ea]!) * s0, a1 = (iy + my[ea]!) * s1, a2 = (ix + mx[ea]!) * s2;
        const b0 = (iz + mz[eb]!) * s0, b1 = (iy + my[eb]!) * s1, b2 = (ix + mx[eb]!) * s2;
        const c0 = (iz + mz[ec]!) * s0, c1 = (iy + my[ec]!) * s1, c2 = (ix + mx[ec]!) * s2;
        // Signed tetrahedron volume with the grid corner: (a × b) · c (÷ 6 at the end).
        volume += sign * ((a1 * b2 - b1 * a2) * c0 + (a2 * b0 - b2 * a0) * c1 + (a0 * b1 - b0 * a1) * c2);
        // Triangle area: |(a − c) × (b − c)| / 2.
        const u0 = a0 - c0, u1 = a1 - c1, u2 = a2 - c2, w0 = b0 - c0, w1 = b1 - c1, w2 = b2 - c2;
        const n0 = u1 * w2 - w1 * u2, n1 = u2 * w0 - w2 * u0, n2 = u0 * w1 - w0 * u1;
        area += 0.5 * Math.sqrt(n0 * n0 + n1 * n1 + n2 * n2);
      }
    }
  }
  return { surfaceArea: area, volume: volume / 6, halfVoxels: halfVoxels.subarray(0, 3 * count), vertexCount: count };
}
