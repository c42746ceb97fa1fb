// MSigDB GMT (e.g. Hallmark `h.all.v<ver>.Hs.symbols.gmt`, HGNC symbols) → PathwayRecords. Licence per
// reference §3.2: CC BY 4.0, except KEGG_MEDICUS_* (CC BY-SA 4.0) and other KEGG_* (KEGG's terms).
import type { PathwayRecord } from "../../graph-model/model/records.js";
import { parseGmt } from "./gmt-parser.js";

export function msigdbPathways(text: string, version: string): PathwayRecord[] {
  return parseGmt(text).map((set) => ({
    id: set.name,
    name: set.name,
    url: set.description.startsWith("http") ? set.description : `https://www.gsea-msigdb.org/gsea/msigdb/human/geneset/${set.name}`,
    licence: msigdbLicence(set.name),
    source: "MSigDB",
    dataRelease: version,
    geneSymbols: set.members,
  }));
}

export function msigdbLicence(setName: string): string {
  if (setName.startsWith("KEGG_MEDICUS_")) return "CC BY-SA 4.0";
  if (setName.startsWith("KEGG_")) return "KEGG licence (restricted; not CC BY)";
  return "CC BY 4.0";
}
