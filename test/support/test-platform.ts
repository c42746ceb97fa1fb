// One store (embedded or Neo4j), optionally loaded with a generated cohort, behind a real HTTP server:
// what the end-to-end suites start in beforeAll and stop in afterAll.
import { afterAll, beforeAll } from "vitest";
import { pino } from "pino";
import { startServer, type RunningServer, type ServerOptions } from "../../cli/server.js";
import { createServices, type ServiceOptions } from "../../cli/services.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type { CohortRecords } from "../../ingest/demo/demo-cohort.js";
import { loadCohort } from "../../ingest/demo/load-demo.js";
import { countingStore, type CountingStore } from "./counting-store.js";
import type { StoreUnderTest } from "./stores.js";

/** Suites that do not test rate limits or timeouts switch them off: a busy test machine must not trip them. */
export const WITHOUT_RATE_LIMITS_OR_TIMEOUTS = { rateLimits: { points: 0, windowSeconds: 60, computePoints: 1 }, resolverTimeoutMs: 0 } as const;

export interface TestPlatform {
  /** The real store, for arranging and checking data directly. */
  store: GraphStore;
  /** What the server talks to: the store, with its calls counted. */
  counting: CountingStore;
  server: RunningServer;
  stop(): Promise<void>;
}

export async function startTestPlatform(
  target: StoreUnderTest,
  options: { cohort?: CohortRecords; services?: ServiceOptions; server?: Pick<ServerOptions, "limits" | "bodyLimit" | "readAccess" | "rateLimits" | "resolverTimeoutMs" | "corsOrigins"> } = {},
): Promise<TestPlatform> {
  const store = await target.open();
  if (options.cohort) await loadCohort(store, options.cohort);
  const counting = countingStore(store);
  // TEST_LOG_LEVEL=error shows the server's log (e.g. what lies behind an INTERNAL error).
  const services = createServices(counting.store, pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }), { demo: options.cohort, ...options.services });
  const server = await startServer({ ...WITHOUT_RATE_LIMITS_OR_TIMEOUTS, ...services, ...options.server, port: 0 });
  return {
    store,
    counting,
    server,
    async stop() {
      await server.stop();
      await target.dispose(store);
    },
  };
}

/** Starts a platform before the suite's tests and stops it after; its fields are set once beforeAll ran. */
export function useTestPlatform(target: StoreUnderTest, options: Parameters<typeof startTestPlatform>[1] = {}): TestPlatform {
  const platform = {} as TestPlatform;
  beforeAll(async () => {
    Object.assign(platform, await startTestPlatform(target, options));
  });
  afterAll(() => platform.stop());
  return platform;
}
