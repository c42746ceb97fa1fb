// z-scores of each gene's expression value across the patients of a cohort:
// z = (value − mean) / sd with the sample standard deviation (n − 1). A gene measured in fewer than two
// patients, or with one value for all of them, has no z: its records keep z = null and the gene is
// reported with the reason.
import type { ExpressionRecord } from "../../graph-model/model/records.js";

export interface UndefinedZ {
  geneSymbol: string;
  reason: "fewer than 2 patients" | "constant across the cohort";
  patients: number;
}

export interface CohortZScores {
  records: ExpressionRecord[];
  undefinedZ: UndefinedZ[];
}

type Measured = ExpressionRecord & { value: number };

export function withCohortZScores(records: readonly ExpressionRecord[]): CohortZScores {
  const byGene = groupByGene(records);
  const out: ExpressionRecord[] = [];
  const undefinedZ: UndefinedZ[] = [];
  for (const [geneSymbol, measured] of byGene) {
    const values = measured.map((record) => record.value);
    const reason = zUndefinedReason(values);
    if (reason) undefinedZ.push({ geneSymbol, reason, patients: values.length });
    const { mean, sd } = reason ? { mean: 0, sd: 0 } : meanAndSampleSd(values);
    for (const record of measured) out.push({ ...record, z: reason ? null : (record.value - mean) / sd });
  }
  for (const record of records) if (!isMeasured(record)) out.push({ ...record, z: null });
  return { records: out, undefinedZ };
}

function groupByGene(records: readonly ExpressionRecord[]): Map<string, Measured[]> {
  const byGene = new Map<string, Measured[]>();
  for (const record of records) {
    if (!isMeasured(record)) continue;
    const list = byGene.get(record.geneSymbol) ?? [];
    list.push(record);
    byGene.set(record.geneSymbol, list);
  }
  return byGene;
}

function isMeasured(record: ExpressionRecord): record is Measured {
  return typeof record.value === "number" && Number.isFinite(record.value);
}

function zUndefinedReason(values: number[]): UndefinedZ["reason"] | null {
  if (values.length < 2) return "fewer than 2 patients";
  return Math.min(...values) === Math.max(...values) ? "constant across the cohort" : null;
}

export function meanAndSampleSd(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const squares = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  return { mean, sd: Math.sqrt(squares / (values.length - 1)) };
}
