// STAR-Counts file bodies in GDC's exact layout (reference §1.7) for the replay cohort.
import type { SeededRandom } from "../../../compute/seeded-random.js";
import type { FixtureGene } from "./fixture-genes.js";
import { round } from "./fixture-ids.js";

const HEADER = "gene_id\tgene_name\tgene_type\tunstranded\tstranded_first\tstranded_second\ttpm_unstranded\tfpkm_unstranded\tfpkm_uq_unstranded";
const SUMMARY_ROWS = ["N_unmapped", "N_multimapping", "N_noFeature", "N_ambiguous"];

export interface LocusTpm {
  gene: FixtureGene;
  geneId: string;
  parY: boolean;
  /** As written in the file (4 decimals). */
  tpm: number;
}

/** Random TPMs per locus: log-normal around a per-gene level (shifted by `lnShift` on the ln scale, for a
 * planted association); silent genes are 0. PAR_Y copies get a
 * small non-zero TPM (real files mostly have 0 there) so that a parser summing them would be caught. */
export function drawLocusTpms(genes: FixtureGene[], rng: SeededRandom, lnShift: (symbol: string) => number = () => 0): LocusTpm[] {
  return genes.flatMap((gene, geneIndex) =>
    gene.loci.map((locus) => ({
      gene,
      geneId: `${locus.ensemblId}.${locus.version}${locus.parY ? "_PAR_Y" : ""}`,
      parY: Boolean(locus.parY),
      tpm: gene.silent ? 0 : locus.parY ? round(0.5 + rng.next(), 4) : round(Math.exp(rng.normal(1 + (geneIndex % 4), 0.8) + lnShift(gene.symbol)), 4),
    })),
  );
}

export function starCountsText(loci: LocusTpm[], rng: SeededRandom): string {
  const summary = SUMMARY_ROWS.map((name) => {
    const count = rng.integer(1_000_000, 9_000_000);
    return `${name}\t\t\t${count}\t${count}\t${count}\t\t\t`;
  });
  const genes = loci.map(({ gene, geneId, tpm }) => {
    const counts = Math.round(tpm * 20);
    return [geneId, gene.symbol, "protein_coding", counts, Math.round(counts / 2), counts - Math.round(counts / 2), tpm.toFixed(4), (tpm * 0.4).toFixed(4), (tpm * 0.5).toFixed(4)].join("\t");
  });
  return ["# gene-model: GENCODE v36", HEADER, ...summary, ...genes, ""].join("\n");
}

/** TPM per symbol by the documented rule: PAR_Y dropped, loci sharing a symbol summed in file order. */
export function expectedTpmBySymbol(loci: LocusTpm[]): Map<string, number> {
  const tpm = new Map<string, number>();
  for (const locus of loci) if (!locus.parY) tpm.set(locus.gene.symbol, (tpm.get(locus.gene.symbol) ?? 0) + locus.tpm);
  return tpm;
}
