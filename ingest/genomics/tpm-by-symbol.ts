// One TPM per HGNC symbol from STAR-Counts rows. gene_name is not unique in GENCODE v36 (reference
// §1.7), so the rule, the same for every sample and independent of the cohort, is:
//   1. `_PAR_Y` rows are dropped (the chrX copy of a pseudoautosomal gene carries its reads);
//   2. rows without a TPM or a symbol are dropped;
//   3. the remaining rows sharing a symbol are summed (TPM is additive over loci), and the summed
//      Ensembl ids are kept, sorted, so the choice is visible.
import { isParYGeneId } from "./ensembl-id.js";
import type { StarCountsRow } from "./star-counts-parser.js";

export interface SymbolTpm {
  geneSymbol: string;
  tpm: number;
  /** Ensembl ids (unversioned) summed into this value, sorted; more than one for a duplicate symbol. */
  ensemblIds: string[];
}

export async function tpmBySymbol(rows: AsyncIterable<StarCountsRow> | Iterable<StarCountsRow>): Promise<Map<string, SymbolTpm>> {
  const bySymbol = new Map<string, SymbolTpm>();
  for await (const row of rows) {
    if (isParYGeneId(row.geneId) || row.tpm === null || row.geneSymbol === "") continue;
    const entry = bySymbol.get(row.geneSymbol);
    if (entry) {
      entry.tpm += row.tpm;
      entry.ensemblIds.push(row.ensemblId);
      entry.ensemblIds.sort();
    } else bySymbol.set(row.geneSymbol, { geneSymbol: row.geneSymbol, tpm: row.tpm, ensemblIds: [row.ensemblId] });
  }
  return bySymbol;
}
