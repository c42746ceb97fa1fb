// The all-in-one HTTP server: GraphQL at /graphql, a health endpoint at /health.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import express from "express";
import type { GraphQLSchema } from "graphql";
import { createRequestContext, type RequestContext, type Services } from "../resolvers/context.js";
import { createErrorFormatter } from "../resolvers/format-error.js";
import { buildPlatformSchema } from "../schema/build-schema.js";
import { DEFAULT_LIMITS, queryLimitsPlugin, type QueryLimits } from "../resolvers/query-limits.js";

export interface ServerOptions extends Services {
  port: number;
  host?: string;
  /** Largest request body accepted, e.g. "1mb". */
  bodyLimit?: string;
  /** Query depth and cost limits (default DEFAULT_LIMITS). */
  limits?: QueryLimits;
  /** The schema to serve, e.g. one Federation subgraph's (default: the all-in-one schema). */
  schema?: GraphQLSchema;
}

export interface RunningServer {
  readonly url: string;
  readonly graphqlUrl: string;
  stop(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { store, logger } = options;
  const { features, associations, jobs, apiKeys, genomics, imaging } = options;
  const services: Services = { store, logger, features, associations, jobs, apiKeys, genomics, imaging };
  const app = express();
  const httpServer = http.createServer(app);
  const schema = options.schema ?? (await buildPlatformSchema());
  const apollo = new ApolloServer<RequestContext>({
    schema,
    formatError: createErrorFormatter(logger),
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      queryLimitsPlugin(schema, options.limits ?? DEFAULT_LIMITS),
      // A subgraph: no per-field traces for the gateway (Apollo would switch them on for a federated schema).
      ...(options.schema ? [ApolloServerPluginInlineTraceDisabled()] : []),
    ],
  });
  await apollo.start();

  app.get("/health", async (_req, res) => {
    try {
      res.json({ status: "ok", store: { kind: store.kind, location: store.location }, counts: await store.counts() });
    } catch (error) {
      res.status(503).json({ status: "unavailable", error: (error as Error).message });
    }
  });
  app.use(
    "/graphql",
    express.json({ limit: options.bodyLimit ?? "10mb" }),
    (error: { type?: string; status?: number } | undefined, _req: express.Request, res: express.Response, next: express.NextFunction) => {
      if (error?.type === "entity.too.large")
        return res.status(413).json({ errors: [{ message: `the request body is larger than ${options.bodyLimit ?? "10mb"}: send less at once (e.g. split a GMT file)`, extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
      if (error) return res.status(error.status ?? 400).json({ errors: [{ message: "the request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] });
      next();
    },
    expressMiddleware(apollo, { context: async ({ req }) => createRequestContext(services, req.header("x-api-key") ?? undefined) }),
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
    stop: () => apollo.stop(),
  };
}
