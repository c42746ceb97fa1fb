// Scanline rasterisation of closed polygons by the crossing-number (even-odd) rule at pixel centres.
// Polygons are in continuous pixel-index coordinates: x = column, y = row, pixel (c, r) has its
// centre at (c, r). All polygons of one call combine by even-odd (XOR), so holes and keyholes work.

/** A closed polygon as x0,y0,x1,y1,… in pixel-index coordinates; the closing edge is implied. */
export type PixelPolygon = Float64Array;

/**
 * Sets target[offset + r·columns + c] = 1 for each pixel centre inside the polygons (even-odd over
 * all of them). A centre is inside when a ray towards +x crosses an odd number of edges; an edge
 * counts for row r when exactly one end lies above r ((y1 > r) ≠ (y2 > r)), so horizontal edges never do.
 */
export function fillPolygonsEvenOdd(
  polygons: readonly PixelPolygon[],
  size: { readonly columns: number; readonly rows: number },
  target: Uint8Array,
  offset: number,
): void {
  const { firstRow, lastRow } = rowRange(polygons, size.rows);
  const crossings: number[] = [];
  for (let row = firstRow; row <= lastRow; row++) {
    crossings.length = 0;
    for (const polygon of polygons) collectCrossings(polygon, row, crossings);
    crossings.sort((a, b) => a - b);
    for (let m = 0; m + 1 < crossings.length; m += 2) {
      // Centre c is inside when an odd number of crossings lie at or left of it: x[2m] ≤ c < x[2m+1].
      const from = Math.max(0, Math.ceil(crossings[m]!));
      const to = Math.min(size.columns - 1, Math.ceil(crossings[m + 1]!) - 1);
      const rowStart = offset + row * size.columns;
      for (let column = from; column <= to; column++) target[rowStart + column] = 1;
    }
  }
}

function collectCrossings(polygon: PixelPolygon, row: number, crossings: number[]): void {
  const vertexCount = polygon.length / 2;
  let x1 = polygon[2 * (vertexCount - 1)]!;
  let y1 = polygon[2 * (vertexCount - 1) + 1]!;
  for (let v = 0; v < vertexCount; v++) {
    const x2 = polygon[2 * v]!;
    const y2 = polygon[2 * v + 1]!;
    if (y1 > row !== y2 > row) crossings.push(x1 + ((row - y1) * (x2 - x1)) / (y2 - y1));
    x1 = x2;
    y1 = y2;
  }
}

function rowRange(polygons: readonly PixelPolygon[], rows: number): { firstRow: number; lastRow: number } {
  let minY = Infinity;
  let maxY = -Infinity;
  for (const polygon of polygons) {
    for (let v = 1; v < polygon.length; v += 2) {
      minY = Math.min(minY, polygon[v]!);
      maxY = Math.max(maxY, polygon[v]!);
    }
  }
  return { firstRow: Math.max(0, Math.floor(minY)), lastRow: Math.min(rows - 1, Math.ceil(maxY)) };
}
