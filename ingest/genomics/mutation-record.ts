// One somatic mutation of one gene in one patient's tumour. The store's HAS_MUTATION relationship
// (graph-model/model/relationships.ts) carries the same properties; its upsert method is the lead's.
export interface MutationRecord {
  /** 12-character TCGA patient barcode. */
  patientId: string;
  /** HGNC symbol. */
  geneSymbol: string;
  /** Short HGVS protein change as the source writes it, e.g. `L858R` (cBioPortal) or `L858R` from GDC's `aa_change`. */
  proteinChange: string | null;
  /** Consequence / variant classification as the source names it (e.g. `missense_variant`, `Missense_Mutation`). */
  consequence: string | null;
  /** Variant allele fraction alt/(alt+ref) when read counts are known, else null. */
  vaf: number | null;
  /** Tumour sample barcode when the source reports it, else null. */
  sampleId: string | null;
  source: "GDC" | "cBioPortal";
}
