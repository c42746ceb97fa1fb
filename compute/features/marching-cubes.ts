// Marching cubes on a binary mask at iso-level 0.5 (IBSI mesh-based morphology). The triangle table is
// derived here rather than transcribed: for each of the 256 corner configurations the surface crosses
// every cube edge whose corners differ, each cube face contributes segments between those crossings
// (an ambiguous face — diagonal corners inside — cuts off each inside corner separately, a rule that
// depends on the face alone so neighbouring cubes agree and the mesh is closed), segments chain into
// loops, and each loop is fanned into triangles (see outwardFan) with normals pointing out of the ROI.
import type { Vec3 } from "../image/volume.js";

/** Corner c of the unit cube sits at (c & 1, (c >> 1) & 1, (c >> 2) & 1). */
const corner = (c: number): Vec3 => [c & 1, (c >> 1) & 1, (c >> 2) & 1];

/** The 12 cube edges as corner pairs. */
export const CUBE_EDGES: readonly (readonly [number, number])[] = (() => {
  const edges: [number, number][] = [];
  for (let a = 0; a < 8; a++) for (const bit of [1, 2, 4]) if ((a & bit) === 0) edges.push([a, a | bit]);
  return edges;
})();

function edgeIndex(a: number, b: number): number {
  const [lo, hi] = a < b ? [a, b] : [b, a];
  return CUBE_EDGES.findIndex(([x, y]) => x === lo && y === hi);
}

/** The 6 faces, each as 4 corners counter-clockwise when seen from outside the cube. */
const CUBE_FACES: readonly (readonly number[])[] = (() => {
  // For axis a and side s, in-plane axes (u, w) are chosen so that u × w points outwards.
  const faces: number[][] = [];
  const planes: [number, number, number, number][] = [
    [0, 0, 2, 1], [0, 1, 1, 2], [1, 0, 0, 2], [1, 1, 2, 0], [2, 0, 1, 0], [2, 1, 0, 1],
  ];
  for (const [axis, side, u, w] of planes) {
    const square: [number, number][] = [[0, 0], [1, 0], [1, 1], [0, 1]];
    faces.push(square.map(([pu, pw]) => (side << axis) | (pu << u) | (pw << w)));
  }
  return faces;
})();

const midpoint = (e: number): Vec3 => {
  const [a, b] = CUBE_EDGES[e]!;
  const pa = corner(a), pb = corner(b);
  return [(pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2, (pa[2] + pb[2]) / 2];
};

/** Edge loops of the surface for one configuration (bit c set = corner c inside). */
function surfaceLoops(config: number): number[][] {
  const inside = (c: number) => ((config >> c) & 1) === 1;
  const next = new Int32Array(12).fill(-1);
  for (const face of CUBE_FACES) {
    // Crossings in counter-clockwise order: entry (outside -> inside) or exit (inside -> outside).
    const crossings: { edge: number; entry: boolean }[] = [];
    for (let n = 0; n < 4; n++) {
      const a = face[n]!, b = face[(n + 1) % 4]!;
      if (inside(a) !== inside(b)) crossings.push({ edge: edgeIndex(a, b), entry: inside(b) });
    }
    // Pair each entry with the next exit counter-clockwise: this cuts off each inside corner.
    crossings.forEach((c, n) => {
      if (!c.entry) return;
      for (let m = 1; m < crossings.length; m++) {
        const d = crossings[(n + m) % crossings.length]!;
        if (!d.entry) { next[c.edge] = d.edge; break; }
      }
    });
  }
  const loops: number[][] = [];
  const used = new Uint8Array(12);
  for (let start = 0; start < 12; start++) {
    if (next[start] === -1 || used[start]) continue;
    const loop: number[] = [];
    for (let e = start; !used[e]; e = next[e]!) { used[e] = 1; loop.push(e); }
    loops.push(loop);
  }
  return loops.map((loop) => orientOutwards(loop, inside));
}

/** Reverses a loop if its normal points into the ROI (from outside corners towards inside ones). */
function orientOutwards(loop: number[], inside: (c: number) => boolean): number[] {
  const p = loop.map(midpoint);
  let nx = 0, ny = 0, nz = 0, ox = 0, oy = 0, oz = 0;
  for (let n = 0; n < p.length; n++) {
    const a = p[n]!, b = p[(n + 1) % p.length]!;
    nx += a[1] * b[2] - a[2] * b[1];
    ny += a[2] * b[0] - a[0] * b[2];
    nz += a[0] * b[1] - a[1] * b[0];
    const [c0, c1] = CUBE_EDGES[loop[n]!]!;
    const [cin, cout] = inside(c0) ? [corner(c0), corner(c1)] : [corner(c1), corner(c0)];
    ox += cout[0] - cin[0]; oy += cout[1] - cin[1]; oz += cout[2] - cin[2];
  }
  return nx * ox + ny * oy + nz * oz >= 0 ? loop : [...loop].reverse();
}

/** 6 × the signed volume between a loop's fan triangulation and the cube origin. */
function fanVolume(loop: number[]): number {
  let v = 0;
  const p = loop.map(midpoint);
  for (let n = 1; n + 1 < p.length; n++) {
    const a = p[0]!, b = p[n]!, c = p[n + 1]!;
    v += a[0] * (b[1] * c[2] - b[2] * c[1]) + a[1] * (b[2] * c[0] - b[0] * c[2]) + a[2] * (b[0] * c[1] - b[1] * c[0]);
  }
  return v;
}
/**
 * Loops of more than three vertices are not planar in general, so the triangulation matters: fan from
 * the vertex that encloses the most volume (the surface bulges outwards rather than inwards). This is
 * what reproduces the IBSI consensus mesh volume and area of the digital phantom (556 mm³, 388 mm²).
 */
function outwardFan(loop: number[]): number[] {
  let best = loop, bestVolume = -Infinity;
  for (let r = 0; r < loop.length; r++) {
    const candidate = [...loop.slice(r), ...loop.slice(0, r)];
    const volume = fanVolume(candidate);
    if (volume > bestVolume + 1e-12) { bestVolume = volume; best = candidate; }
  }
  return best;
}

const MAX_TRIANGLE_EDGES = 36;
/** TRIANGLES[config * 36 + t]: edge indices of triangle vertices, -1 terminated. */
export const TRIANGLES: Int8Array = (() => {
  const table = new Int8Array(256 * MAX_TRIANGLE_EDGES).fill(-1);
  for (let config = 0; config < 256; config++) {
    let o = config * MAX_TRIANGLE_EDGES;
    for (const loop of surfaceLoops(config).map(outwardFan)) {
      for (let n = 1; n + 1 < loop.length; n++) { table[o++] = loop[0]!; table[o++] = loop[n]!; table[o++] = loop[n + 1]!; }
    }
  }
  return table;
})();

export interface MeshMeasures {
  /** |Σ a·(b×c)| / 6 over faces (mm³). */
  readonly volume: number;
  /** Σ |ab × bc| / 2 over faces (mm²). */
  readonly area: number;
  readonly faceCount: number;
}

/**
 * Mesh volume and area of a mask on a grid whose outermost layer is empty (so the mesh closes).
 * Streams over cubes without storing triangles: linear in the grid size.
 */
export function meshMeasures(mask: Uint8Array, size: Vec3, spacing: Vec3): MeshMeasures {
  const [nx, ny, nz] = size;
  const [sx, sy, sz] = spacing;
  const cornerOffset = Array.from({ length: 8 }, (_, c) => (c & 1) + nx * (((c >> 1) & 1) + ny * ((c >> 2) & 1)));
  // Edge midpoints in cube-local voxel units.
  const mid = Array.from({ length: 12 }, (_, e) => midpoint(e));
  let signedVolume = 0, area = 0, faceCount = 0;
  for (let k = 0; k + 1 < nz; k++) for (let j = 0; j + 1 < ny; j++) {
    const row = nx * (j + ny * k);
    for (let i = 0; i + 1 < nx; i++) {
      const v = row + i;
      let config = 0;
      for (let c = 0; c < 8; c++) if (mask[v + cornerOffset[c]!] !== 0) config |= 1 << c;
      if (config === 0 || config === 255) continue;
      for (let t = config * MAX_TRIANGLE_EDGES; TRIANGLES[t] !== -1; t += 3) {
        const a = mid[TRIANGLES[t]!]!, b = mid[TRIANGLES[t + 1]!]!, c = mid[TRIANGLES[t + 2]!]!;
        const ax = (i + a[0]) * sx, ay = (j + a[1]) * sy, az = (k + a[2]) * sz;
        const bx = (i + b[0]) * sx, by = (j + b[1]) * sy, bz = (k + b[2]) * sz;
        const cx = (i + c[0]) * sx, cy = (j + c[1]) * sy, cz = (k + c[2]) * sz;
        signedVolume += ax * (by * cz - bz * cy) + ay * (bz * cx - bx * cz) + az * (bx * cy - by * cx);
        const ux = bx - ax, uy = by - ay, uz = bz - az, wx = cx - bx, wy = cy - by, wz = cz - bz;
        const nxv = uy * wz - uz * wy, nyv = uz * wx - ux * wz, nzv = ux * wy - uy * wx;
        area += Math.sqrt(nxv * nxv + nyv * nyv + nzv * nzv) / 2;
        faceCount++;
      }
    }
  }
  return { volume: Math.abs(signedVolume) / 6, area, faceCount };
}

/**
 * Mesh vertices (mm, grid-local): the midpoints of all lattice edges whose two voxels differ —
 * exactly the vertices marching cubes places. Returned flat [x0, y0, z0, x1, …].
 */
export function meshVertices(mask: Uint8Array, size: Vec3, spacing: Vec3): Float64Array {
  const [nx, ny, nz] = size;
  const [sx, sy, sz] = spacing;
  const out: number[] = [];
  for (let k = 0; k < nz; k++) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
    const v = i + nx * (j + ny * k);
    const m = mask[v] !== 0;
    if (i + 1 < nx && m !== (mask[v + 1] !== 0)) out.push((i + 0.5) * sx, j * sy, k * sz);
    if (j + 1 < ny && m !== (mask[v + nx] !== 0)) out.push(i * sx, (j + 0.5) * sy, k * sz);
    if (k + 1 < nz && m !== (mask[v + nx * ny] !== 0)) out.push(i * sx, j * sy, (k + 0.5) * sz);
  }
  return Float64Array.from(out);
}
