// `radiogenomics ingest genomics|pathways`: public genomic data into the graph. Works on the store
// directly, or through a running server with --server.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import type { Logger } from "pino";
import { BadUserInputError } from "../../compute/errors.js";
import { openStore } from "../../graph-model/open-store.js";
import { imagingIngestJob } from "../../ingest/dicomweb/imaging-ingest-job.js";
import { GDC_STEPS, gdcIngestJob, type GdcStep } from "../../ingest/gdc/gdc-ingest-job.js";
import { attachProgressBar, FileCheckpointStore, JobEvents, JobRunner } from "../../ingest/jobs/index.js";
import { ingestGmt, type GmtFormat } from "../../ingest/pathways/pathway-ingest.js";
import { reactomeIngestJob } from "../../ingest/pathways/reactome-ingest-job.js";
import { callServer, followJob, reportJob } from "../server-client.js";
import { createServices } from "../services.js";
import { addStoreFlags, storeConfig, type StoreFlags } from "../store-options.js";

interface RemoteFlags {
  server?: string;
  apiKey?: string;
}

function addRemoteFlags(command: Command): Command {
  return command
    .option("--server <url>", "work through a running server instead of opening the store (env RG_SERVER)", process.env.RG_SERVER)
    .option("--api-key <key>", "API key for the server's mutations (env RG_API_KEY)", process.env.RG_API_KEY);
}

interface GenomicsFlags extends StoreFlags, RemoteFlags {
  project: string;
  steps?: string[];
  gdcUrl?: string;
}

async function ingestGenomics(flags: GenomicsFlags, logger: Logger): Promise<void> {
  const steps = (flags.steps ?? [...GDC_STEPS]) as GdcStep[];
  const unknown = steps.filter((s) => !GDC_STEPS.includes(s));
  if (unknown.length) throw new BadUserInputError(`unknown steps: ${unknown.join(", ")}; use ${GDC_STEPS.join(", ")}`);
  if (flags.server) {
    const query = `mutation($project: String!, $steps: [GenomicStep!]) { ingestGenomics(project: $project, steps: $steps) { id } }`;
    const { ingestGenomics } = await callServer(flags.server, flags.apiKey, query, { project: flags.project, steps });
    return reportJob(await followJob(flags.server, flags.apiKey, ingestGenomics.id));
  }
  const store = await openStore(storeConfig(flags));
  try {
    const { genomics } = createServices(store, logger, { gdcUrl: flags.gdcUrl });
    const job = await gdcIngestJob(store, genomics.gdc, genomics.gdcHttp, { projectId: flags.project, steps });
    const events = new JobEvents();
    attachProgressBar(events);
    const checkpoints = new FileCheckpointStore({ directory: path.join(path.resolve(flags.dataDir ?? "./data"), "jobs") });
    reportJob(await new JobRunner({ concurrency: 1, checkpoints, logger }).run(job, { events }));
  } finally {
    await store.close();
  }
}

interface PathwayFlags extends StoreFlags, RemoteFlags {
  gmt?: string;
  format?: string;
  release?: string;
  reactome?: string[];
  resource: string;
  reactomeUrl?: string;
}

async function ingestPathways(flags: PathwayFlags, logger: Logger): Promise<void> {
  if (flags.reactome) return ingestReactome(flags, flags.reactome, logger);
  if (!flags.gmt || !flags.format || !flags.release) throw new BadUserInputError("give --gmt, --format and --release (a GMT file), or --reactome <gene ids…> (Reactome ContentService)");
  return ingestGmtFile({ ...flags, gmt: flags.gmt, format: flags.format, release: flags.release }, logger);
}

/** The Reactome pathways of some genes from the ContentService, as a resumable job. */
async function ingestReactome(flags: PathwayFlags, genes: string[], logger: Logger): Promise<void> {
  if (flags.server) {
    const query = `mutation($genes: [String!]!, $resource: String!, $release: String) { ingestReactomePathways(genes: $genes, resource: $resource, release: $release) { id } }`;
    const { ingestReactomePathways } = await callServer(flags.server, flags.apiKey, query, { genes, resource: flags.resource, release: flags.release });
    return reportJob(await followJob(flags.server, flags.apiKey, ingestReactomePathways.id));
  }
  const store = await openStore(storeConfig(flags));
  try {
    const { genomics } = createServices(store, logger, { reactomeUrl: flags.reactomeUrl });
    const job = await reactomeIngestJob(store, genomics.reactome, { identifiers: genes, resource: flags.resource, release: flags.release });
    const events = new JobEvents();
    attachProgressBar(events);
    const checkpoints = new FileCheckpointStore({ directory: path.join(path.resolve(flags.dataDir ?? "./data"), "jobs") });
    reportJob(await new JobRunner({ concurrency: 2, checkpoints, logger }).run(job, { events }));
  } finally {
    await store.close();
  }
}

async function ingestGmtFile(flags: PathwayFlags & { gmt: string; format: string; release: string }, logger: Logger): Promise<void> {
  const format = flags.format.toUpperCase() as GmtFormat;
  if (!["MSIGDB", "REACTOME", "WIKIPATHWAYS"].includes(format)) throw new BadUserInputError(`--format must be msigdb, reactome or wikipathways, got '${flags.format}'`);
  const text = await readFile(flags.gmt, "utf8").catch((error: Error) => {
    throw new BadUserInputError(`cannot read the GMT file ${flags.gmt}: ${error.message}`);
  });
  let report: { written: number; unmappedEntrezIds: string[]; unknownGeneSymbolCount: number; unknownGeneSymbols: string[] };
  if (flags.server) {
    const query = `mutation($format: GmtFormat!, $gmt: String!, $version: String!) { ingestPathways(format: $format, gmt: $gmt, version: $version) { written unmappedEntrezIds unknownGeneSymbolCount unknownGeneSymbols } }`;
    report = (await callServer(flags.server, flags.apiKey, query, { format, gmt: text, version: flags.release })).ingestPathways;
  } else {
    const store = await openStore(storeConfig(flags));
    try {
      report = await ingestGmt(store, format, text, flags.release);
    } finally {
      await store.close();
    }
  }
  logger.info({ gmt: flags.gmt, ...report }, "gene sets ingested");
  const unknown = report.unknownGeneSymbolCount ? `; ${report.unknownGeneSymbolCount} member symbols unknown to the graph's genes, not linked (first: ${report.unknownGeneSymbols.slice(0, 10).join(", ")})` : "";
  process.stdout.write(`${report.written} gene sets from ${flags.gmt}${report.unmappedEntrezIds.length ? `; ${report.unmappedEntrezIds.length} Entrez ids had no gene symbol in the graph` : ""}${unknown}\n`);
}

interface ImagingFlags extends StoreFlags, RemoteFlags {
  collection: string;
  patients: string[];
  modalities?: string[];
  dicomwebUrl?: string;
}

async function ingestImaging(flags: ImagingFlags, logger: Logger): Promise<void> {
  if (flags.server) {
    const query = `mutation($collection: String!, $patients: [String!]!, $modalities: [String!]) { ingestImaging(collection: $collection, patientIds: $patients, modalities: $modalities) { id } }`;
    const { ingestImaging } = await callServer(flags.server, flags.apiKey, query, { collection: flags.collection, patients: flags.patients, modalities: flags.modalities });
    return reportJob(await followJob(flags.server, flags.apiKey, ingestImaging.id));
  }
  const dataDir = path.resolve(flags.dataDir ?? "./data");
  const store = await openStore(storeConfig(flags));
  try {
    const { imaging } = createServices(store, logger, { dicomwebUrl: flags.dicomwebUrl, pixelCacheDir: path.join(dataDir, "pixel-cache") });
    const job = imagingIngestJob(store, imaging, { collectionId: flags.collection, patientIds: flags.patients, modalities: flags.modalities });
    const events = new JobEvents();
    attachProgressBar(events);
    reportJob(await new JobRunner({ concurrency: 2, checkpoints: new FileCheckpointStore({ directory: path.join(dataDir, "jobs") }), logger }).run(job, { events }));
  } finally {
    await store.close();
  }
}

export function ingestCommand(program: Command, logger: Logger): void {
  const ingest = program.command("ingest").description("pull public data into the graph (idempotent, resumable)");
  addRemoteFlags(addStoreFlags(ingest.command("genomics")))
    .description("a GDC project's clinical data, primary-tumour expression (STAR-Counts TPM) and somatic mutations")
    .requiredOption("--project <id>", "GDC project, e.g. TCGA-LUAD")
    .option("--steps <step...>", `some of: ${GDC_STEPS.join(", ")} (default all)`)
    .option("--gdc-url <url>", "GDC API base URL (env RG_GDC_URL; default the public API)", process.env.RG_GDC_URL)
    .action((flags: GenomicsFlags) => ingestGenomics(flags, logger));
  addRemoteFlags(addStoreFlags(ingest.command("imaging")))
    .description("patients' studies, series (with acquisition parameters) and SEG/RTSTRUCT lesions from a DICOMweb archive")
    .requiredOption("--collection <id>", "collection the patients belong to, e.g. TCGA-GBM")
    .requiredOption("--patients <barcode...>", "DICOM PatientIDs (TCGA barcodes)")
    .option("--modalities <modality...>", "only image series of these modalities, e.g. CT MR")
    .option("--dicomweb-url <url>", "DICOMweb base URL (env RG_DICOMWEB_URL; default IDC's public proxy)", process.env.RG_DICOMWEB_URL)
    .action((flags: ImagingFlags) => ingestImaging(flags, logger));
  addRemoteFlags(addStoreFlags(ingest.command("pathways")))
    .description("gene sets from a GMT file (MSigDB HGNC symbols, Reactome R-HSA ids, WikiPathways Entrez ids), or the Reactome pathways of some genes from the ContentService")
    .option("--gmt <file>", "the GMT file")
    .option("--format <format>", "msigdb, reactome or wikipathways")
    .option("--release <version>", "release of the collection, e.g. 2024.1.Hs (Reactome ContentService: default its database version)")
    .option("--reactome <id...>", "instead of a GMT file: genes (UniProt accessions, e.g. P04637) whose Reactome pathways to ingest, as a resumable job")
    .option("--resource <name>", "Reactome reference database of the --reactome ids", "UniProt")
    .option("--reactome-url <url>", "Reactome ContentService base URL (env RG_REACTOME_URL; default the public service)", process.env.RG_REACTOME_URL)
    .action((flags: PathwayFlags) => ingestPathways(flags, logger));
}
