// The pyradiomics 3.0.1 filtered-image fixture (scripts/fixtures/pyradiomics-filtered-features.py): volume,
// label map, and per case the params text, pyradiomics' features and its diagnostics_* values.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Geometry, Mask, Volume } from "../../../compute/image/volume.js";

export interface FilteredCase {
  readonly name: string;
  readonly params: string;
  readonly features: Readonly<Record<string, number>>;
  readonly diagnostics: Readonly<Record<string, unknown>>;
}

const raw = JSON.parse(readFileSync(path.join(import.meta.dirname, "fixtures/pyradiomics-filtered-features.json"), "utf8"));
const geometry: Geometry = { size: raw.image.size, spacing: raw.image.spacing, origin: raw.image.origin, direction: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] };

export const filteredVolume: Volume = { geometry, data: Float32Array.from(raw.image.data) };
export const filteredMask: Mask = { geometry, data: Uint8Array.from(raw.mask.data) };
export const filteredCases: readonly FilteredCase[] = raw.cases;
export const filteredVersions: Readonly<Record<string, string>> = raw.versions;
