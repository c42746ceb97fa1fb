// WikiPathways GMT (reference §3.4): name `<title>%WikiPathways_<YYYYMMDD>%<WPID>%Homo sapiens`, the
// URL as description, members as NCBI Entrez ids, mapped here to HGNC symbols with a given map (e.g.
// from cBioPortal /genes/fetch). Unmapped ids are dropped from the set and reported. Licence: CC0.
import type { PathwayRecord } from "../../graph-model/model/records.js";
import { parseGmt } from "./gmt-parser.js";

export interface UnmappedEntrezId {
  pathwayId: string;
  entrezId: string;
}

export interface WikiPathwaysGmt {
  pathways: PathwayRecord[];
  unmapped: UnmappedEntrezId[];
}

export function wikipathwaysPathways(text: string, symbolOfEntrez: ReadonlyMap<string, string>, release?: string): WikiPathwaysGmt {
  const unmapped: UnmappedEntrezId[] = [];
  const pathways = parseGmt(text).map((set) => {
    const [title, dated, wpid] = set.name.split("%");
    const id = wpid ?? set.name;
    const geneSymbols: string[] = [];
    for (const entrezId of set.members) {
      const symbol = symbolOfEntrez.get(entrezId);
      if (symbol) geneSymbols.push(symbol);
      else unmapped.push({ pathwayId: id, entrezId });
    }
    return {
      id,
      name: title ?? set.name,
      url: set.description,
      licence: "CC0 1.0",
      source: "WikiPathways",
      dataRelease: release ?? dated?.replace(/^WikiPathways_/, "") ?? null,
      geneSymbols: [...new Set(geneSymbols)],
    };
  });
  return { pathways, unmapped };
}
