// The phantom's 3D texture matrices against the IBSI reference matrices (texture_matrices/*.csv):
// every reference entry must appear with the same count, and we must hold no extra entries.
import { describe, expect, test } from "vitest";
import { prepareInput } from "../../../compute/features/compute-features.js";
import { DenseCountMatrix, SparseCountMatrix, type CountEntries } from "../../../compute/features/count-matrix.js";
import { buildGlcm } from "../../../compute/features/glcm.js";
import { buildGlrlm } from "../../../compute/features/glrlm.js";
import { chebyshevOffsets } from "../../../compute/features/neighbourhood.js";
import { buildNgldm } from "../../../compute/features/ngldm.js";
import { NgtdmMatrix, buildNgtdm } from "../../../compute/features/ngtdm.js";
import type { RoiGrid } from "../../../compute/features/roi.js";
import { DIRECTIONS_3D } from "../../../compute/features/texture-aggregation.js";
import { edgeDistanceMap, forEachZone, zoneScratch } from "../../../compute/features/zones.js";
import { loadPhantom, readIbsiCsv } from "./ibsi-data.js";

const { volume, mask } = loadPhantom();
const roi: RoiGrid = prepareInput(volume, mask, { discretisation: { method: "fixedBinSize", binWidth: 1 } }).roi!;
const ng = roi.numberOfGreyLevels;

/** Our entries as "i,j" → count. */
function entriesOf(m: CountEntries): Map<string, number> {
  const out = new Map<string, number>();
  m.forEach((i, j, n) => out.set(`${i},${j}`, (out.get(`${i},${j}`) ?? 0) + n));
  return out;
}

/** Reference entries as "i,j" → count from a CSV with columns [i, column, count]. */
function referenceOf(file: string, columns: readonly [string, string, string]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of readIbsiCsv(`texture_matrices/${file}`)) out.set(`${Number(r[columns[0]])},${Number(r[columns[1]])}`, Number(r[columns[2]]));
  return out;
}

function expectSameEntries(ours: Map<string, number>, reference: Map<string, number>, precision = 9): void {
  expect([...ours.keys()].sort()).toEqual([...reference.keys()].sort());
  for (const [key, value] of reference) expect(ours.get(key), key).toBeCloseTo(value, precision);
}

describe("IBSI phantom texture matrices (3D)", () => {
  test("GLCM, 13 directions merged, symmetric, δ = 1", () => {
    const merged = new DenseCountMatrix(ng, ng), one = new DenseCountMatrix(ng, ng);
    for (const d of DIRECTIONS_3D) { buildGlcm(roi, d, undefined, 1, one); merged.merge(one); }
    expectSameEntries(entriesOf(merged), referenceOf("glcm_3D_merged.csv", ["i", "j", "n"]));
  });

  test("GLRLM, 13 directions merged", () => {
    const maxRun = Math.max(...roi.size);
    const merged = new DenseCountMatrix(ng, maxRun), one = new DenseCountMatrix(ng, maxRun);
    for (const d of DIRECTIONS_3D) { buildGlrlm(roi, d, undefined, one); merged.merge(one); }
    expectSameEntries(entriesOf(merged), referenceOf("glrlm_3D_merged.csv", ["i", "r", "n"]));
  });

  test("GLSZM, 26-connected zones", () => {
    const m = new SparseCountMatrix(ng);
    forEachZone(roi, undefined, zoneScratch(roi), (level, size) => m.add(level, size));
    expectSameEntries(entriesOf(m), referenceOf("glszm_3D.csv", ["i", "s", "n"]));
  });

  test("GLDZM, zone distance to the ROI edge", () => {
    const m = new DenseCountMatrix(ng, 8);
    forEachZone(roi, undefined, zoneScratch(roi), (level, _size, d) => m.add(level, d), edgeDistanceMap(roi, false));
    expectSameEntries(entriesOf(m), referenceOf("gldzm_3D.csv", ["i", "d", "n"]));
  });

  test("NGTDM, 26-neighbourhood: s_i and n_i", () => {
    const m = new NgtdmMatrix(ng);
    buildNgtdm(roi, undefined, chebyshevOffsets(roi.size, 1, false), m);
    const reference = readIbsiCsv("texture_matrices/ngtdm_3D.csv");
    const present = [...m.n.keys()].filter((i) => m.n[i]! > 0);
    expect(present).toEqual(reference.map((r) => Number(r.i)));
    for (const r of reference) {
      const i = Number(r.i);
      expect(m.n[i]).toBe(Number(r.n));
      expect(m.s[i]).toBeCloseTo(Number(r.s), 5);
    }
  });

  test("NGLDM, 26-neighbourhood, α = 0", () => {
    const offsets = chebyshevOffsets(roi.size, 1, false);
    const m = new DenseCountMatrix(ng, offsets.length + 1);
    buildNgldm(roi, undefined, offsets, 0, m);
    expectSameEntries(entriesOf(m), referenceOf("ngldm_3D.csv", ["i", "j", "s"]));
  });
});
