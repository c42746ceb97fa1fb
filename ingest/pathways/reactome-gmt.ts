// Reactome's ReactomePathways.gmt (reference §3.3): `<pathway name>\t<R-HSA stable id>\t<symbols…>`.
// Infection pathways list viral gene names (gag, vpr…); they are kept as written. Licence: CC0.
import type { PathwayRecord } from "../../graph-model/model/records.js";
import { parseGmt } from "./gmt-parser.js";

export const REACTOME_LICENCE = "CC0 1.0 (Reactome data files)";

export function reactomeGmtPathways(text: string, release: string): PathwayRecord[] {
  return parseGmt(text).map((set) => ({
    id: set.description,
    name: set.name,
    url: reactomePathwayUrl(set.description),
    licence: REACTOME_LICENCE,
    source: "Reactome",
    dataRelease: release,
    geneSymbols: set.members,
  }));
}

export function reactomePathwayUrl(stId: string): string {
  return `https://reactome.org/content/detail/${stId}`;
}
