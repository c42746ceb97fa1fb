// GraphQL subscriptions over graphql-ws on the all-in-one server: a `ws` server on the HTTP server's
// /graphql path. Each subscription passes the same checks as an HTTP request: API key (sent as
// connectionParams.apiKey), read access, depth and cost limits and rate limit; errors are formatted alike.
// A connection's key is re-checked while it is open: a revoked key's socket is closed (subscription-key-watch.ts).
import type http from "node:http";
import type { ExecutionResult, GraphQLError as GraphQLErrorType, GraphQLFormattedError, GraphQLSchema, OperationTypeNode } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { PlatformError } from "../compute/errors.js";
import { execute, GraphQLError, getOperationAST, parse, subscribe, validate } from "../resolvers/graphql-runtime.js";
import { authorizeOperation, type ReadAccess } from "../resolvers/access-control.js";
import { RequestAuthority } from "../resolvers/api-keys.js";
import { watchConnectionKey } from "./subscription-key-watch.js";
import { createRequestContext, type RequestFacts, type Services } from "../resolvers/context.js";
import { checkOperationLimits, type CostContext, type QueryLimits } from "../resolvers/query-limits.js";
import { operationPoints, rateLimitCaller, type RateLimiter } from "../resolvers/rate-limits.js";
import { verifyUpgrade, type HostOriginPolicy } from "./host-origin-policy.js";
import { withRequestDeadline } from "../compute/request-deadline.js";
import type { RequestContext } from "../resolvers/context.js";

export interface SubscriptionServerOptions {
  schema: GraphQLSchema;
  services: Services;
  readAccess: ReadAccess;
  limiter: RateLimiter;
  limits: QueryLimits;
  /** What scanning fields cost, as on HTTP. */
  costContext?: CostContext;
  /** Host allow-list (421) and Origin check (403) on the upgrade, as on HTTP. */
  hostOrigin: HostOriginPolicy;
  facts: RequestFacts;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** How often an open connection's key is checked again (default KEY_RECHECK_MS). */
  keyRecheckMs?: number;
}

function apiKeyOf(params: Record<string, unknown> | undefined): string | undefined {
  const key = params?.apiKey ?? params?.["x-api-key"];
  return typeof key === "string" ? key : undefined;
}

function asGraphQLError(error: unknown): GraphQLErrorType {
  if (error instanceof GraphQLError) return error;
  // A GraphQLError from graphql's other (ESM) realm, e.g. the query limits': keep its message and code.
  if (error instanceof Error && error.name === "GraphQLError" && "extensions" in error) {
    const { http: _http, ...extensions } = (error as { extensions: Record<string, unknown> }).extensions;
    return new GraphQLError(error.message, { extensions });
  }
  const platform = error instanceof PlatformError ? error : undefined;
  return new GraphQLError(platform?.message ?? String(error), { originalError: error as Error, extensions: platform ? { code: platform.code, ...platform.details } : {} });
}

export function attachSubscriptionServer(httpServer: http.Server, options: SubscriptionServerOptions): { close(): Promise<void> } {
  const { schema, services, readAccess, limiter, limits, formatError } = options;
  const wss = new WebSocketServer({ server: httpServer, path: "/graphql", verifyClient: verifyUpgrade(options.hostOrigin) });
  const format = (errors: readonly GraphQLErrorType[]) => errors.map((error) => formatError(error.toJSON(), error));
  const keyWatches = new WeakMap<object, () => void>();
  const server = useServer(
    {
      schema,
      onConnect: (ctx) => {
        const presented = apiKeyOf(ctx.connectionParams);
        if (presented === undefined) return true;
        keyWatches.set(ctx, watchConnectionKey(ctx.extra.socket, () => {
          const keys = services.apiKeys.snapshot();
          authorizeOperation(new RequestAuthority(keys.keys, presented, keys.failure), "subscription" as OperationTypeNode, readAccess);
        }, options.keyRecheckMs));
        return true;
      },
      onClose: (ctx) => keyWatches.get(ctx)?.(),
      // A query or mutation sent over the socket runs under its own deadline, as over HTTP.
      execute: (args) => withRequestDeadline((args.contextValue as RequestContext).deadline, () => execute(args)),
      subscribe,
      onSubscribe: async (ctx, _id, payload) => {
        const clientIp = ctx.extra.request.socket.remoteAddress;
        const contextValue = createRequestContext(services, apiKeyOf(ctx.connectionParams), { ...options.facts, clientIp });
        try {
          const document = parse(payload.query);
          const invalid = validate(schema, document);
          if (invalid.length) return invalid;
          const operation = getOperationAST(document, payload.operationName);
          authorizeOperation(contextValue.authority, operation?.operation, readAccess);
          checkOperationLimits(schema, document, payload.operationName, payload.variables ?? undefined, limits, options.costContext);
          await limiter.consume(rateLimitCaller(contextValue), operationPoints(document, operation ?? undefined, limiter.limits));
          return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
        } catch (error) {
          return [asGraphQLError(error)];
        }
      },
      onError: (_ctx, _id, _payload, errors) => format(errors),
      onNext: (_ctx, _id, _payload, _args, result: ExecutionResult) => (result.errors ? { ...result, errors: format(result.errors) } : undefined),
    },
    wss,
  );
  return {
    async close() {
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
