// `radiogenomics export map|links|features|heatmap`: fetches an export from a running server (which
// holds the embedded store) over its /export endpoints and writes it to a file or stdout.
import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { BadUserInputError, PlatformError, UpstreamUnavailableError, type ErrorCode } from "../../compute/errors.js";

interface ExportFlags {
  analysis?: string[];
  format?: string;
  out?: string;
  server: string;
  maxQ?: string;
  minAbsRho?: string;
  markQ?: string;
  patient?: string[];
  collection?: string[];
  family?: string[];
  binCount?: string;
  binWidth?: string;
  settingsHash?: string;
  signature?: string;
  harmonisation?: string;
}

const FORMATS: Record<string, string[]> = { map: ["cyjs", "graphml", "style.xml", "style.json"], links: ["csv", "tsv", "parquet"], features: ["csv", "tsv", "parquet"], heatmap: ["svg"], roc: ["svg"], coefficients: ["csv", "tsv", "parquet"], folds: ["csv", "tsv", "parquet"], "harmonisation-diagnostics": ["csv", "tsv", "parquet"], "harmonised-values": ["csv", "tsv", "parquet"], km: ["svg"], forest: ["svg"], "survival-table": ["csv", "tsv", "parquet"] };
const HARMONISATION_EXPORTS: Record<string, string> = { "harmonisation-diagnostics": "diagnostics", "harmonised-values": "values" };
const SIGNATURE_EXPORTS = new Set(["roc", "coefficients", "folds"]);
/** Survival exports: CLI name → file name under /export/survival/:id/. */
const SURVIVAL_EXPORTS: Record<string, string> = { km: "km", forest: "forest", "survival-table": "table" };

function formatOf(what: string, flags: ExportFlags): string {
  const allowed = FORMATS[what];
  if (!allowed) throw new BadUserInputError(`unknown export '${what}': choose ${Object.keys(FORMATS).join(", ")}`);
  const format = flags.format ?? allowed[0]!;
  if (!allowed.includes(format)) throw new BadUserInputError(`${what} exports as ${allowed.join(" or ")}, not '${format}'`);
  return format;
}

/** The server path and query string of an export. */
export function exportPath(what: string, flags: ExportFlags): string {
  const format = formatOf(what, flags);
  const query = new URLSearchParams();
  const add = (name: string, value: string | string[] | undefined) => [value ?? []].flat().forEach((v) => query.append(name, v));
  const analyses = flags.analysis ?? [];
  let path: string;
  if (SIGNATURE_EXPORTS.has(what)) {
    if (!flags.signature) throw new BadUserInputError(`export ${what} needs --signature <id> (from fitSignature)`);
    return `/export/signatures/${encodeURIComponent(flags.signature)}/${what}.${format}`;
  }
  if (HARMONISATION_EXPORTS[what]) {
    if (!flags.harmonisation) throw new BadUserInputError(`export ${what} needs --harmonisation <id> (from startHarmonisation)`);
    return `/export/harmonisations/${encodeURIComponent(flags.harmonisation)}/${HARMONISATION_EXPORTS[what]}.${format}`;
  }
  if (SURVIVAL_EXPORTS[what]) {
    if (analyses.length !== 1) throw new BadUserInputError(`export ${what} needs one --analysis <id> (a survival analysis id from startSurvivalAnalysis)`);
    return `/export/survival/${encodeURIComponent(analyses[0]!)}/${SURVIVAL_EXPORTS[what]}.${format}`;
  }
  if (what === "features" && !analyses.length) {
    path = `/export/features.${format}`;
    add("patient", flags.patient), add("collection", flags.collection), add("family", flags.family);
    add("binCount", flags.binCount), add("binWidth", flags.binWidth), add("settingsHash", flags.settingsHash);
  } else if (what === "map" && analyses.length > 1) {
    path = `/export/map.${format}`;
    add("analysis", analyses);
  } else {
    if (analyses.length !== 1) throw new BadUserInputError(`export ${what} needs one --analysis <id>${what === "map" ? " (or several)" : ""}`);
    path = `/export/analyses/${encodeURIComponent(analyses[0]!)}/${what}.${format}`;
  }
  if (what !== "features") add("maxQ", flags.maxQ), add("minAbsRho", flags.minAbsRho);
  if (what === "heatmap") add("markQ", flags.markQ);
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

async function fetchExport(server: string, path: string): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetch(new URL(path, server));
  } catch (error) {
    throw new UpstreamUnavailableError(`No radiogenomics server answers at ${server} (${(error as Error).message}). Start one with 'npm start'.`);
  }
  const body = Buffer.from(await response.arrayBuffer());
  if (response.ok) return body;
  let error: { message?: string; extensions?: { code?: string } } | undefined;
  try {
    error = (JSON.parse(body.toString("utf8")) as { errors?: (typeof error)[] }).errors?.[0];
  } catch {
    // Not our error shape (e.g. a proxy's HTML page): report the status.
  }
  throw new PlatformError((error?.extensions?.code ?? "INTERNAL") as ErrorCode, error?.message ?? `the server answered ${response.status} for ${path}`);
}

export function exportCommand(program: Command): void {
  program
    .command("export")
    .description("export for visualisation tools from a running server: map (cyjs|graphml|style.xml|style.json), links (csv|tsv|parquet), features (csv|tsv|parquet), heatmap (svg), roc (svg), coefficients | folds (csv|tsv) of a signature, harmonisation-diagnostics | harmonised-values (csv|tsv) of a harmonisation, km | forest (svg), survival-table (csv|tsv) of a survival analysis")
    .argument("<what>", "map | links | features | heatmap | roc | coefficients | folds | harmonisation-diagnostics | harmonised-values | km | forest | survival-table")
    .option("--signature <id>", "roc, coefficients, folds: signature id from fitSignature")
    .option("--harmonisation <id>", "harmonisation-diagnostics, harmonised-values: harmonisation id from startHarmonisation")
    .option("--analysis <id...>", "analysis id(s) from runAssociation (map takes several), or a survival analysis id (km, forest, survival-table)")
    .option("--format <format>", "map: cyjs (default), graphml, style.xml (Cytoscape desktop style) or style.json (Cytoscape.js style); links, features and other tables: csv (default), tsv or parquet; heatmap: svg")
    .option("--out <file>", "write here (default: stdout); csv/tsv tables also write <file>.provenance.json (Parquet holds it in its metadata)")
    .option("--max-q <q>", "map, links, heatmap: only links with q at most this (map default 0.05)")
    .option("--min-abs-rho <r>", "map, links, heatmap: only links with |rho| at least this")
    .option("--mark-q <q>", "heatmap: dot cells with q below this (default 0.05)")
    .option("--patient <barcode...>", "features without --analysis: only these patients")
    .option("--collection <id...>", "features without --analysis: only these collections")
    .option("--family <family...>", "features without --analysis: only these IBSI families")
    .option("--bin-count <n>", "features without --analysis: settings with this fixed bin number (default 32)")
    .option("--bin-width <w>", "features without --analysis: settings with this fixed bin size")
    .option("--settings-hash <hash>", "features without --analysis: this settings hash")
    .option("--server <url>", "base URL of a running server (env RG_SERVER)", process.env.RG_SERVER ?? "http://127.0.0.1:4000")
    .action(async (what: string, flags: ExportFlags) => {
      const body = await fetchExport(flags.server, exportPath(what, flags));
      if (!flags.out) return void process.stdout.write(body);
      await writeFile(flags.out, body);
      process.stderr.write(`wrote ${body.length} bytes to ${flags.out}\n`);
      await writeProvenanceSidecar(flags.server, exportPath(what, flags), flags.out);
    });
}

/** A table's provenance is not in its body: with --out, `<out minus .csv/.tsv>.provenance.json` is written beside it. */
async function writeProvenanceSidecar(server: string, path: string, out: string): Promise<void> {
  const match = /\.(csv|tsv)(\?|$)/.exec(path);
  if (!match) return;
  const sidecarPath = path.replace(/\.(csv|tsv)(\?|$)/, ".provenance.json$2");
  const file = `${out.replace(/\.(csv|tsv)$/, "")}.provenance.json`;
  await writeFile(file, await fetchExport(server, sidecarPath));
  process.stderr.write(`wrote provenance to ${file}\n`);
}
