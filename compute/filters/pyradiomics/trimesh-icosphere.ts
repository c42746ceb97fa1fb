// trimesh.creation.icosphere(subdivisions, radius) as trimesh 5.2.0 builds it, vertex for vertex and bit for bit:
// the icosahedron of trimesh's resources/creation.json, then per subdivision remesh.subdivide (one midpoint per
// unique edge, edges ordered as grouping.unique_rows orders them) and the projection
// v += v/|v| · (radius − |v|); with no subdivision only the projection. pyradiomics' LBP3D samples the image at
// these vertices. Written here rather than taken from a library: no JavaScript package reproduces trimesh's
// vertex order, and the order is the order of the sums over the sphere.

/** trimesh resources/creation.json "icosahedron": 12 vertices, 20 faces. */
const A = 0.5257311121191336, B = 0.85065080835204;
const ICOSAHEDRON_VERTICES: readonly (readonly [number, number, number])[] = [
  [-A, B, 0], [A, B, 0], [-A, -B, 0], [A, -B, 0], [0, -A, B], [0, A, B], [0, -A, -B], [0, A, -B], [B, 0, -A], [B, 0, A], [-B, 0, -A], [-B, 0, A],
];
const ICOSAHEDRON_FACES: readonly (readonly [number, number, number])[] = [
  [0, 11, 5], [0, 5, 1], [0, 1, 7], [0, 7, 10], [0, 10, 11], [1, 5, 9], [5, 11, 4], [11, 10, 2], [10, 7, 6], [7, 1, 8],
  [3, 9, 4], [3, 4, 2], [3, 2, 6], [3, 6, 8], [3, 8, 9], [4, 9, 5], [2, 4, 11], [6, 2, 10], [8, 6, 7], [9, 8, 1],
];

interface Mesh {
  /** x, y, z per vertex, flat. */
  vertices: number[];
  faces: number[];
}

/**
 * remesh.subdivide: edges (f0,f1), (f1,f2), (f2,f0) of every face, each sorted; the unique ones in the order of
 * np.unique over unique_rows' row hash — (a + 2³¹) XOR ((b + 2³¹) << 32), i.e. by b, then a — each face split
 * into [f0, m01, m20], [m01, f1, m12], [m20, m12, f2], [m01, m12, m20]; midpoints (va + vb) / 2 appended.
 */
function subdivide(mesh: Mesh): Mesh {
  const nv = mesh.vertices.length / 3;
  const edgeKey = (p: number, q: number) => (p < q ? q * nv + p : p * nv + q); // b · nv + a: sorts by b, then a
  const keys = new Set<number>();
  for (let f = 0; f < mesh.faces.length; f += 3) {
    const [f0, f1, f2] = [mesh.faces[f]!, mesh.faces[f + 1]!, mesh.faces[f + 2]!];
    keys.add(edgeKey(f0, f1)).add(edgeKey(f1, f2)).add(edgeKey(f2, f0));
  }
  const unique = [...keys].sort((x, y) => x - y);
  const index = new Map(unique.map((k, u) => [k, nv + u]));
  const vertices = mesh.vertices.slice();
  for (const k of unique) {
    const a = k % nv, b = Math.floor(k / nv);
    for (let c = 0; c < 3; c++) vertices.push((mesh.vertices[3 * a + c]! + mesh.vertices[3 * b + c]!) / 2);
  }
  const faces: number[] = [];
  for (let f = 0; f < mesh.faces.length; f += 3) {
    const [f0, f1, f2] = [mesh.faces[f]!, mesh.faces[f + 1]!, mesh.faces[f + 2]!];
    const m0 = index.get(edgeKey(f0, f1))!, m1 = index.get(edgeKey(f1, f2))!, m2 = index.get(edgeKey(f2, f0))!;
    faces.push(f0, m0, m2, m0, f1, m1, m2, m1, f2, m0, m1, m2);
  }
  return { vertices, faces };
}

/** icosphere's projection onto the sphere: scalar = √(x² + y² + z²), v += (v / scalar) · (radius − scalar). */
function project(vertices: number[], radius: number): void {
  for (let v = 0; v < vertices.length; v += 3) {
    const x = vertices[v]!, y = vertices[v + 1]!, z = vertices[v + 2]!;
    const scalar = Math.sqrt(x * x + y * y + z * z);
    const step = radius - scalar;
    vertices[v] = x + (x / scalar) * step;
    vertices[v + 1] = y + (y / scalar) * step;
    vertices[v + 2] = z + (z / scalar) * step;
  }
}

/** The icosphere's vertices (x, y, z flat, trimesh's order): 10 · 4^subdivisions + 2 of them. */
export function icosphereVertices(subdivisions: number, radius: number): Float64Array {
  let mesh: Mesh = { vertices: ICOSAHEDRON_VERTICES.flat(), faces: ICOSAHEDRON_FACES.flat() };
  for (let s = 0; s < subdivisions; s++) {
    mesh = subdivide(mesh);
    project(mesh.vertices, radius);
  }
  if (subdivisions <= 0) project(mesh.vertices, radius);
  return Float64Array.from(mesh.vertices);
}
