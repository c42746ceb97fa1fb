// Gene sets from a GMT file into the graph: pathways with source, release and licence, and their
// member genes (IN_PATHWAY), replacing each set's membership. Symbols the graph's genes do not know
// are reported (count and the first UNKNOWN_SYMBOLS_LISTED), never created as genes.
import { BadUserInputError } from "../../compute/errors.js";
import type { GraphStore, WriteSummary } from "../../graph-model/graph-store.js";
import { unknownSymbolsReport, type UnknownSymbolsReport } from "./unknown-gene-symbols.js";
import type { PathwayRecord } from "../../graph-model/model/records.js";
import { msigdbPathways } from "./msigdb-gmt.js";
import { reactomeGmtPathways } from "./reactome-gmt.js";
import { wikipathwaysPathways } from "./wikipathways-gmt.js";

export type GmtFormat = "MSIGDB" | "REACTOME" | "WIKIPATHWAYS";

export interface PathwayIngestResult extends WriteSummary, UnknownSymbolsReport {
  /** Entrez ids of a WikiPathways GMT with no symbol in the graph. */
  unmappedEntrezIds: string[];
}

export async function ingestGmt(store: GraphStore, format: GmtFormat, text: string, version: string): Promise<PathwayIngestResult> {
  let pathways: PathwayRecord[];
  let unmapped: string[] = [];
  if (format === "MSIGDB") pathways = msigdbPathways(text, version);
  else if (format === "REACTOME") pathways = reactomeGmtPathways(text, version);
  else {
    const symbolOfEntrez = await entrezIndex(store);
    const parsed = wikipathwaysPathways(text, symbolOfEntrez, version);
    pathways = parsed.pathways;
    unmapped = [...new Set(parsed.unmapped.map((u) => String(u.entrezId)))];
  }
  if (!pathways.length) throw new BadUserInputError(`the ${format} GMT text holds no gene sets`);
  const summary = await store.upsertPathways(pathways);
  return { written: summary.written, ...unknownSymbolsReport(summary.unknownGeneSymbols), unmappedEntrezIds: unmapped };
}

/** Entrez id → HGNC symbol of the genes already in the graph (WikiPathways GMTs name genes by Entrez id). */
async function entrezIndex(store: GraphStore): Promise<Map<string, string>> {
  const genes = await store.allGenes();
  return new Map(genes.filter((g) => g.entrezId !== null).map((g) => [String(g.entrezId), g.symbol]));
}
