// Terms shared by GLRLM, GLSZM, GLDZM and NGLDM: all four score a matrix of counts r(i, j) — grey level
// i against run length / zone size / zone distance / dependence count j — with the same formulas.
import type { CountEntries } from "./count-matrix.js";
import { valueOf, type FeatureFamily, type FeatureFormula } from "./types.js";

export interface SizeMatrixTerms {
  /** N_s: total count (runs, zones, voxels). */
  readonly total: number;
  /** N_v: voxels the matrix was built from. */
  readonly voxelCount: number;
  readonly smallEmphasis: number;      // Σ r/j² / N_s
  readonly largeEmphasis: number;      // Σ r j² / N_s
  readonly lowGreyEmphasis: number;    // Σ r/i² / N_s
  readonly highGreyEmphasis: number;   // Σ r i² / N_s
  readonly smallLowEmphasis: number;   // Σ r/(i² j²) / N_s
  readonly smallHighEmphasis: number;  // Σ r i²/j² / N_s
  readonly largeLowEmphasis: number;   // Σ r j²/i² / N_s
  readonly largeHighEmphasis: number;  // Σ r i² j² / N_s
  readonly greyNonUniformity: number;  // Σ_i r_i.² / N_s
  readonly columnNonUniformity: number; // Σ_j r_.j² / N_s
  readonly greyVariance: number;       // Σ (i - μ_i)² p_ij
  readonly columnVariance: number;     // Σ (j - μ_j)² p_ij
  readonly entropy: number;            // -Σ p_ij log2 p_ij
  readonly energy: number;             // Σ p_ij²
}

export function sizeMatrixTerms(m: CountEntries): SizeMatrixTerms | undefined {
  const rows = new Float64Array(m.levelCount + 1);
  const columns = new Float64Array(m.maxColumn() + 1);
  let total = 0;
  let se = 0, le = 0, lg = 0, hg = 0, sl = 0, sh = 0, ll = 0, lh = 0;
  m.forEach((i, j, n) => {
    total += n;
    rows[i]! += n;
    columns[j]! += n;
    const i2 = i * i, j2 = j * j;
    se += n / j2; le += n * j2; lg += n / i2; hg += n * i2;
    sl += n / (i2 * j2); sh += (n * i2) / j2; ll += (n * j2) / i2; lh += n * i2 * j2;
  });
  if (total === 0) return undefined;
  let entropy = 0, energy = 0;
  m.forEach((_i, _j, n) => { const p = n / total; entropy -= p * Math.log2(p); energy += p * p; });
  let gnu = 0, muI = 0;
  for (let i = 1; i < rows.length; i++) { gnu += rows[i]! * rows[i]!; muI += (i * rows[i]!) / total; }
  let cnu = 0, muJ = 0;
  for (let j = 1; j < columns.length; j++) { cnu += columns[j]! * columns[j]!; muJ += (j * columns[j]!) / total; }
  let varI = 0, varJ = 0;
  for (let i = 1; i < rows.length; i++) varI += (i - muI) ** 2 * (rows[i]! / total);
  for (let j = 1; j < columns.length; j++) varJ += (j - muJ) ** 2 * (columns[j]! / total);
  return {
    total, voxelCount: m.voxelCount,
    smallEmphasis: se / total, largeEmphasis: le / total, lowGreyEmphasis: lg / total, highGreyEmphasis: hg / total,
    smallLowEmphasis: sl / total, smallHighEmphasis: sh / total, largeLowEmphasis: ll / total, largeHighEmphasis: lh / total,
    greyNonUniformity: gnu / total, columnNonUniformity: cnu / total,
    greyVariance: varI, columnVariance: varJ, entropy, energy,
  };
}

/** The shared formulas, in IBSI order; each family names them its own way. */
export const SIZE_MATRIX_MEASURES = [
  { measure: "small", formula: "(1/N_s) Σ r_ij / j²", get: (t: SizeMatrixTerms) => t.smallEmphasis },
  { measure: "large", formula: "(1/N_s) Σ r_ij j²", get: (t: SizeMatrixTerms) => t.largeEmphasis },
  { measure: "lowGrey", formula: "(1/N_s) Σ r_ij / i²", get: (t: SizeMatrixTerms) => t.lowGreyEmphasis },
  { measure: "highGrey", formula: "(1/N_s) Σ r_ij i²", get: (t: SizeMatrixTerms) => t.highGreyEmphasis },
  { measure: "smallLow", formula: "(1/N_s) Σ r_ij / (i² j²)", get: (t: SizeMatrixTerms) => t.smallLowEmphasis },
  { measure: "smallHigh", formula: "(1/N_s) Σ r_ij i² / j²", get: (t: SizeMatrixTerms) => t.smallHighEmphasis },
  { measure: "largeLow", formula: "(1/N_s) Σ r_ij j² / i²", get: (t: SizeMatrixTerms) => t.largeLowEmphasis },
  { measure: "largeHigh", formula: "(1/N_s) Σ r_ij i² j²", get: (t: SizeMatrixTerms) => t.largeHighEmphasis },
  { measure: "greyNonUniformity", formula: "(1/N_s) Σ_i r_i.²", get: (t: SizeMatrixTerms) => t.greyNonUniformity },
  { measure: "normalisedGreyNonUniformity", formula: "(1/N_s²) Σ_i r_i.²", get: (t: SizeMatrixTerms) => t.greyNonUniformity / t.total },
  { measure: "columnNonUniformity", formula: "(1/N_s) Σ_j r_.j²", get: (t: SizeMatrixTerms) => t.columnNonUniformity },
  { measure: "normalisedColumnNonUniformity", formula: "(1/N_s²) Σ_j r_.j²", get: (t: SizeMatrixTerms) => t.columnNonUniformity / t.total },
  { measure: "percentage", formula: "N_s / N_v", get: (t: SizeMatrixTerms) => t.total / t.voxelCount },
  { measure: "greyVariance", formula: "Σ (i - μ)² p_ij", get: (t: SizeMatrixTerms) => t.greyVariance },
  { measure: "columnVariance", formula: "Σ (j - μ)² p_ij", get: (t: SizeMatrixTerms) => t.columnVariance },
  { measure: "entropy", formula: "-Σ p_ij log2 p_ij", get: (t: SizeMatrixTerms) => t.entropy },
  { measure: "energy", formula: "Σ p_ij²", get: (t: SizeMatrixTerms) => t.energy },
] as const;

export type SizeMatrixMeasure = (typeof SIZE_MATRIX_MEASURES)[number]["measure"];

/** Builds one family's formulas from the shared size-matrix measures: [measure, key, name, IBSI code]. */
export function sizeMatrixFormulas(
  family: FeatureFamily, prefix: string, table: readonly (readonly [SizeMatrixMeasure, string, string, string])[],
): FeatureFormula<SizeMatrixTerms>[] {
  return table.map(([measure, key, name, ibsiCode]) => {
    const m = SIZE_MATRIX_MEASURES.find((x) => x.measure === measure)!;
    return { key: `${prefix}_${key}`, name, family, ibsiCode, unit: "", description: m.formula, compute: (t: SizeMatrixTerms) => valueOf(m.get(t)) };
  });
}

