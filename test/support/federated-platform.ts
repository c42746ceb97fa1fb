// The platform both ways over one store: the all-in-one server, and the three Federation subgraphs
// behind the gateway — each on its own loopback port, as `serve`, `serve --subgraph` and `gateway`
// run them. The subgraphs hold no state of their own; they share the store and services.
import { afterAll, beforeAll } from "vitest";
import { pino } from "pino";
import { startGateway, type SubgraphEndpoint } from "../../cli/gateway.js";
import { startServer, type RunningServer } from "../../cli/server.js";
import { createServices, type ServiceOptions } from "../../cli/services.js";
import type { QueryLimits } from "../../resolvers/query-limits.js";
import type { RateLimits } from "../../resolvers/rate-limits.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type { CohortRecords } from "../../ingest/demo/demo-cohort.js";
import { loadCohort } from "../../ingest/demo/load-demo.js";
import { buildPlatformSubgraphSchema } from "../../schema/build-subgraph-schema.js";
import { SUBGRAPH_NAMES, type SubgraphName } from "../../schema/subgraphs.js";
import { countingStore, type CountingStore } from "./counting-store.js";
import { WITHOUT_RATE_LIMITS_OR_TIMEOUTS } from "./test-platform.js";
import type { StoreUnderTest } from "./stores.js";

export interface FederatedPlatform {
  store: GraphStore;
  counting: CountingStore;
  allInOne: RunningServer;
  subgraphs: Record<SubgraphName, RunningServer>;
  gateway: RunningServer;
  stop(): Promise<void>;
}

export interface FederatedOptions {
  cohort?: CohortRecords;
  services?: ServiceOptions;
  /** Outside subgraphs the gateway composes too (e.g. examples/clinical-subgraph). */
  outside?: SubgraphEndpoint[];
  /** Depth and cost limits of every server (default DEFAULT_LIMITS). */
  limits?: QueryLimits;
  /** The gateway's rate limits (default: none, like test servers that are not about limits). */
  gatewayRateLimits?: RateLimits;
}

export async function startFederatedPlatform(target: StoreUnderTest, options: FederatedOptions = {}): Promise<FederatedPlatform> {
  const store = await target.open();
  if (options.cohort) await loadCohort(store, options.cohort);
  const counting = countingStore(store);
  const logger = pino({ level: "silent" });
  const services = createServices(counting.store, logger, { demo: options.cohort, ...options.services });
  const { limits } = options;
  const allInOne = await startServer({ ...services, port: 0, limits });
  const subgraphs = {} as Record<SubgraphName, RunningServer>;
  for (const name of SUBGRAPH_NAMES) subgraphs[name] = await startServer({ ...services, port: 0, limits, schema: await buildPlatformSubgraphSchema(name) });
  const endpoints = [...SUBGRAPH_NAMES.map((name) => ({ name, url: subgraphs[name].graphqlUrl })), ...(options.outside ?? [])];
  const gateway = await startGateway({ subgraphs: endpoints, port: 0, logger, limits, rateLimits: options.gatewayRateLimits ?? WITHOUT_RATE_LIMITS_OR_TIMEOUTS.rateLimits });
  return {
    store,
    counting,
    allInOne,
    subgraphs,
    gateway,
    async stop() {
      await gateway.stop();
      for (const server of Object.values(subgraphs)) await server.stop();
      await allInOne.stop();
      await target.dispose(store);
    },
  };
}

/** Starts the federated platform before the suite's tests and stops it after. */
export function useFederatedPlatform(target: StoreUnderTest, options: FederatedOptions = {}): FederatedPlatform {
  const platform = {} as FederatedPlatform;
  beforeAll(async () => {
    Object.assign(platform, await startFederatedPlatform(target, options));
  });
  afterAll(() => platform.stop());
  return platform;
}
