// `radiogenomics compute features`: IBSI features (with --filter, the statistics of an IBSI-2 filter's response
// map; with --pyradiomics-params, the pyradiomics profile) for every lesion of a cohort, as a resumable job.
// With --server it asks the running server (which holds the embedded store) and follows the job.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import type { Logger } from "pino";
import { BadUserInputError } from "../../compute/errors.js";
import type { FeatureFamily } from "../../compute/features/types.js";
import type { FeatureSettings } from "../../compute/features/settings.js";
import { pyradiomicsFeatureSettings } from "../../compute/features/profile-features.js";
import { openStore } from "../../graph-model/open-store.js";
import type { PatientFilter } from "../../graph-model/patient-filter.js";
import { cohortFeatureJob } from "../../ingest/features/feature-job.js";
import { FeatureWorkerPool } from "../../ingest/features/feature-worker-pool.js";
import { demoLesionImagesIfWritten } from "../../ingest/demo/demo-images.js";
import { attachProgressBar, FileCheckpointStore, JobEvents, JobRunner } from "../../ingest/jobs/index.js";
import { callServer, followJob, reportJob } from "../server-client.js";
import { writePyradiomicsDiagnostics } from "../pyradiomics-diagnostics-file.js";
import { createServices } from "../services.js";
import { addStoreFlags, storeConfig, type StoreFlags } from "../store-options.js";
import { filterOfFlag } from "../filter-option.js";

interface ComputeFlags extends StoreFlags {
  collection?: string[];
  patient?: string[];
  binCount?: string;
  binWidth?: string;
  pyradiomicsParams?: string;
  filter?: string;
  diagnostics?: string;
  families?: string[];
  server?: string;
  apiKey?: string;
}

/** The text of the --pyradiomics-params file, or undefined (a missing file is bad input, named). */
function pyradiomicsParamsText(flags: ComputeFlags): string | undefined {
  if (flags.pyradiomicsParams === undefined) return undefined;
  if (flags.binCount !== undefined || flags.binWidth !== undefined) throw new BadUserInputError("--pyradiomics-params sets the binning itself; leave out --bin-count and --bin-width");
  try { return readFileSync(flags.pyradiomicsParams, "utf8"); } catch (error) {
    throw new BadUserInputError(`cannot read the pyradiomics params file '${flags.pyradiomicsParams}': ${(error as Error).message}`);
  }
}

function requestOf(flags: ComputeFlags): { filter: PatientFilter; settings: FeatureSettings; families?: FeatureFamily[]; paramsText?: string } {
  const paramsText = pyradiomicsParamsText(flags);
  const filter = { collectionIds: flags.collection, ids: flags.patient };
  if (paramsText !== undefined) return { filter, settings: pyradiomicsFeatureSettings(paramsText), families: flags.families as FeatureFamily[] | undefined, paramsText };
  if (flags.filter !== undefined) {
    if (paramsText !== undefined) throw new BadUserInputError("--filter is the IBSI profile's; with --pyradiomics-params the params file's imageType chooses the filters");
    if (flags.binCount !== undefined || flags.binWidth !== undefined) throw new BadUserInputError("--filter computes intensity statistics without discretisation; leave out --bin-count and --bin-width");
    return { filter, settings: { discretisation: { method: "fixedBinNumber", binCount: 32 }, filter: filterOfFlag(flags.filter) }, families: flags.families as FeatureFamily[] | undefined };
  }
  const binCount = Number(flags.binCount ?? "32");
  const binWidth = flags.binWidth === undefined ? undefined : Number(flags.binWidth);
  if (binWidth !== undefined && !(binWidth > 0)) throw new BadUserInputError(`--bin-width must be a positive number, got '${flags.binWidth}'`);
  if (binWidth === undefined && !(Number.isInteger(binCount) && binCount >= 2)) throw new BadUserInputError(`--bin-count must be an integer ≥ 2, got '${flags.binCount}'`);
  return {
    filter,
    settings: { discretisation: binWidth !== undefined ? { method: "fixedBinSize", binWidth } : { method: "fixedBinNumber", binCount } },
    families: flags.families as FeatureFamily[] | undefined,
  };
}

async function runLocally(flags: ComputeFlags, logger: Logger): Promise<void> {
  const store = await openStore(storeConfig(flags));
  const pool = new FeatureWorkerPool();
  try {
    const imageSources = await demoLesionImagesIfWritten(path.resolve(flags.dataDir ?? "./data"));
    const { features } = createServices(store, logger, { featurePool: pool, imageSources });
    const request = requestOf(flags);
    if (flags.diagnostics && request.paramsText === undefined) throw new BadUserInputError("--diagnostics needs --pyradiomics-params (diagnostics_* are pyradiomics' provenance)");
    const job = await cohortFeatureJob(store, features, request);
    const checkpoints = new FileCheckpointStore({ directory: path.join(path.resolve(flags.dataDir ?? "./data"), "jobs") });
    const events = new JobEvents();
    attachProgressBar(events);
    reportJob(await new JobRunner({ concurrency: pool.size, checkpoints, logger }).run(job, { events }));
    if (flags.diagnostics) console.log(`diagnostics_* of ${await writePyradiomicsDiagnostics(flags.diagnostics, store, features, request.filter, request.settings)} lesions written to ${flags.diagnostics}`);
  } finally {
    await pool.close();
    await store.close();
  }
}

const MUTATION = `mutation($cohort: PatientFilterInput, $settings: FeatureSettingsInput, $families: [String!]) {
  computeFeatures(cohort: $cohort, settings: $settings, families: $families) { id } }`;

async function runOnServer(flags: ComputeFlags): Promise<void> {
  if (flags.diagnostics) throw new BadUserInputError("--diagnostics runs without --server (on a server, read Lesion.pyradiomicsDiagnostics)");
  const { filter, settings, families, paramsText } = requestOf(flags);
  const cohort = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
  const settingsInput = paramsText !== undefined ? { profile: "PYRADIOMICS", pyradiomicsParams: paramsText } : settings.filter ? { filter: settings.filter } : settings.discretisation.method === "fixedBinSize"
    ? { discretisation: "FIXED_BIN_SIZE", binWidth: settings.discretisation.binWidth }
    : { discretisation: "FIXED_BIN_NUMBER", binCount: settings.discretisation.method === "fixedBinNumber" ? settings.discretisation.binCount : 32 };
  const { computeFeatures } = await callServer(flags.server!, flags.apiKey, MUTATION, { cohort, settings: settingsInput, families });
  reportJob(await followJob(flags.server!, flags.apiKey, computeFeatures.id));
}

export function computeCommand(program: Command, logger: Logger): void {
  const compute = program.command("compute").description("compute derived data (radiomic features) for a cohort");
  addStoreFlags(compute.command("features"))
    .description("IBSI radiomic features for every lesion of the cohort; resumable, stored with their settings")
    .option("--collection <id...>", "only patients of these collections, e.g. TCGA-GBM")
    .option("--patient <barcode...>", "only these patients")
    .option("--bin-count <n>", "fixed bin number discretisation (default 32)")
    .option("--bin-width <w>", "fixed bin size discretisation instead (e.g. 25 for CT in HU)")
    .option("--families <family...>", "IBSI families (default all), e.g. glcm morphology; with --pyradiomics-params, pyradiomics classes (default: those the file enables)")
    .option("--pyradiomics-params <file>", "compute the pyradiomics profile from this pyradiomics params file (YAML or JSON), used as is")
    .option("--filter <json|file>", "IBSI profile: an IBSI-2 filter as JSON (inline, or a file), e.g. '{\"kind\":\"LOG\",\"sigma\":3}'; the features are the intensity statistics of its response map (fields as GraphQL's ImageFilterInput)")
    .option("--diagnostics <file>", "with --pyradiomics-params: write pyradiomics' diagnostics_* of every lesion to this file (JSON Lines)")
    .option("--server <url>", "run on a running server instead of opening the store (env RG_SERVER)", process.env.RG_SERVER)
    .option("--api-key <key>", "API key for the server's mutations (env RG_API_KEY)", process.env.RG_API_KEY)
    .action(async (flags: ComputeFlags) => (flags.server ? runOnServer(flags) : runLocally(flags, logger)));
}
