// `radiogenomics harmonise`: ComBat harmonisation of a cohort's stored feature values across acquisition
// batches, stored as a named Harmonisation. Opens the store itself, or with --server asks the running
// server (startHarmonisation) and follows the job. Prints the id and the per-feature diagnostics.
import type { Command } from "commander";
import { BadUserInputError } from "../../compute/errors.js";
import type { FeatureFamily } from "../../compute/features/types.js";
import { openStore } from "../../graph-model/open-store.js";
import { HarmonisationService } from "../../ingest/analysis/harmonisation-service.js";
import { BATCH_BY, type BatchBy, type PreservedCovariate } from "../../ingest/analysis/harmonisation-request.js";
import { callServer, followJob, reportJob } from "../server-client.js";
import { addStoreFlags, storeConfig, type StoreFlags } from "../store-options.js";

interface HarmoniseFlags extends StoreFlags {
  name: string;
  batch: string;
  binEdges?: string[];
  collection?: string[];
  cohort?: string;
  covariate?: string[];
  family?: string[];
  numericCovariate?: string[];
  binCount: string;
  nonParametric?: boolean;
  meanOnly?: boolean;
  dropIncomplete?: boolean;
  server?: string;
  apiKey?: string;
}

function covariatesOf(flags: HarmoniseFlags): PreservedCovariate[] {
  return [...(flags.covariate ?? []).map((name) => ({ name, kind: "CATEGORICAL" as const })), ...(flags.numericCovariate ?? []).map((name) => ({ name, kind: "NUMERIC" as const }))];
}

function batchOf(flags: HarmoniseFlags): BatchBy {
  const by = flags.batch.toUpperCase().replace(/-/g, "_");
  if (!(BATCH_BY as readonly string[]).includes(by)) throw new BadUserInputError(`--batch must be one of ${BATCH_BY.join(", ")}, got '${flags.batch}'`);
  return by as BatchBy;
}

const MUTATION = `mutation($name: String!, $cohort: PatientFilterInput, $cohortId: ID, $families: [String!], $batchBy: HarmonisationBatchBy!, $binEdges: [Float!], $covariates: [PreservedCovariateInput!], $settings: FeatureSettingsInput, $parametric: Boolean, $meanOnly: Boolean, $dropIncomplete: Boolean) {
  startHarmonisation(name: $name, cohort: $cohort, cohortId: $cohortId, families: $families, batchBy: $batchBy, binEdges: $binEdges, covariates: $covariates, settings: $settings, parametric: $parametric, meanOnly: $meanOnly, dropIncomplete: $dropIncomplete) { id } }`;

async function run(flags: HarmoniseFlags): Promise<void> {
  const batchBy = batchOf(flags);
  const binEdges = flags.binEdges?.map(Number);
  const binCount = Number(flags.binCount);
  if (flags.server) {
    const { startHarmonisation } = await callServer(flags.server, flags.apiKey, MUTATION, {
      name: flags.name, cohort: { collectionIds: flags.collection }, cohortId: flags.cohort, families: flags.family, batchBy, binEdges, covariates: covariatesOf(flags),
      settings: { discretisation: "FIXED_BIN_NUMBER", binCount }, parametric: !flags.nonParametric, meanOnly: !!flags.meanOnly, dropIncomplete: !!flags.dropIncomplete,
    });
    reportJob(await followJob(flags.server, flags.apiKey, startHarmonisation.id));
    process.stdout.write(`harmonisation ${startHarmonisation.id}\n`);
    return;
  }
  const store = await openStore(storeConfig(flags));
  try {
    const prepared = await new HarmonisationService(store).prepare({
      name: flags.name, cohort: { collectionIds: flags.collection }, cohortId: flags.cohort, settings: { discretisation: { method: "fixedBinNumber", binCount } }, families: flags.family as FeatureFamily[] | undefined,
      batch: { by: batchBy, ...(binEdges ? { binEdges } : {}) }, covariates: covariatesOf(flags), parametric: !flags.nonParametric, meanOnly: !!flags.meanOnly, dropIncomplete: !!flags.dropIncomplete,
    });
    const h = prepared.stored ?? (await prepared.run());
    process.stdout.write(`harmonisation ${h.id} '${h.name}'${prepared.stored ? " (stored answer)" : ""}: ${prepared.patients} patients × ${prepared.features} features, batches ${(h.batches as Array<{ batch: string; size: number }>).map((b) => `${b.batch} (${b.size})`).join(", ")}\n`);
    process.stdout.write("feature\tkwPBefore\tkwPAfter\n");
    for (const d of h.diagnostics as Array<{ featureKey: string; pBefore: number; pAfter: number }>) process.stdout.write(`${d.featureKey.split("@")[0]}\t${d.pBefore.toPrecision(3)}\t${d.pAfter.toPrecision(3)}\n`);
  } finally {
    await store.close();
  }
}

export function harmoniseCommand(program: Command): void {
  addStoreFlags(program.command("harmonise"))
    .description("ComBat-harmonise a cohort's stored feature values across acquisition batches (stored as a named Harmonisation)")
    .requiredOption("--name <name>", "name of the harmonised feature set")
    .requiredOption("--batch <by>", `what a batch is: ${BATCH_BY.join(" | ")}`)
    .option("--bin-edges <mm...>", "SLICE_THICKNESS_BINS: ascending edges in mm, e.g. 2.5 4")
    .option("--collection <id...>", "only patients of these collections")
    .option("--cohort <id>", "a saved cohort instead")
    .option("--covariate <attribute...>", "categorical clinical covariates to preserve, e.g. SUBTYPE")
    .option("--numeric-covariate <attribute...>", "numeric covariates to preserve, e.g. ageAtDiagnosisYears")
    .option("--family <family...>", "only these IBSI families (e.g. the location features a scanner offset moves)")
    .option("--bin-count <n>", "feature settings: fixed bin number", "32")
    .option("--non-parametric", "non-parametric empirical Bayes")
    .option("--mean-only", "adjust the location only")
    .option("--drop-incomplete", "leave out patients without a batch or covariate value")
    .option("--server <url>", "run on a running server instead of opening the store (env RG_SERVER)", process.env.RG_SERVER)
    .option("--api-key <key>", "API key for --server (env RG_API_KEY)", process.env.RG_API_KEY)
    .action(run);
}
