// Somatic mutations of the replay cohort in GDC /ssm_occurrences and cBioPortal mutation shapes.
import type { SeededRandom } from "../../../compute/seeded-random.js";

export interface CatalogueMutation {
  gene: string;
  aaChange: string | null;
  consequence: string;
  variantClassification: string;
  chromosome: string;
  position: number;
  ref: string;
  alt: string;
  /** A non-canonical transcript's annotation, listed first in GDC's consequence array. */
  otherTranscript: { aaChange: string | null; consequence: string };
  /** cBioPortal's protein change when GDC has none (splice sites). */
  cbioProteinChange: string;
}

export const MUTATION_CATALOGUE: CatalogueMutation[] = [
  { gene: "EGFR", aaChange: "L858R", consequence: "missense_variant", variantClassification: "Missense_Mutation", chromosome: "chr7", position: 55191822, ref: "T", alt: "G", otherTranscript: { aaChange: "L813R", consequence: "missense_variant" }, cbioProteinChange: "L858R" },
  { gene: "TP53", aaChange: "R175H", consequence: "missense_variant", variantClassification: "Missense_Mutation", chromosome: "chr17", position: 7675088, ref: "C", alt: "T", otherTranscript: { aaChange: "R43H", consequence: "missense_variant" }, cbioProteinChange: "R175H" },
  { gene: "TP53", aaChange: "R273H", consequence: "missense_variant", variantClassification: "Missense_Mutation", chromosome: "chr17", position: 7673802, ref: "C", alt: "T", otherTranscript: { aaChange: null, consequence: "downstream_gene_variant" }, cbioProteinChange: "R273H" },
  { gene: "IDH1", aaChange: "R132H", consequence: "missense_variant", variantClassification: "Missense_Mutation", chromosome: "chr2", position: 208248388, ref: "C", alt: "T", otherTranscript: { aaChange: "R100H", consequence: "missense_variant" }, cbioProteinChange: "R132H" },
  { gene: "KRAS", aaChange: "G12D", consequence: "missense_variant", variantClassification: "Missense_Mutation", chromosome: "chr12", position: 25245350, ref: "C", alt: "T", otherTranscript: { aaChange: "G12D", consequence: "missense_variant" }, cbioProteinChange: "G12D" },
  { gene: "PTEN", aaChange: null, consequence: "splice_acceptor_variant", variantClassification: "Splice_Site", chromosome: "chr10", position: 87925512, ref: "G", alt: "A", otherTranscript: { aaChange: null, consequence: "intron_variant" }, cbioProteinChange: "X125_splice" },
];

export interface PatientMutation {
  mutation: CatalogueMutation;
  tumorAltCount: number;
  tumorRefCount: number;
}

/** Each patient carries one to three distinct catalogue mutations. */
export function drawMutations(rng: SeededRandom): PatientMutation[] {
  const count = rng.integer(1, 3);
  const picked = new Set<number>();
  while (picked.size < count) picked.add(rng.integer(0, MUTATION_CATALOGUE.length - 1));
  return [...picked].sort((a, b) => a - b).map((index) => ({
    mutation: MUTATION_CATALOGUE[index]!,
    tumorAltCount: rng.integer(5, 60),
    tumorRefCount: rng.integer(20, 120),
  }));
}

export function genomicDnaChange(mutation: CatalogueMutation): string {
  return `${mutation.chromosome}:g.${mutation.position}${mutation.ref}>${mutation.alt}`;
}
