// Zones and edge distances (GLSZM/GLDZM building blocks) on volumes the phantom cannot discriminate.
import { expect, test } from "vitest";
import { prepareInput } from "../../../compute/features/compute-features.js";
import { edgeDistanceMap, forEachZone, zoneScratch } from "../../../compute/features/zones.js";
import type { Mask } from "../../../compute/image/volume.js";
import { AXIAL } from "../../../compute/image/volume.js";
import { volumeOn } from "./shapes.js";

function roiOf(size: [number, number, number], inside: (i: number, j: number, k: number) => boolean, intensity: (i: number, j: number, k: number) => number) {
  const geometry = { size, spacing: [1, 1, 1] as const, origin: [0, 0, 0] as const, direction: AXIAL };
  const data = new Uint8Array(size[0] * size[1] * size[2]);
  let v = 0;
  for (let k = 0; k < size[2]; k++) for (let j = 0; j < size[1]; j++) for (let i = 0; i < size[0]; i++, v++) data[v] = inside(i, j, k) ? 1 : 0;
  const mask: Mask = { geometry, data };
  return prepareInput(volumeOn(mask, intensity), mask, { discretisation: { method: "none" } }).roi!;
}

test("edge distance is face-connected (Manhattan), 1 at the border, not Chebyshev", () => {
  // A 3×3 in-plane block with one corner punched out: the centre is 2 face steps from outside.
  const roi = roiOf([3, 3, 1], (i, j) => !(i === 0 && j === 0), () => 1);
  const d = edgeDistanceMap(roi, true);
  const at = (i: number, j: number) => d[i + roi.margin + roi.size[0] * (j + roi.margin + roi.size[1] * roi.margin)]!;
  expect(at(1, 1)).toBe(2);
  expect(at(1, 0)).toBe(1);
  // In 3D a single slice is all border.
  const d3 = edgeDistanceMap(roi, false);
  expect(Math.max(...d3)).toBe(1);
});

test("zones are 26-connected in 3D and 8-connected in 2D; a diagonal pair is one zone", () => {
  const roi = roiOf([2, 2, 2], () => true, (i, j, k) => ((i + j + k) % 2 === 0 ? 1 : 2));
  const zones: [number, number][] = [];
  forEachZone(roi, undefined, zoneScratch(roi), (level, size) => zones.push([level, size]));
  expect(zones.sort()).toEqual([[1, 4], [2, 4]]);
  const slice: [number, number][] = [];
  forEachZone(roi, roi.margin, zoneScratch(roi), (level, size) => slice.push([level, size]));
  expect(slice.sort()).toEqual([[1, 2], [2, 2]]);
});
