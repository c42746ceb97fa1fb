// `radiogenomics survival km|cox|penalised-cox|combined`: starts a survival analysis on a running
// server (which holds the store), follows its job and prints the stored answer's headline figures
// and id (for `export km|forest|survival-table --analysis <id>`).
import type { Command } from "commander";
import { BadUserInputError } from "../../compute/errors.js";
import { callServer, followJob, reportJob } from "../server-client.js";

interface SurvivalFlags {
  collection?: string[];
  patient?: string[];
  cohortId?: string;
  endpoint: string;
  groupBy?: string;
  splitFeature?: string;
  features?: string[];
  genes?: string[];
  pathway?: string;
  clinical?: string[];
  seed: string;
  folds?: string;
  binCount: string;
  binWidth?: string;
  server: string;
  apiKey?: string;
}

const KINDS: Record<string, string> = { km: "KAPLAN_MEIER", cox: "UNIVARIATE_COX", "penalised-cox": "PENALISED_COX", combined: "COMBINED" };

const START = `mutation($kind: SurvivalKind!, $endpoint: SurvivalEndpoint!, $cohort: PatientFilterInput, $cohortId: ID, $settings: FeatureSettingsInput, $groupBy: String,
  $splitFeature: String, $features: [String!], $genes: [String!], $pathway: String, $clinical: [ClinicalCovariate!], $seed: Int!, $folds: Int) {
  startSurvivalAnalysis(kind: $kind, endpoint: $endpoint, cohort: $cohort, cohortId: $cohortId, settings: $settings, groupBy: $groupBy, splitFeature: $splitFeature,
    features: $features, genes: $genes, pathway: $pathway, clinical: $clinical, seed: $seed, folds: $folds) { id status } }`;
const READ = `query($id: ID!) { survivalAnalysis(id: $id) { id kind endpoint patients events result features(first: 5) { nodes { name hazardRatio hrLower hrUpper p q coefficient } } } }`;

/** The mutation's variables from the flags. */
export function survivalVariables(what: string, flags: SurvivalFlags): Record<string, unknown> {
  const kind = KINDS[what];
  if (!kind) throw new BadUserInputError(`unknown survival analysis '${what}': choose ${Object.keys(KINDS).join(", ")}`);
  const seed = Number(flags.seed), folds = flags.folds === undefined ? undefined : Number(flags.folds);
  if (!Number.isInteger(seed)) throw new BadUserInputError(`--seed must be an integer, got '${flags.seed}'`);
  const binWidth = flags.binWidth === undefined ? undefined : Number(flags.binWidth);
  const settings = binWidth !== undefined ? { discretisation: "FIXED_BIN_SIZE", binWidth } : { discretisation: "FIXED_BIN_NUMBER", binCount: Number(flags.binCount) };
  const cohort = Object.fromEntries(Object.entries({ collectionIds: flags.collection, ids: flags.patient }).filter(([, v]) => v !== undefined));
  return {
    kind, endpoint: flags.endpoint.toUpperCase().replace("-", "_"), cohort, cohortId: flags.cohortId, settings, groupBy: flags.groupBy, splitFeature: flags.splitFeature,
    features: flags.features, genes: flags.genes, pathway: flags.pathway, clinical: flags.clinical, seed, folds,
  };
}

function headline(a: { id: string; kind: string; endpoint: string; patients: number; events: number; result: Record<string, any>; features: { nodes: Array<Record<string, number | string | null>> } }): string {
  const lines = [`${a.kind} (${a.endpoint}) on ${a.patients} patients, ${a.events} events — id ${a.id}`];
  const r = a.result;
  if (a.kind === "KAPLAN_MEIER") {
    for (const g of r.groups) lines.push(`  ${g.group}: n ${g.n}, events ${g.events}, median ${g.medianSurvival ?? "not reached"}`);
    lines.push(`  log-rank chi2 ${r.logRank.statistic.toFixed(3)}, p ${r.logRank.p.toPrecision(3)}`);
  } else if (a.kind === "COMBINED") {
    for (const m of r.models) lines.push(`  ${m.name}: out-of-fold C ${m.outOfFoldConcordance.toFixed(3)}`);
    for (const c of r.comparisons) lines.push(`  ${c.model} vs ${c.over}: ΔC ${c.deltaC.toFixed(3)} (95% CI ${c.ci95[0].toFixed(3)}–${c.ci95[1].toFixed(3)})${c.likelihoodRatio ? `, LR p ${c.likelihoodRatio.p.toPrecision(3)}` : ""}`);
  } else {
    if (a.kind === "PENALISED_COX") lines.push(`  out-of-fold Harrell C ${r.outOfFoldHarrellC.toFixed(3)}, Uno C ${r.outOfFoldUnoC?.toFixed(3) ?? "n/a"}`);
    for (const f of a.features.nodes) lines.push(`  ${f.name}: HR ${Number(f.hazardRatio).toPrecision(3)}${f.hrLower !== null ? ` (${Number(f.hrLower).toPrecision(3)}–${Number(f.hrUpper).toPrecision(3)}), p ${Number(f.p).toPrecision(3)}, q ${Number(f.q).toPrecision(3)}` : ""}`);
  }
  return lines.join("\n") + "\n";
}

export function survivalCommand(program: Command): void {
  program
    .command("survival")
    .description("run a survival analysis on a running server: km (Kaplan–Meier + log-rank), cox (univariate, every feature), penalised-cox (nested CV), combined (clinical vs + genomic vs + radiomic)")
    .argument("<kind>", "km | cox | penalised-cox | combined")
    .option("--collection <id...>", "only patients of these collections")
    .option("--patient <barcode...>", "only these patients")
    .option("--cohort-id <id>", "a saved cohort instead")
    .option("--endpoint <endpoint>", "overall or progression-free", "overall")
    .option("--group-by <attribute>", "km: a clinical attribute, e.g. SUBTYPE")
    .option("--split-feature <name>", "km: a feature split at its median")
    .option("--features <name...>", "cox kinds: only these features; combined: the radiomic block")
    .option("--genes <symbol...>", "combined: genomic block (one covariate per gene)")
    .option("--pathway <id>", "combined: genomic block as one pathway score")
    .option("--clinical <covariate...>", "combined: clinical block (age stage sex)")
    .option("--seed <n>", "seed of the folds", "1")
    .option("--folds <k>", "CV folds (default 5)")
    .option("--bin-count <n>", "feature settings: fixed bin number", "32")
    .option("--bin-width <w>", "feature settings: fixed bin size instead")
    .option("--server <url>", "base URL of a running server (env RG_SERVER)", process.env.RG_SERVER ?? "http://127.0.0.1:4000")
    .option("--api-key <key>", "API key with the analysis scope (env RG_API_KEY)", process.env.RG_API_KEY)
    .action(async (what: string, flags: SurvivalFlags) => {
      const { startSurvivalAnalysis } = await callServer(flags.server, flags.apiKey, START, survivalVariables(what, flags));
      const job = startSurvivalAnalysis.status === "SUCCEEDED" ? null : await followJob(flags.server, flags.apiKey, startSurvivalAnalysis.id);
      if (job && job.status !== "SUCCEEDED") return reportJob(job);
      const { survivalAnalysis } = await callServer(flags.server, flags.apiKey, READ, { id: startSurvivalAnalysis.id });
      process.stdout.write(headline(survivalAnalysis));
    });
}
