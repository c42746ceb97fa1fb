// Member symbols of a gene set that the gene reference (the graph's Gene nodes) does not know: how
// many, and the first few, so a job or report can say so instead of creating genes from any string.

/** How many unknown symbols a report lists by name (all are counted). */
export const UNKNOWN_SYMBOLS_LISTED = 50;

export interface UnknownSymbolsReport {
  unknownGeneSymbolCount: number;
  /** The first UNKNOWN_SYMBOLS_LISTED, sorted. */
  unknownGeneSymbols: string[];
}

export function unknownSymbolsReport(symbols: readonly string[]): UnknownSymbolsReport {
  const sorted = [...new Set(symbols)].sort();
  return { unknownGeneSymbolCount: sorted.length, unknownGeneSymbols: sorted.slice(0, UNKNOWN_SYMBOLS_LISTED) };
}

/** One line for a job's item error: the count and the first names, cut to the display limit. */
export function describeUnknownSymbols(symbols: readonly string[]): string {
  const { unknownGeneSymbolCount, unknownGeneSymbols } = unknownSymbolsReport(symbols);
  const more = unknownGeneSymbolCount > unknownGeneSymbols.length ? ` and ${unknownGeneSymbolCount - unknownGeneSymbols.length} more` : "";
  return `${unknownGeneSymbolCount} member gene symbol(s) unknown to the gene reference, not linked (ingest the genes first, then re-run): ${unknownGeneSymbols.join(", ")}${more}`;
}
