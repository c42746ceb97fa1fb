// Genes of the replay cohort: real HGNC symbols, Entrez and Ensembl ids. TNMD is constant (0 TPM in
// every sample, so its z is undefined); CD99 has a PAR_Y copy; MATR3 has two loci with one symbol.
export interface FixtureLocus {
  ensemblId: string;
  version: number;
  parY?: boolean;
}

export interface FixtureGene {
  symbol: string;
  entrezId: number;
  name: string;
  loci: FixtureLocus[];
  /** Always 0 TPM (constant across the cohort). */
  silent?: boolean;
}

export const FIXTURE_GENES: FixtureGene[] = [
  { symbol: "TSPAN6", entrezId: 7105, name: "tetraspanin 6", loci: [{ ensemblId: "ENSG00000000003", version: 15 }] },
  { symbol: "TNMD", entrezId: 64102, name: "tenomodulin", loci: [{ ensemblId: "ENSG00000000005", version: 6 }], silent: true },
  { symbol: "CD99", entrezId: 4267, name: "CD99 molecule (Xg blood group)", loci: [{ ensemblId: "ENSG00000002586", version: 20 }, { ensemblId: "ENSG00000002586", version: 20, parY: true }] },
  { symbol: "MATR3", entrezId: 9782, name: "matrin 3", loci: [{ ensemblId: "ENSG00000015479", version: 19 }, { ensemblId: "ENSG00000280987", version: 4 }] },
  { symbol: "EGFR", entrezId: 1956, name: "epidermal growth factor receptor", loci: [{ ensemblId: "ENSG00000146648", version: 18 }] },
  { symbol: "TP53", entrezId: 7157, name: "tumor protein p53", loci: [{ ensemblId: "ENSG00000141510", version: 18 }] },
  { symbol: "KRAS", entrezId: 3845, name: "KRAS proto-oncogene, GTPase", loci: [{ ensemblId: "ENSG00000133703", version: 13 }] },
  { symbol: "IDH1", entrezId: 3417, name: "isocitrate dehydrogenase (NADP(+)) 1", loci: [{ ensemblId: "ENSG00000138413", version: 14 }] },
  { symbol: "PTEN", entrezId: 5728, name: "phosphatase and tensin homolog", loci: [{ ensemblId: "ENSG00000171862", version: 11 }] },
  { symbol: "VEGFA", entrezId: 7422, name: "vascular endothelial growth factor A", loci: [{ ensemblId: "ENSG00000112715", version: 26 }] },
  { symbol: "CA9", entrezId: 768, name: "carbonic anhydrase 9", loci: [{ ensemblId: "ENSG00000107159", version: 13 }] },
  { symbol: "LDHA", entrezId: 3939, name: "lactate dehydrogenase A", loci: [{ ensemblId: "ENSG00000134333", version: 14 }] },
  { symbol: "SLC2A1", entrezId: 6513, name: "solute carrier family 2 member 1", loci: [{ ensemblId: "ENSG00000117394", version: 24 }] },
];

/** UniProt accessions for the Reactome replay (real accessions). */
export const UNIPROT_OF: Record<string, string> = { EGFR: "P00533", TP53: "P04637", KRAS: "P01116", VEGFA: "P15692", CA9: "Q16790", LDHA: "P00338", SLC2A1: "P11166" };
