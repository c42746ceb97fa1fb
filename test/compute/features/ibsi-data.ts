// Loads the IBSI chapter-1 digital phantom and its reference values from ../shared/data/ibsi1.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Mask, Volume } from "../../../compute/image/volume.js";
import { AXIAL } from "../../../compute/image/volume.js";
import { sharedDataDir } from "../image/dicom-test-data.js";

export const IBSI_DIR = sharedDataDir("ibsi1");

/** Minimal CSV parsing with quoted fields (the reference file quotes "2D, averaged"). */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const split = (line: string): string[] => {
    const out: string[] = [];
    let field = "", quoted = false;
    for (let c = 0; c < line.length; c++) {
      const ch = line[c]!;
      if (ch === '"') { if (quoted && line[c + 1] === '"') { field += '"'; c++; } else quoted = !quoted; }
      else if (ch === "," && !quoted) { out.push(field); field = ""; }
      else field += ch;
    }
    out.push(field);
    return out;
  };
  const header = split(lines[0]!);
  return lines.slice(1).map((l) => {
    const cells = split(l);
    return Object.fromEntries(header.map((h, n) => [h, cells[n] ?? ""]));
  });
}

export function readIbsiCsv(relative: string): Record<string, string>[] {
  return parseCsv(readFileSync(path.join(IBSI_DIR, relative), "utf8"));
}

export interface Phantom { readonly volume: Volume; readonly mask: Mask }

export function loadPhantom(): Phantom {
  const rows = readIbsiCsv("phantom_voxels.csv");
  const nx = 1 + Math.max(...rows.map((r) => Number(r.i_x)));
  const ny = 1 + Math.max(...rows.map((r) => Number(r.j_y)));
  const nz = 1 + Math.max(...rows.map((r) => Number(r.k_z)));
  const geometry = { size: [nx, ny, nz] as const, spacing: [2, 2, 2] as const, origin: [0, 0, 0] as const, direction: AXIAL };
  const data = new Float32Array(nx * ny * nz);
  const maskData = new Uint8Array(nx * ny * nz);
  for (const r of rows) {
    const v = Number(r.i_x) + nx * (Number(r.j_y) + ny * Number(r.k_z));
    data[v] = Number(r.intensity);
    maskData[v] = Number(r.mask);
  }
  return { volume: { geometry, data }, mask: { geometry, data: maskData } };
}

export interface ReferenceRow {
  readonly family: string;
  readonly feature: string;
  readonly ibsiCode: string;
  readonly value: number;
  /** undefined: compare at 3 significant figures. */
  readonly tolerance: number | undefined;
  readonly setting: string;
}

export function loadReferenceValues(): ReferenceRow[] {
  return readIbsiCsv("reference_values.csv").map((r) => ({
    family: r.family!, feature: r.feature!, ibsiCode: r.ibsi_code!, value: Number(r.value),
    tolerance: r.tolerance === "" ? undefined : Number(r.tolerance), setting: r.setting!,
  }));
}

/** Within tolerance, or equal after rounding both to 3 significant figures when no tolerance is given. */
export function matchesReference(ours: number, row: ReferenceRow): boolean {
  if (row.tolerance !== undefined) return Math.abs(ours - row.value) <= row.tolerance + 1e-12;
  if (row.value === 0) return Math.abs(ours) < 5e-13;
  return Number(ours.toPrecision(3)) === Number(row.value.toPrecision(3));
}
