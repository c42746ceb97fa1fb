// Zones (connected voxels of equal grey level, 26-connected in 3D, 8-connected in 2D) and the distance
// of ROI voxels to the ROI edge, shared by GLSZM and GLDZM.
import { chebyshevOffsets, faceOffsets } from "./neighbourhood.js";
import type { RoiGrid } from "./roi.js";

/** Voxel index range of slice k, or the whole grid. */
export function voxelRange(roi: RoiGrid, k: number | undefined): { from: number; to: number } {
  const plane = roi.size[0] * roi.size[1];
  return k === undefined ? { from: 0, to: roi.greyLevels.length } : { from: k * plane, to: (k + 1) * plane };
}

/**
 * Calls visit(greyLevel, size, minimumEdgeDistance) once per zone in slice k (2D) or the volume (3D).
 * `edgeDistance` may be omitted (distance reported as 0). Scratch arrays are reused by the caller.
 */
export function forEachZone(
  roi: RoiGrid,
  k: number | undefined,
  scratch: ZoneScratch,
  visit: (level: number, size: number, minimumDistance: number) => void,
  edgeDistance?: Int32Array,
): void {
  const g = roi.greyLevels;
  const offsets = k === undefined ? scratch.offsets3D : scratch.offsets2D;
  const { from, to } = voxelRange(roi, k);
  const seen = scratch.seen;
  const stack = scratch.stack;
  seen.fill(0, from, to);
  for (let v = from; v < to; v++) {
    const level = g[v]!;
    if (level === 0 || seen[v] !== 0) continue;
    let top = 0, size = 0, minimumDistance = Infinity;
    stack[top++] = v;
    seen[v] = 1;
    while (top > 0) {
      const u = stack[--top]!;
      size++;
      if (edgeDistance && edgeDistance[u]! < minimumDistance) minimumDistance = edgeDistance[u]!;
      for (let n = 0; n < offsets.length; n++) {
        const w = u + offsets[n]!;
        if (seen[w] === 0 && g[w] === level) { seen[w] = 1; stack[top++] = w; }
      }
    }
    visit(level, size, edgeDistance ? minimumDistance : 0);
  }
}

export interface ZoneScratch {
  readonly seen: Uint8Array;
  readonly stack: Int32Array;
  readonly offsets2D: Int32Array;
  readonly offsets3D: Int32Array;
}

export function zoneScratch(roi: RoiGrid): ZoneScratch {
  return {
    seen: new Uint8Array(roi.greyLevels.length),
    stack: new Int32Array(roi.greyLevels.length),
    offsets2D: chebyshevOffsets(roi.size, 1, true),
    offsets3D: chebyshevOffsets(roi.size, 1, false),
  };
}

/**
 * Distance of each morphological-mask voxel to the ROI edge (IBSI GLDZM): 1 for voxels with a face
 * neighbour outside the ROI, growing by one per face step (Manhattan distance, 6-connected in 3D,
 * 4-connected in-plane in 2D). Voxels outside the ROI hold 0. Breadth-first, linear in the grid size.
 */
export function edgeDistanceMap(roi: RoiGrid, twoDimensional: boolean): Int32Array {
  const mask = roi.morphologicalMask;
  const distance = new Int32Array(mask.length);
  const queue = new Int32Array(mask.length);
  const offsets = faceOffsets(roi.size, twoDimensional);
  let head = 0, tail = 0;
  for (let v = 0; v < mask.length; v++) {
    if (mask[v] === 0) continue;
    for (let n = 0; n < offsets.length; n++) {
      if (mask[v + offsets[n]!] === 0) { distance[v] = 1; queue[tail++] = v; break; }
    }
  }
  while (head < tail) {
    const u = queue[head++]!;
    for (let n = 0; n < offsets.length; n++) {
      const w = u + offsets[n]!;
      if (mask[w] !== 0 && distance[w] === 0) { distance[w] = distance[u]! + 1; queue[tail++] = w; }
    }
  }
  return distance;
}
