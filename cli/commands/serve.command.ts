// `radiogenomics serve`: the all-in-one GraphQL server on the embedded store or Neo4j.
import path from "node:path";
import type { Command } from "commander";
import type { Logger } from "pino";
import { BadUserInputError } from "../../compute/errors.js";
import { openStore } from "../../graph-model/open-store.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type { ImagingSource } from "../../ingest/dicomweb/index.js";
import { ModelWorkerPool } from "../../ingest/analysis/model-worker-pool.js";
import { AssociationWorkerPool } from "../../ingest/analysis/association-worker-pool.js";
import { FeatureWorkerPool } from "../../ingest/features/feature-worker-pool.js";
import { buildJobSubscriptionSchema, JOB_SUBSCRIPTION_SUBGRAPH } from "../../schema/build-job-subscription-schema.js";
import { buildPlatformSubgraphSchema } from "../../schema/build-subgraph-schema.js";
import { SUBGRAPH_NAMES, type SubgraphName } from "../../schema/subgraphs.js";
import { startServer } from "../server.js";
import { defaultKeyFile } from "../../resolvers/api-key-file.js";
import { serverConfigFromEnv } from "../server-config.js";
import { assertBindPolicy, isLoopbackHost } from "../bind-policy.js";
import { parseAllowedHosts } from "../host-origin-policy.js";
import { createServices } from "../services.js";
import { addStoreFlags, storeConfig, type StoreFlags } from "../store-options.js";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { demoImagingSource, demoLesionImagesFromFiles } from "../../ingest/demo/demo-images.js";
import { loadDemo } from "./demo.command.js";
import { demoState } from "../../ingest/demo/demo-marker.js";
import type { JobRegistry } from "../../ingest/jobs/job-registry.js";
import { rollBackIncompleteExpressionLoads } from "../../ingest/genomics/expression-load-marker.js";

interface ServeFlags extends StoreFlags {
  port: string;
  host: string;
  demo?: boolean;
  subgraph?: string;
  keys?: string;
  allowedHosts?: string;
  allowAnonymousWrites?: boolean;
}

function parseSubgraph(name: string | undefined): SubgraphName | undefined {
  if (name === undefined || SUBGRAPH_NAMES.includes(name as SubgraphName)) return name as SubgraphName | undefined;
  throw new BadUserInputError(`--subgraph must be one of ${SUBGRAPH_NAMES.join(", ")}, got '${name}'`);
}

export function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new BadUserInputError(`--port must be 0–65535, got '${text}'`);
  return port;
}

// The demo cohort is loaded when absent and reloaded (repaired) when its load never completed —
// before the server listens, so a partial graph is never served; its files are indexed on every start.
async function demoImages(store: GraphStore, logger: Logger, dataDir: string): Promise<ImagingSource> {
  const state = await demoState(store);
  if (state === "complete") return demoImagingSource(dataDir, demoCohort());
  if (state === "incomplete") logger.warn("repairing: the demo load in this data directory never completed (no complete LoadMarker); reloading it before serving");
  return loadDemo(store, logger, dataDir);
}

/** A demo load interrupted earlier is repaired on any start, with or without --demo. */
async function repairInterruptedDemo(store: GraphStore, logger: Logger, dataDir: string): Promise<void> {
  if (store.staleFilesRemoved.length) logger.warn({ files: store.staleFilesRemoved }, "removed temporary bulk-load files a killed process left");
  if ((await demoState(store)) !== "incomplete") return;
  logger.warn("repairing: the demo load in this data directory never completed (no complete LoadMarker); reloading it before serving");
  await loadDemo(store, logger, dataDir);
}

/** Jobs a killed process left unfinished are listed INTERRUPTED (resumeJob continues them). */
async function listInterruptedJobs(jobs: JobRegistry, logger: Logger): Promise<void> {
  const interrupted = await jobs.restoreInterrupted();
  if (interrupted.length)
    logger.warn({ jobs: interrupted.map((j) => ({ id: j.id, done: j.progress.done })) }, `${interrupted.length} job(s) were interrupted by a restart: listed as INTERRUPTED; continue one with the resumeJob(id) mutation`);
}

export function serveCommand(program: Command, logger: Logger): void {
  addStoreFlags(program.command("serve"))
    .description("serve the GraphQL API (http://HOST:PORT/graphql) and /health")
    .option("-p, --port <port>", "port to listen on (env PORT)", process.env.PORT ?? "4000")
    .option("--host <host>", "address to listen on (env HOST)", process.env.HOST ?? "127.0.0.1")
    .option("--demo", "load the demo cohort first when the store is empty")
    .option("--keys <file>", "API key file (`radiogenomics api-key create --key-file <file>`); it must exist and be valid, and the server refuses every mutation while it is missing or broken (default <data dir>/api-keys.json when present; env RG_API_KEY_FILE)")
    .option("--allowed-hosts <list>", "Host header names answered, comma-separated (`loopback`, names, or `*`); others get 421 (env RG_ALLOWED_HOSTS; default loopback plus the --host address)", process.env.RG_ALLOWED_HOSTS)
    .option("--allow-anonymous-writes", "allow listening on a non-loopback address with no API keys (anyone who can reach it may write)")
    .option("--subgraph <name>", `serve one Apollo Federation 2 subgraph (${SUBGRAPH_NAMES.join(" | ")}) for \`radiogenomics gateway\` instead of the all-in-one API`)
    .action(async (flags: ServeFlags) => {
      const port = parsePort(flags.port);
      const config = serverConfigFromEnv();
      const subgraph = parseSubgraph(flags.subgraph);
      const store = await openStore(storeConfig(flags));
      const dataDir = path.resolve(flags.dataDir ?? "./data");
      if (!flags.demo) await repairInterruptedDemo(store, logger, dataDir);
      else if (store.staleFilesRemoved.length) logger.warn({ files: store.staleFilesRemoved }, "removed temporary bulk-load files a killed process left");
      await rollBackIncompleteExpressionLoads(store, logger);
      const demoImaging = flags.demo ? await demoImages(store, logger, dataDir) : undefined;
      // Demo lesions' pixels come from the demo's DICOM files (local-folder source) before any generated array.
      const imageSources = demoImaging ? [demoLesionImagesFromFiles(demoImaging)] : [];
      const featurePool = new FeatureWorkerPool();
      const modelPool = new ModelWorkerPool({ size: featurePool.size });
      const associationPool = new AssociationWorkerPool({ size: featurePool.size }); // its workers start with the first association
      const checkpointDir = path.join(dataDir, "jobs");
      const pixelCacheDir = path.join(dataDir, "pixel-cache");
      // A key file named by --keys or RG_API_KEY_FILE must be usable from the start (fail closed).
      const apiKeyFileRequired = flags.keys !== undefined || process.env.RG_API_KEY_FILE !== undefined;
      const apiKeyFile = flags.keys ? path.resolve(flags.keys) : defaultKeyFile(flags.dataDir ?? "./data");
      const services = createServices(store, logger, { featurePool, modelPool, associationPool, checkpointDir, pixelCacheDir, imageSources, apiKeys: process.env.RG_API_KEYS, apiKeyFile, apiKeyFileRequired });
      services.apiKeys.assertUsable();
      await listInterruptedJobs(services.jobs, logger);
      assertBindPolicy({ host: flags.host, keysConfigured: !services.apiKeys.isEmpty(), allowAnonymousWrites: flags.allowAnonymousWrites === true, role: "server" });
      if (config.readAccess === "key" && services.apiKeys.isEmpty())
        throw new BadUserInputError("RG_READ_ACCESS=key but no API key is configured: create one with `radiogenomics api-key create --scopes read`");
      const schema = subgraph ? await buildPlatformSubgraphSchema(subgraph) : undefined;
      const subscriptionSchema = subgraph === JOB_SUBSCRIPTION_SUBGRAPH ? await buildJobSubscriptionSchema() : undefined;
      const server = await startServer({ ...services, ...config, port, host: flags.host, schema, subscriptionSchema, allowedHosts: parseAllowedHosts(flags.allowedHosts) });
      if (!isLoopbackHost(flags.host) && !flags.allowedHosts)
        logger.warn({ host: flags.host }, "listening beyond loopback: only requests whose Host header is a loopback name or the --host address are answered (others get 421); list the names clients use with --allowed-hosts or RG_ALLOWED_HOSTS");
      if (services.apiKeys.isEmpty()) logger.warn("no API keys configured (RG_API_KEYS or `radiogenomics api-key create`): mutations are open to anyone who can reach the server");
      logger.info({ graphql: server.graphqlUrl, subgraph, store: store.kind, location: store.location }, "radiogenomics is serving");
      process.stdout.write(`GraphQL ${subgraph ? `${subgraph} subgraph` : "API"}: ${server.graphqlUrl}  (store: ${store.kind} at ${store.location})\n`);
      const shutdown = async () => {
        await server.stop();
        await featurePool.close();
        await modelPool.close();
        await associationPool.close();
        await store.close();
        process.exit(0);
      };
      process.once("SIGINT", shutdown);
      process.once("SIGTERM", shutdown);
    });
}
