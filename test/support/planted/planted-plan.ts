// The planted radiogenomic association shared by the synthetic DICOM cohort and the genomic replay
// fixture: one hidden standard-normal latent per patient, drawn from the seed. It raises the intensity
// heterogeneity (SD) inside the lesion, the expression of the planted pathway's member genes, and the
// odds of the planted mutation. Everything else (lesion shape, other genes, other mutations) is drawn
// independently of it: those are the nulls.
import { SeededRandom } from "../../../compute/seeded-random.js";

export const PLANTED_PATHWAY = "HALLMARK_HYPOXIA";
export const PLANTED_PATHWAY_GENES = ["VEGFA", "CA9", "LDHA", "SLC2A1"] as const;
export const PLANTED_MUTATION = { gene: "IDH1", catalogueIndex: 3 } as const;

/** ln-TPM of each planted gene rises by this much per unit of latent (log-normal noise SD is 0.8). */
export const EXPRESSION_EFFECT = 1;
/** log-odds of the planted mutation per unit of latent (intercept 0: about half the patients). */
export const MUTATION_LOG_ODDS = 4;
/** Probability of each other catalogue mutation, independent of the latent. */
export const NULL_MUTATION_PROBABILITY = 0.25;
/** Lesion intensity SD in HU: BASE · exp(SLOPE · latent). */
export const HETEROGENEITY = { baseSdHu: 20, slope: 0.5 } as const;

/** Gene sets for the test's GMT (MSigDB format): the planted one and null sets of unplanted genes. */
export const PLANTED_GMT = [
  `${PLANTED_PATHWAY}\thttps://www.gsea-msigdb.org/gsea/msigdb/human/geneset/${PLANTED_PATHWAY}\t${PLANTED_PATHWAY_GENES.join("\t")}`,
  "HALLMARK_P53_PATHWAY\thttps://www.gsea-msigdb.org/gsea/msigdb/human/geneset/HALLMARK_P53_PATHWAY\tTP53\tCDKN1A\tMDM2",
  "NULL_HOUSEKEEPING\thttps://example.org/null-housekeeping\tTSPAN6\tCD99\tMATR3\tTNMD",
  "NULL_DRIVERS\thttps://example.org/null-drivers\tEGFR\tKRAS\tPTEN\tIDH1",
  "",
].join("\n");

export interface PlantedPlan {
  readonly seed: number;
  readonly barcodes: readonly string[];
  /** barcode → latent (standard normal). */
  readonly latent: ReadonlyMap<string, number>;
}

/** `count` barcodes TCGA-P<seed % 10>-A001 … (tissue-source site unique per seed) and their latents. */
export function plantedPlan(seed: number, count: number): PlantedPlan {
  const rng = new SeededRandom(seed * 7919 + 17);
  const barcodes = Array.from({ length: count }, (_, i) => `TCGA-P${seed % 10}-A${String(i + 1).padStart(3, "0")}`);
  return { seed, barcodes, latent: new Map(barcodes.map((b) => [b, rng.normal()])) };
}

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
