// Genes and gene sets of the demo cohort: real HGNC symbols with their NCBI Entrez ids, grouped in
// small illustrative sets. The sets are demo subsets, not the curated MSigDB/Reactome collections.
import type { GeneRecord, PathwayRecord } from "../../graph-model/model/records.js";
import { parseGmt } from "../pathways/gmt-parser.js";

export const DEMO_GENES: GeneRecord[] = [
  ["EGFR", 1956], ["ERBB2", 2064], ["KRAS", 3845], ["BRAF", 673], ["PIK3CA", 5290], ["PTEN", 5728], ["MET", 4233],
  ["ALK", 238], ["PDGFRA", 5156], ["NF1", 4763], ["TP53", 7157], ["IDH1", 3417], ["ATRX", 546], ["MGMT", 4255],
  ["CDKN2A", 1029], ["RB1", 5925], ["STK11", 6794], ["KEAP1", 9817], ["MKI67", 4288], ["CCND1", 595], ["CDK4", 1019],
  ["MDM2", 4193], ["MYC", 4609], ["VEGFA", 7422], ["HIF1A", 3091], ["CA9", 768], ["LDHA", 3939], ["PGK1", 5230],
  ["SLC2A1", 6513], ["ALDOA", 226], ["ENO1", 2023], ["BNIP3", 664], ["ADM", 133], ["NDRG1", 10397], ["P4HA1", 5033],
  ["ANGPTL4", 51129], ["EGLN3", 112399], ["VIM", 7431], ["CDH1", 999], ["CDH2", 1000], ["SNAI1", 6615], ["TWIST1", 7291],
  ["ZEB1", 6935], ["FN1", 2335], ["COL1A1", 1277], ["MMP2", 4313], ["MMP9", 4318], ["TGFB1", 7040], ["SPARC", 6678],
].map(([symbol, entrezId]) => ({ symbol: symbol as string, entrezId: entrezId as number }));

/** The demo's gene sets as a GMT file (name, description, members), the format researchers bring. */
export const DEMO_GMT = [
  "DEMO_HYPOXIA\tHypoxia response (demo subset)\tVEGFA\tCA9\tLDHA\tPGK1\tSLC2A1\tALDOA\tENO1\tBNIP3\tADM\tNDRG1\tP4HA1\tANGPTL4\tEGLN3",
  "DEMO_EMT\tEpithelial–mesenchymal transition (demo subset)\tVIM\tCDH2\tSNAI1\tTWIST1\tZEB1\tFN1\tCOL1A1\tMMP2\tMMP9\tTGFB1\tSPARC",
  "DEMO_PROLIFERATION\tProliferation (demo subset)\tMKI67\tCCND1\tCDK4\tMYC\tMDM2",
  "DEMO_RTK_RAS\tRTK/RAS signalling (demo subset)\tEGFR\tERBB2\tKRAS\tBRAF\tPIK3CA\tPTEN\tMET\tALK\tPDGFRA\tNF1",
].join("\n");

export const DEMO_PATHWAYS: PathwayRecord[] = parseGmt(DEMO_GMT).map((set) => ({
  id: set.name,
  name: set.description,
  geneSymbols: set.members,
  source: "demo",
  dataRelease: "demo-1",
  licence: "CC0-1.0 (demo subset)",
  url: null,
}));
