// pyradiomics 3.0.1's own surface mesh, as its C extension builds it (radiomics/src/cshape.c,
// `calculate_coefficients`; read from the pyradiomics 3.0.1 sdist, re-implemented here, not copied):
// - marching cubes over the mask padded by one empty voxel, visiting cubes z-outer, x-inner (numpy order);
//   a cube whose last corner (corner 7, offset z+1, y+1, x) is set is complemented first, so a 128-entry
//   table suffices, and its tetrahedron volumes change sign;
// - its own corner numbering and triangle table (Lorensen & Cline's classic table, TRIANGLES below): on
//   faces with two diagonal corners set it separates them when fewer than half the cube's corners are set
//   and joins them otherwise — unlike the IBSI mesh (marching-cubes.ts), which always separates them;
// - MeshVolume = Σ a·(b×c) / 6 with vertices relative to the padded grid's corner, SurfaceArea = Σ |(a−c)×(b−c)| / 2;
// - vertices (edge midpoints between a set and an unset voxel) in (z, y, x) mm for the diameters.
// Coordinates and sums are evaluated in pyradiomics' order, so the values match it to the last bits.
import type { Vec3 } from "../image/volume.js";

/** Corner offsets (dz, dy, dx) of pyradiomics' cube corners 0–7. */
const CORNERS: readonly Vec3[] = [[0, 0, 0], [0, 0, 1], [0, 1, 1], [0, 1, 0], [1, 0, 0], [1, 0, 1], [1, 1, 1], [1, 1, 0]];

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

/** TRIANGLE_TABLE as edge numbers, 16 slots per configuration, −1 after the last triangle. */
const TRIANGLES: Int8Array = (() => {
  const table = new Int8Array(128 * 16).fill(-1);
  TRIANGLE_TABLE.forEach((code, config) => { for (let n = 0; n < code.length; n++) table[16 * config + n] = parseInt(code[n]!, 16); });
  return table;
})();

/** The edges (6, 7, 11) at corner 7 whose vertex a cube stores, and the corner (6, 4, 3) whose being set puts one there. */
const STORED_EDGES: readonly (readonly [corner: number, edge: number])[] = [[6, 6], [4, 7], [3, 11]];

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
  const s = [spacing[2], spacing[1], spacing[0]] as const; // pyradiomics' (z, y, x) spacing
  const offsets = CORNERS.map(([dz, dy, dx]) => dz * nx * ny + dy * nx + dx);
  const mid = EDGE_MIDPOINTS.map((h) => h.map((c) => c / 2));
  let halfVoxels = new Int32Array(3 * 1024);
  let count = 0;
  let area = 0, volume = 0;
  const a = [0, 0, 0], b = [0, 0, 0], c = [0, 0, 0];
  for (let iz = 0; iz + 1 < nz; iz++) for (let iy = 0; iy + 1 < ny; iy++) {
    const row = nx * (iy + ny * iz);
    for (let ix = 0; ix + 1 < nx; ix++) {
      const v = row + ix;
      let config = 0;
      for (let corner = 0; corner < 8; corner++) if (mask[v + offsets[corner]!] !== 0) config |= 1 << corner;
      if (config === 0 || config === 255) continue;
      let sign = 1;
      if (config & 0x80) { config ^= 0xff; sign = -1; }
      for (const [corner, edge] of STORED_EDGES) {
        if (!(config & (1 << corner))) continue;
        if (3 * count + 3 > halfVoxels.length) { const grown = new Int32Array(2 * halfVoxels.length); grown.set(halfVoxels); halfVoxels = grown; }
        const h = EDGE_MIDPOINTS[edge]!;
        halfVoxels[3 * count] = 2 * iz + h[0]; halfVoxels[3 * count + 1] = 2 * iy + h[1]; halfVoxels[3 * count + 2] = 2 * ix + h[2];
        count++;
      }
      for (let t = 16 * config; t < 16 * config + 16 && TRIANGLES[t]! >= 0; t += 3) {
        const ea = mid[TRIANGLES[t]!]!, eb = mid[TRIANGLES[t + 1]!]!, ec = mid[TRIANGLES[t + 2]!]!;
        a[0] = (iz + ea[0]!) * s[0]; a[1] = (iy + ea[1]!) * s[1]; a[2] = (ix + ea[2]!) * s[2];
        b[0] = (iz + eb[0]!) * s[0]; b[1] = (iy + eb[1]!) * s[1]; b[2] = (ix + eb[2]!) * s[2];
        c[0] = (iz + ec[0]!) * s[0]; c[1] = (iy + ec[1]!) * s[1]; c[2] = (ix + ec[2]!) * s[2];
        // Signed tetrahedron volume with the grid corner: (a × b) · c (÷ 6 at the end).
        volume += sign * ((a[1]! * b[2]! - b[1]! * a[2]!) * c[0]! + (a[2]! * b[0]! - b[2]! * a[0]!) * c[1]! + (a[0]! * b[1]! - b[0]! * a[1]!) * c[2]!);
        // Triangle area: |(a − c) × (b − c)| / 2.
        const u0 = a[0]! - c[0]!, u1 = a[1]! - c[1]!, u2 = a[2]! - c[2]!, w0 = b[0]! - c[0]!, w1 = b[1]! - c[1]!, w2 = b[2]! - c[2]!;
        const n0 = u1 * w2 - w1 * u2, n1 = u2 * w0 - w2 * u0, n2 = u0 * w1 - w0 * u1;
        area += 0.5 * Math.sqrt(n0 * n0 + n1 * n1 + n2 * n2);
      }
    }
  }
  return { surfaceArea: area, volume: volume / 6, halfVoxels: halfVoxels.subarray(0, 3 * count), vertexCount: count };
}
