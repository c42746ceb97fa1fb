// The pyradiomics 3.0.1 reference fixture (scripts/fixtures/pyradiomics_profile_reference.py) as a volume,
// a label-map mask and the cases with their params text and pyradiomics' values.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import type { FeatureResult } from "../../../compute/features/types.js";
import type { Geometry, Mask, Volume } from "../../../compute/image/volume.js";

export interface ReferenceCase { readonly name: string; readonly params: string; readonly features: Readonly<Record<string, number>> }

const raw = JSON.parse(readFileSync(path.join(import.meta.dirname, "fixtures/pyradiomics-profile-reference.json"), "utf8"));
const geometry: Geometry = { size: raw.image.size, spacing: raw.image.spacing, origin: [0, 0, 0], direction: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] };

export const referenceVolume: Volume = { geometry, data: Float32Array.from(raw.image.data) };
export const referenceMask: Mask = { geometry, data: Uint8Array.from(raw.mask.data) };
export const referenceCases: readonly ReferenceCase[] = raw.cases;
export const referenceVersions: Readonly<Record<string, string>> = raw.versions;

export function referenceCase(name: string): ReferenceCase {
  const found = referenceCases.find((c) => c.name === name);
  if (!found) throw new Error(`no reference case '${name}'`);
  return found;
}

/**
 * |ours − pyradiomics| / |pyradiomics|, the relative difference held to 1e-6. One exception, stated:
 * pyradiomics adds machine epsilon inside log2 (log2(p + eps)), so an entropy that is exactly 0 comes out
 * as about −3.2e-16; both values within 4 eps of zero count as equal (difference 0).
 */
export function relativeDifference(ours: number, reference: number): number {
  if (Math.abs(ours) <= 4 * Number.EPSILON && Math.abs(reference) <= 4 * Number.EPSILON) return 0;
  return Math.abs(ours - reference) / Math.abs(reference);
}

/** Every feature pyradiomics returned, nothing else, each within `tolerance` relative; logs the worst difference. */
export function expectPyradiomicsParity(caseName: string, results: readonly FeatureResult[], reference: Readonly<Record<string, number>>, tolerance = 1e-6): void {
  const ours = new Map(results.map((r) => [r.key, r]));
  expect([...ours.keys()].sort()).toEqual(Object.keys(reference).sort());
  let worst = { key: "", rel: 0 };
  const bad: string[] = [];
  for (const [key, value] of Object.entries(reference)) {
    const r = ours.get(key)!;
    if (r.value === undefined) { bad.push(`${key}: undefined (${r.undefinedReason}) vs ${value}`); continue; }
    const rel = relativeDifference(r.value, value);
    if (rel > worst.rel) worst = { key, rel };
    if (!(rel <= tolerance)) bad.push(`${key}: ${r.value} vs ${value} (${rel.toExponential(2)})`);
  }
  console.log(`${caseName}: ${ours.size} features, worst relative difference ${worst.rel.toExponential(2)} (${worst.key})`);
  expect(bad).toEqual([]);
}
