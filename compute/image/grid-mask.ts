// A mask on an image grid (possibly irregular), indexed like a Mask: i + columns·(j + rows·k),
// k in the grid's slice order. A regular grid turns it into a volume Mask with a Geometry.

import type { Mask } from "./volume.js";
import { gridGeometry, type ImageGrid } from "./image-grid.js";

export interface GridMask {
  readonly grid: ImageGrid;
  readonly data: Uint8Array;
}

export function emptyGridMask(grid: ImageGrid): GridMask {
  return { grid, data: new Uint8Array(grid.rows * grid.columns * grid.slices.length) };
}

/** The volume Mask of a grid mask; throws SeriesGeometryError when the grid's slice spacing is irregular. */
export function toVolumeMask(mask: GridMask): Mask {
  return { geometry: gridGeometry(mask.grid), data: mask.data };
}
