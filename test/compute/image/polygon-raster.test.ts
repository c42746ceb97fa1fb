import { describe, expect, it } from "vitest";
import { fillPolygonsEvenOdd } from "../../../compute/image/polygon-raster.js";

const SIZE = { columns: 10, rows: 8 };

function fill(...polygons: number[][]): Uint8Array {
  const target = new Uint8Array(SIZE.columns * SIZE.rows);
  fillPolygonsEvenOdd(polygons.map((p) => Float64Array.from(p)), SIZE, target, 0);
  return target;
}

function inside(mask: Uint8Array): [number, number][] {
  const cells: [number, number][] = [];
  mask.forEach((value, index) => value && cells.push([index % SIZE.columns, Math.floor(index / SIZE.columns)]));
  return cells;
}

const square = (x0: number, y0: number, x1: number, y1: number) => [x0, y0, x1, y0, x1, y1, x0, y1];

describe("pixel-centre even-odd rasterisation", () => {
  it("a square on pixel corners covers exactly the centres inside it", () => {
    expect(inside(fill(square(1.5, 1.5, 4.5, 3.5)))).toEqual([[2, 2], [3, 2], [4, 2], [2, 3], [3, 3], [4, 3]]);
  });

  it("winding direction does not matter", () => {
    expect(fill([1.5, 1.5, 1.5, 3.5, 4.5, 3.5, 4.5, 1.5])).toEqual(fill(square(1.5, 1.5, 4.5, 3.5)));
  });

  it("two nested contours on one slice make a hole (XOR)", () => {
    const ring = fill(square(0.5, 0.5, 6.5, 6.5), square(2.5, 2.5, 4.5, 4.5));
    expect(inside(ring)).toHaveLength(36 - 4);
    expect(ring[3 + 3 * SIZE.columns]).toBe(0);
  });

  it("overlapping contours cancel where they overlap (even-odd), as the reference rasteriser does", () => {
    const both = fill(square(0.5, 0.5, 3.5, 3.5), square(2.5, 0.5, 5.5, 3.5));
    expect(inside(both)).toHaveLength(9 + 9 - 2 * 3);
  });

  it("a keyhole polygon (outer and inner outline joined by a zero-width slit) is a ring", () => {
    // outer 0.5…6.5 clockwise, slit along y = 3.5 (pixel corners), inner 2.5…4.5 counter-clockwise
    const keyhole = [0.5, 0.5, 6.5, 0.5, 6.5, 6.5, 0.5, 6.5, 0.5, 3.5, 2.5, 3.5, 2.5, 4.5, 4.5, 4.5, 4.5, 2.5, 2.5, 2.5, 2.5, 3.5, 0.5, 3.5];
    expect(fill(keyhole)).toEqual(fill(square(0.5, 0.5, 6.5, 6.5), square(2.5, 2.5, 4.5, 4.5)));
  });

  it("polygons reaching outside the image are clipped", () => {
    expect(inside(fill(square(-5, -5, 1.5, 0.5)))).toEqual([[0, 0], [1, 0]]);
    expect(inside(fill(square(20, 20, 30, 30)))).toEqual([]);
  });

  it("a triangle: centres strictly inside only", () => {
    expect(inside(fill([0.5, 0.5, 6.5, 0.5, 0.5, 6.5]))).toHaveLength(15);
  });
});
