// Profile choice from a study's own molecular-profile list, on lists shaped as cBioPortal serves them
// (reference §2.4: PanCan Atlas stable ids; GDC-harmonised studies' TPM / FPKM / read-count profiles).
import { describe, expect, it } from "vitest";
import { expressionProfileOf, isTpmProfile, zScoreProfileOf, type CbioMolecularProfile } from "../../../ingest/cbioportal/cbioportal-profile-choice.js";

const p = (molecularProfileId: string, datatype: string, name: string, molecularAlterationType = "MRNA_EXPRESSION"): CbioMolecularProfile => ({ molecularProfileId, molecularAlterationType, datatype, name });

const PANCAN = [
  p("luad_tcga_pan_can_atlas_2018_mutations", "MAF", "Mutations", "MUTATION_EXTENDED"),
  p("luad_tcga_pan_can_atlas_2018_rna_seq_v2_mrna", "CONTINUOUS", "mRNA Expression, RSEM (Batch normalized from Illumina HiSeq_RNASeqV2)"),
  p("luad_tcga_pan_can_atlas_2018_rna_seq_v2_mrna_median_Zscores", "Z-SCORE", "mRNA Expression z-scores relative to diploid samples (RNA Seq V2 RSEM)"),
  p("luad_tcga_pan_can_atlas_2018_rna_seq_v2_mrna_median_all_sample_Zscores", "Z-SCORE", "mRNA Expression z-scores relative to all samples (log RNA Seq V2 RSEM)"),
];
const GDC = [
  p("ccrcc_tcga_gdc_mrna_seq_fpkm", "CONTINUOUS", "mRNA expression (FPKM)"),
  p("ccrcc_tcga_gdc_mrna_seq_read_counts", "CONTINUOUS", "mRNA expression (read counts)"),
  p("ccrcc_tcga_gdc_mrna_seq_tpm", "CONTINUOUS", "mRNA expression (TPM)"),
  p("ccrcc_tcga_gdc_mrna_seq_fpkm_zscores_ref_all_samples", "Z-SCORE", "mRNA expression z-scores relative to all samples (log FPKM)"),
  p("ccrcc_tcga_gdc_mrna_seq_tpm_Zscores", "Z-SCORE", "mRNA expression z-scores (log TPM)"),
];

describe("cBioPortal profile choice", () => {
  it("reads RSEM with its all-samples z-scores in a PanCan Atlas study, not the diploid-relative ones", () => {
    const expression = expressionProfileOf("luad_tcga_pan_can_atlas_2018", PANCAN);
    expect(expression.molecularProfileId).toBe("luad_tcga_pan_can_atlas_2018_rna_seq_v2_mrna");
    expect(isTpmProfile(expression)).toBe(false);
    expect(zScoreProfileOf(PANCAN, expression)?.molecularProfileId).toBe("luad_tcga_pan_can_atlas_2018_rna_seq_v2_mrna_median_all_sample_Zscores");
  });

  it("reads TPM (not FPKM or counts, whatever the list order) with the z-scores computed from TPM in a GDC-based study", () => {
    const expression = expressionProfileOf("ccrcc_tcga_gdc", GDC);
    expect(expression.molecularProfileId).toBe("ccrcc_tcga_gdc_mrna_seq_tpm");
    expect(isTpmProfile(expression)).toBe(true);
    expect(zScoreProfileOf(GDC, expression)?.molecularProfileId).toBe("ccrcc_tcga_gdc_mrna_seq_tpm_Zscores");
  });

  it("pairs TPM with no z-score rather than with one computed from FPKM", () => {
    const withoutTpmZ = GDC.filter((x) => x.molecularProfileId !== "ccrcc_tcga_gdc_mrna_seq_tpm_Zscores");
    expect(zScoreProfileOf(withoutTpmZ, expressionProfileOf("ccrcc_tcga_gdc", withoutTpmZ))).toBeNull();
  });

  it("refuses a study with only FPKM or counts, naming what it has", () => {
    const onlyFpkm = GDC.filter((x) => !x.molecularProfileId.endsWith("_tpm"));
    expect(() => expressionProfileOf("ccrcc_tcga_gdc", onlyFpkm)).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT", message: expect.stringContaining("ccrcc_tcga_gdc_mrna_seq_fpkm") }));
  });
});
