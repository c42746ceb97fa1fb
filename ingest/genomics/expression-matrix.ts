// A cohort's TPMs held as one number array per patient over a shared gene index (~60k genes × hundreds
// of patients fits in memory, where as many record objects would not), then read out as
// ExpressionRecords with value = log2(TPM+1) and z across the cohort (see cohort-z-scores.ts).
import type { ExpressionRecord } from "../../graph-model/model/records.js";
import { meanAndSampleSd, type UndefinedZ } from "./cohort-z-scores.js";
import { log2TpmPlusOne } from "./log2-tpm.js";

/** Where the matrix's values came from, recorded on every value (provenance). */
export interface ExpressionProvenance {
  source: string;
  dataRelease: string | null;
}

export class ExpressionMatrix {
  private readonly genes = new Map<string, number>();
  private readonly patients: { patientId: string; tpm: number[]; sourceFile: string | null }[] = [];

  constructor(private readonly provenance: ExpressionProvenance) {}

  /** Adds one patient's TPM per symbol, read from `sourceFile`; a gene the patient lacks stays missing (not 0). */
  addPatient(patientId: string, tpmBySymbol: ReadonlyMap<string, number>, sourceFile: string | null = null): void {
    const tpm: number[] = [];
    for (const [symbol, value] of tpmBySymbol) tpm[this.columnOf(symbol)] = value;
    this.patients.push({ patientId, tpm, sourceFile });
  }

  get patientIds(): string[] {
    return this.patients.map((p) => p.patientId);
  }

  get geneSymbols(): string[] {
    return [...this.genes.keys()];
  }

  /** One record per (patient, gene) measured, gene by gene. */
  *records(): Generator<ExpressionRecord> {
    for (const [geneSymbol, column] of this.genes) {
      const measured = this.measuredIn(column);
      const stats = zStatistics(measured.map((m) => m.value));
      for (const m of measured)
        yield { patientId: m.patientId, geneSymbol, tpm: m.tpm, value: m.value, z: stats ? (m.value - stats.mean) / stats.sd : null, ...this.provenance, sourceFile: m.sourceFile };
    }
  }

  /** Genes whose z is undefined, and why. */
  undefinedZ(): UndefinedZ[] {
    const out: UndefinedZ[] = [];
    for (const [geneSymbol, column] of this.genes) {
      const values = this.measuredIn(column).map((m) => m.value);
      if (values.length < 2) out.push({ geneSymbol, reason: "fewer than 2 patients", patients: values.length });
      else if (zStatistics(values) === null) out.push({ geneSymbol, reason: "constant across the cohort", patients: values.length });
    }
    return out;
  }

  private columnOf(symbol: string): number {
    let column = this.genes.get(symbol);
    if (column === undefined) this.genes.set(symbol, (column = this.genes.size));
    return column;
  }

  private measuredIn(column: number) {
    return this.patients
      .filter((p) => p.tpm[column] !== undefined)
      .map((p) => ({ patientId: p.patientId, tpm: p.tpm[column]!, value: log2TpmPlusOne(p.tpm[column]!), sourceFile: p.sourceFile }));
  }
}

function zStatistics(values: number[]): { mean: number; sd: number } | null {
  if (values.length < 2 || Math.min(...values) === Math.max(...values)) return null;
  return meanAndSampleSd(values);
}
