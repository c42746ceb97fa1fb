// The federated gateway: one GraphQL endpoint over the imaging, genomics and radiogenomics subgraphs
// (and any outside subgraph), composed at start with @apollo/gateway's IntrospectAndCompose. It keeps
// no state; the caller's x-api-key travels to every subgraph, which checks it as the all-in-one does.
// The gateway applies what only it can see whole: depth and cost of the full operation, CORS, and the
// rate limit per key or caller address (behind a gateway, subgraphs see only the gateway's address).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import type { Logger } from "pino";
import type { GraphQLSchema } from "graphql";
import { createHash } from "node:crypto";
import { BadUserInputError, RateLimitedError } from "../compute/errors.js";
import { DEFAULT_LIMITS, queryLimitsPlugin, type QueryLimits } from "../resolvers/query-limits.js";
import { DEFAULT_RATE_LIMITS, operationPoints, RateLimiter, type RateLimits } from "../resolvers/rate-limits.js";
import { requestError } from "../resolvers/request-errors.js";
import { corsMiddleware, DEFAULT_CORS_ORIGINS, type CorsOrigins } from "./cors-policy.js";
import type { RunningServer } from "./server.js";
import { DEFAULT_ALLOWED_HOSTS, hostOriginGuard, hostsWithBind, type AllowedHosts } from "./host-origin-policy.js";

export interface SubgraphEndpoint {
  readonly name: string;
  readonly url: string;
}

export interface GatewayOptions {
  readonly subgraphs: readonly SubgraphEndpoint[];
  readonly port: number;
  readonly host?: string;
  readonly logger: Logger;
  /** Largest request body accepted (default 10mb, as the all-in-one server). */
  readonly bodyLimit?: string;
  /** Depth and cost limits on the whole operation (default DEFAULT_LIMITS, as the all-in-one server). */
  readonly limits?: QueryLimits;
  /** Per-key / per-address rate limits (default DEFAULT_RATE_LIMITS, as the all-in-one server). */
  readonly rateLimits?: RateLimits;
  /** Origins allowed cross-origin (default: loopback only). */
  readonly corsOrigins?: CorsOrigins;
  /** Host header names answered (default: loopback names, plus the bind address); others get 421. */
  readonly allowedHosts?: AllowedHosts;
}

interface GatewayContext {
  readonly apiKey?: string;
  readonly clientIp?: string;
}

/** Who a rate limit counts: the presented key (by hash; a wrong key is refused by the subgraphs) or the address. */
function gatewayCaller({ apiKey, clientIp }: GatewayContext): string {
  return apiKey ? `key:${createHash("sha256").update(apiKey).digest("hex").slice(0, 12)}` : `ip:${clientIp ?? "unknown"}`;
}

function gatewayRateLimitPlugin(limiter: RateLimiter): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation }) {
          try {
            await limiter.consume(gatewayCaller(contextValue), operationPoints(document, operation, limiter.limits));
          } catch (error) {
            if (error instanceof RateLimitedError) throw requestError(error, { "retry-after": String(error.retryAfterSeconds) });
            throw error;
          }
        },
      };
    },
  };
}

/** Parses `imaging=http://…,genomics=http://…` (the --subgraph flag). */
export function parseSubgraphList(text: string): SubgraphEndpoint[] {
  const endpoints = text.split(",").filter(Boolean).map((entry) => {
    const [name, url] = entry.split("=", 2).map((s) => s.trim());
    if (!name || !url || !/^https?:\/\//.test(url)) throw new BadUserInputError(`--subgraph entry '${entry}' must be name=http://host:port/graphql`);
    return { name, url };
  });
  if (!endpoints.length) throw new BadUserInputError("--subgraph needs at least one name=url");
  return endpoints;
}

class ApiKeyForwardingSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>["willSendRequest"]>>[0]): void {
    if (context.apiKey) request.http?.headers.set("x-api-key", context.apiKey);
  }
}

/**
 * The all-in-one server's depth and cost limits, on the composed schema. The subgraphs check theirs
 * too, but each sees only its part of a query, so only the gateway sees the whole one.
 */
function gatewayLimitsPlugin(limits: QueryLimits): ApolloServerPlugin<GatewayContext> {
  const plugins = new WeakMap<GraphQLSchema, ApolloServerPlugin<GatewayContext>>();
  return {
    async requestDidStart(requestContext) {
      let plugin = plugins.get(requestContext.schema);
      if (!plugin) plugins.set(requestContext.schema, (plugin = queryLimitsPlugin(requestContext.schema, limits) as ApolloServerPlugin<GatewayContext>));
      return plugin.requestDidStart!(requestContext);
    },
  };
}

export async function startGateway(options: GatewayOptions): Promise<RunningServer> {
  const gateway = new ApolloGateway({
    supergraphSdl: new IntrospectAndCompose({ subgraphs: options.subgraphs.map(({ name, url }) => ({ name, url })) }),
    buildService: ({ url }) => new ApiKeyForwardingSource({ url }),
    logger: options.logger,
  });
  const app = express();
  const httpServer = http.createServer(app);
  // Subgraph errors arrive already formatted (code, message); the gateway passes them on unchanged.
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      gatewayRateLimitPlugin(new RateLimiter(options.rateLimits ?? DEFAULT_RATE_LIMITS)),
      gatewayLimitsPlugin(options.limits ?? DEFAULT_LIMITS),
    ],
  });
  await apollo.start();
  // DNS rebinding and cross-site POSTs are refused before anything reaches the subgraphs.
  app.use(hostOriginGuard({ hosts: hostsWithBind(options.allowedHosts ?? DEFAULT_ALLOWED_HOSTS, options.host), origins: options.corsOrigins ?? DEFAULT_CORS_ORIGINS }));
  app.get("/health", (_req, res) => {
    res.json({ status: "ok", role: "gateway", subgraphs: options.subgraphs });
  });
  app.use(
    "/graphql",
    corsMiddleware(options.corsOrigins ?? DEFAULT_CORS_ORIGINS),
    express.json({ limit: options.bodyLimit ?? "10mb" }),
    expressMiddleware(apollo, { context: async ({ req }) => ({ apiKey: req.header("x-api-key") ?? undefined, clientIp: req.socket.remoteAddress }) }),
  );
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, options.host ?? "127.0.0.1", resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host ?? "127.0.0.1"}:${port}`;
  return { url, graphqlUrl: `${url}/graphql`, stop: () => apollo.stop() };
}
