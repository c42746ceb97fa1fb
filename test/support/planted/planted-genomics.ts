// The genomic side of the planted association, served by the replay server in GDC's formats: the
// planted pathway's genes' TPMs rise with the patient's latent, the planted mutation's odds rise with
// it, and every other catalogue mutation is drawn independently of it (some patients carry none: the
// ingest then stores no call for them, and the analysis counts them as not profiled).
import type { SeededRandom } from "../../../compute/seeded-random.js";
import { generateGenomicFixture, type GenomicFixture } from "../replay/genomic-fixture.js";
import { MUTATION_CATALOGUE, type PatientMutation } from "../replay/fixture-mutations.js";
import { EXPRESSION_EFFECT, logistic, MUTATION_LOG_ODDS, NULL_MUTATION_PROBABILITY, PLANTED_MUTATION, PLANTED_PATHWAY_GENES, type PlantedPlan } from "./planted-plan.js";

const PLANTED_GENES = new Set<string>(PLANTED_PATHWAY_GENES);

function plantedMutations(latent: number, rng: SeededRandom): PatientMutation[] {
  return MUTATION_CATALOGUE.flatMap((mutation, index) => {
    const probability = index === PLANTED_MUTATION.catalogueIndex ? logistic(MUTATION_LOG_ODDS * latent) : NULL_MUTATION_PROBABILITY;
    const carried = rng.next() < probability;
    const counts = { tumorAltCount: rng.integer(5, 60), tumorRefCount: rng.integer(20, 120) };
    return carried ? [{ mutation, ...counts }] : [];
  });
}

/** The replay fixture of a planted plan: project TCGA-PL<seed>, the plan's barcodes. */
export function plantedGenomicFixture(plan: PlantedPlan): GenomicFixture {
  return generateGenomicFixture({
    seed: plan.seed,
    projectId: plantedProject(plan),
    patientIds: [...plan.barcodes],
    plant: (barcode, rng) => {
      const latent = plan.latent.get(barcode)!;
      return { mutations: plantedMutations(latent, rng), expressionShift: (symbol) => (PLANTED_GENES.has(symbol) ? EXPRESSION_EFFECT * latent : 0) };
    },
  });
}

/** The GDC project (and imaging collection) of a plan. */
export function plantedProject(plan: PlantedPlan): string {
  return `TCGA-PL${plan.seed}`;
}
