// The all-in-one HTTP server: GraphQL at /graphql (HTTP, and subscriptions over graphql-ws on the same
// path), a health endpoint at /health, exports under /export; guarded by API keys, rate limits,
// timeouts and a CORS policy.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import express from "express";
import { OperationTypeNode, type GraphQLSchema } from "graphql";
import { createRequestContext, type RequestContext, type Services } from "../resolvers/context.js";
import { createErrorFormatter } from "../resolvers/format-error.js";
import { buildPlatformSchema } from "../schema/build-schema.js";
import { exportRouter } from "./export-routes.js";
import { dicomwebBaseUrl } from "../ingest/cohorts/cohort-manifest-export.js";
import { publicLocation } from "./public-location.js";
import { DEFAULT_LIMITS, queryLimitsPlugin, type CostContext, type QueryLimits } from "../resolvers/query-limits.js";
import { StorePatientCount } from "./store-patient-count.js";
import { authorizeOperation, type ReadAccess } from "../resolvers/access-control.js";
import { DEFAULT_RATE_LIMITS, RateLimiter, rateLimitCaller, type RateLimits } from "../resolvers/rate-limits.js";
import { requestGuardPlugin } from "../resolvers/request-guard.js";
import { applyResolverTimeouts, DEFAULT_RESOLVER_TIMEOUT_MS } from "../resolvers/resolver-timeout.js";
import { corsMiddleware, DEFAULT_CORS_ORIGINS, type CorsOrigins } from "./cors-policy.js";
import { attachSubscriptionServer } from "./subscription-server.js";
import { DEFAULT_ALLOWED_HOSTS, hostOriginGuard, hostsWithBind, type AllowedHosts } from "./host-origin-policy.js";
import { deadlineOf, requestDeadlineMiddleware } from "./request-deadline-middleware.js";

export interface ServerOptions extends Services {
  port: number;
  host?: string;
  /** Largest request body accepted, e.g. "1mb". */
  bodyLimit?: string;
  /** Query depth and cost limits (default DEFAULT_LIMITS). */
  limits?: QueryLimits;
  /** Reads open to anyone (default) or only with a key that has the `read` scope. */
  readAccess?: ReadAccess;
  /** Per-key / per-address rate limits (default DEFAULT_RATE_LIMITS). */
  rateLimits?: RateLimits;
  /** Time limit of long-running resolvers in ms; 0: none (default DEFAULT_RESOLVER_TIMEOUT_MS). */
  resolverTimeoutMs?: number;
  /** Origins allowed cross-origin (default: loopback only); a POST or WebSocket from any other origin gets 403. */
  corsOrigins?: CorsOrigins;
  /** Host header names answered (default: loopback names, plus the bind address); others get 421. */
  allowedHosts?: AllowedHosts;
  /** The schema to serve, e.g. one Federation subgraph's (default: the all-in-one schema). */
  schema?: GraphQLSchema;
  /** What a subgraph serves over WebSocket (the radiogenomics subgraph: jobUpdated); all-in-one: its own schema. */
  subscriptionSchema?: GraphQLSchema;
}

export interface RunningServer {
  readonly url: string;
  readonly graphqlUrl: string;
  stop(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { store, logger } = options;
  const { features, associations, jobs, apiKeys, genomics, imaging } = options;
  const services: Services = { store, logger, features, associations, jobs, apiKeys, genomics, imaging, ...(options.modelPool ? { modelPool: options.modelPool } : {}) };
  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  const schema = applyResolverTimeouts(options.schema ?? (await buildPlatformSchema()));
  const limits = options.limits ?? DEFAULT_LIMITS;
  const readAccess = options.readAccess ?? "open";
  const limiter = new RateLimiter(options.rateLimits ?? DEFAULT_RATE_LIMITS);
  const facts = { resolverTimeoutMs: options.resolverTimeoutMs ?? DEFAULT_RESOLVER_TIMEOUT_MS };
  const corsOrigins = options.corsOrigins ?? DEFAULT_CORS_ORIGINS;
  const formatError = createErrorFormatter(logger);
  const hostOrigin = { hosts: hostsWithBind(options.allowedHosts ?? DEFAULT_ALLOWED_HOSTS, options.host), origins: corsOrigins };
  // Fields that scan the store cost what the store holds (counted at start, refreshed in the background).
  const patientCount = new StorePatientCount(store, logger);
  await patientCount.start();
  const costContext: CostContext = { scannedPatients: () => patientCount.current ?? 0 };
  // A subgraph's schema has no subscriptions (the gateway passes none through): it serves subscriptionSchema's directly, if any.
  const wsSchema = options.schema ? options.subscriptionSchema && applyResolverTimeouts(options.subscriptionSchema) : schema;
  const subscriptions = wsSchema && attachSubscriptionServer(httpServer, { schema: wsSchema, services, readAccess, limiter, limits, costContext, hostOrigin, facts, formatError });
  const apollo = new ApolloServer<RequestContext>({
    schema,
    formatError,
    introspection: true,
    // With reads behind a key, "Did you mean …" suggestions would describe the schema to anyone.
    hideSchemaDetailsFromClientErrors: readAccess !== "open",
    // Stack traces name our files and libraries: never sent to clients (the log has them).
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      requestGuardPlugin({ readAccess, limiter }),
      queryLimitsPlugin(schema, limits, costContext),
      // A subgraph: no per-field traces for the gateway (Apollo would switch them on for a federated schema).
      ...(options.schema ? [ApolloServerPluginInlineTraceDisabled()] : []),
    ],
  });
  await apollo.start();

  // DNS rebinding and cross-site POSTs are refused before any route runs.
  app.use(hostOriginGuard(hostOrigin));
  // Exports and /health's graph counts are reads: the same key and rate-limit rules as a GraphQL query.
  const guardRead = async (req: express.Request): Promise<void> => {
    const context = createRequestContext(services, req.header("x-api-key") ?? undefined, { clientIp: req.socket.remoteAddress });
    authorizeOperation(context.authority, OperationTypeNode.QUERY, readAccess);
    await limiter.consume(rateLimitCaller(context), 1);
  };
  app.get("/health", async (req, res) => {
    try {
      const mayRead = await guardRead(req).then(() => true, () => false);
      res.json({ status: "ok", store: { kind: store.kind, location: publicLocation(store.location) }, ...(mayRead ? { counts: await store.counts() } : {}) });
    } catch (error) {
      res.status(503).json({ status: "unavailable", error: (error as Error).message });
    }
  });
  app.use(exportRouter(store, logger, { dicomwebBaseUrl: dicomwebBaseUrl(imaging), guard: guardRead }));
  app.use(
    "/graphql",
    corsMiddleware(corsOrigins),
    express.json({ limit: options.bodyLimit ?? "10mb" }),
    (error: { type?: string; status?: number } | undefined, _req: express.Request, res: express.Response, next: express.NextFunction) => {
      if (error?.type === "entity.too.large")
        return res.status(413).json({ errors: [{ message: `the request body is larger than ${options.bodyLimit ?? "10mb"}: send less at once (e.g. split a GMT file)`, extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
      if (error) return res.status(error.status ?? 400).json({ errors: [{ message: "the request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] });
      next();
    },
    requestDeadlineMiddleware(facts.resolverTimeoutMs),
    expressMiddleware(apollo, { context: async ({ req, res }) => createRequestContext(services, req.header("x-api-key") ?? undefined, { ...facts, clientIp: req.socket.remoteAddress, deadline: deadlineOf(res) }) }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, options.host ?? "127.0.0.1", resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host ?? "127.0.0.1"}:${port}`;
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    async stop() {
      patientCount.stop();
      await subscriptions?.close();
      await apollo.stop();
    },
  };
}
