// GMT texts in the three flavours the platform reads (reference §3.1–3.4), with their expected
// gene sets. Trailing tabs and CRLF line ends occur in real files and are kept here on purpose.

export const HALLMARK_GMT = [
  "HALLMARK_HYPOXIA\thttps://www.gsea-msigdb.org/gsea/msigdb/human/geneset/HALLMARK_HYPOXIA\tVEGFA\tCA9\tLDHA\tSLC2A1\t",
  "HALLMARK_P53_PATHWAY\thttps://www.gsea-msigdb.org/gsea/msigdb/human/geneset/HALLMARK_P53_PATHWAY\tTP53\tCDKN1A\tMDM2",
  "",
].join("\r\n");

export const REACTOME_GMT = [
  "2-LTR circle formation\tR-HSA-164843\tBANF1\tHMGA1\tLIG4\tPSIP1\tXRCC4\tXRCC5\tXRCC6\tgag\tgag-pol\trev\tvif\tvpr\tvpu",
  "Signaling by EGFR\tR-HSA-177929\tEGFR\tKRAS\tGRB2",
].join("\n");

export const WIKIPATHWAYS_GMT = [
  "Glutathione metabolism%WikiPathways_20260510%WP100%Homo sapiens\thttps://www.wikipathways.org/instance/WP100\t2687\t2678\t2876",
  "Hypoxia response%WikiPathways_20260510%WP9999%Homo sapiens\thttps://www.wikipathways.org/instance/WP9999\t7422\t768\t3939\t6513\t999999",
  "",
].join("\n");

export const WIKIPATHWAYS_ENTREZ_TO_SYMBOL = new Map<string, string>([
  ["2687", "GGT1"], ["2678", "GGT1P"], ["2876", "GPX1"], ["7422", "VEGFA"], ["768", "CA9"], ["3939", "LDHA"], ["6513", "SLC2A1"],
]);

export const EXPECTED_PATHWAYS = {
  hallmark: [
    { id: "HALLMARK_HYPOXIA", name: "HALLMARK_HYPOXIA", url: "https://www.gsea-msigdb.org/gsea/msigdb/human/geneset/HALLMARK_HYPOXIA", geneSymbols: ["VEGFA", "CA9", "LDHA", "SLC2A1"] },
    { id: "HALLMARK_P53_PATHWAY", name: "HALLMARK_P53_PATHWAY", url: "https://www.gsea-msigdb.org/gsea/msigdb/human/geneset/HALLMARK_P53_PATHWAY", geneSymbols: ["TP53", "CDKN1A", "MDM2"] },
  ],
  reactome: [
    { id: "R-HSA-164843", name: "2-LTR circle formation", url: "https://reactome.org/content/detail/R-HSA-164843", geneSymbols: ["BANF1", "HMGA1", "LIG4", "PSIP1", "XRCC4", "XRCC5", "XRCC6", "gag", "gag-pol", "rev", "vif", "vpr", "vpu"] },
    { id: "R-HSA-177929", name: "Signaling by EGFR", url: "https://reactome.org/content/detail/R-HSA-177929", geneSymbols: ["EGFR", "KRAS", "GRB2"] },
  ],
  wikipathways: [
    { id: "WP100", name: "Glutathione metabolism", url: "https://www.wikipathways.org/instance/WP100", geneSymbols: ["GGT1", "GGT1P", "GPX1"] },
    { id: "WP9999", name: "Hypoxia response", url: "https://www.wikipathways.org/instance/WP9999", geneSymbols: ["VEGFA", "CA9", "LDHA", "SLC2A1"] },
  ],
  wikipathwaysUnmapped: [{ pathwayId: "WP9999", entrezId: "999999" }],
};
