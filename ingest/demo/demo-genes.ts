// Genes and gene sets of the demo cohort: real HGNC symbols with their NCBI Entrez ids, grouped in
// small illustrative sets. The sets are demo subsets, not the curated MSigDB/Reactome collections.
import type { GeneRecord, PathwayRecord } from "../../graph-model/model/records.js";

export const DEMO_GENES: GeneRecord[] = [
  ["EGFR", 1956], ["ERBB2", 2064], ["KRAS", 3845], ["BRAF", 673], ["PIK3CA", 5290], ["PTEN", 5728], ["MET", 4233],
  ["ALK", 238], ["PDGFRA", 5156], ["NF1", 4763], ["TP53", 7157], ["IDH1", 3417], ["ATRX", 546], ["MGMT", 4255],
  ["CDKN2A", 1029], ["RB1", 5925], ["STK11", 6794], ["KEAP1", 9817], ["MKI67", 4288], ["CCND1", 595], ["CDK4", 1019],
  ["MDM2", 4193], ["MYC", 4609], ["VEGFA", 7422], ["HIF1A", 3091], ["CA9", 768], ["LDHA", 3939], ["PGK1", 5230],
  ["SLC2A1", 6513], ["ALDOA", 226], ["ENO1", 2023], ["BNIP3", 664], ["ADM", 133], ["NDRG1", 10397], ["P4HA1", 5033],
  ["ANGPTL4", 51129], ["EGLN3", 112399], ["VIM", 7431], ["CDH1", 999], ["CDH2", 1000], ["SNAI1", 6615], ["TWIST1", 7291],
  ["ZEB1", 6935], ["FN1", 2335], ["COL1A1", 1277], ["MMP2", 4313], ["MMP9", 4318], ["TGFB1", 7040], ["SPARC", 6678],
].map(([symbol, entrezId]) => ({ symbol: symbol as string, entrezId: entrezId as number }));

const set = (id: string, name: string, geneSymbols: string[]): PathwayRecord => ({
  id,
  name,
  geneSymbols,
  source: "demo",
  dataRelease: "demo-1",
  licence: "CC0-1.0 (demo subset)",
  url: null,
});

export const DEMO_PATHWAYS: PathwayRecord[] = [
  set("DEMO_HYPOXIA", "Hypoxia response (demo subset)", ["VEGFA", "CA9", "LDHA", "PGK1", "SLC2A1", "ALDOA", "ENO1", "BNIP3", "ADM", "NDRG1", "P4HA1", "ANGPTL4", "EGLN3"]),
  set("DEMO_EMT", "Epithelial–mesenchymal transition (demo subset)", ["VIM", "CDH2", "SNAI1", "TWIST1", "ZEB1", "FN1", "COL1A1", "MMP2", "MMP9", "TGFB1", "SPARC"]),
  set("DEMO_PROLIFERATION", "Proliferation (demo subset)", ["MKI67", "CCND1", "CDK4", "MYC", "MDM2"]),
  set("DEMO_RTK_RAS", "RTK/RAS signalling (demo subset)", ["EGFR", "ERBB2", "KRAS", "BRAF", "PIK3CA", "PTEN", "MET", "ALK", "PDGFRA", "NF1"]),
];
