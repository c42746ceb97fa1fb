// `radiogenomics gateway`: the Federation 2 gateway over running subgraphs (`serve --subgraph …`).
import type { Command } from "commander";
import type { Logger } from "pino";
import { serverConfigFromEnv } from "../server-config.js";
import { parseSubgraphList, startGateway } from "../gateway.js";
import { parsePort } from "./serve.command.js";
import { assertBindPolicy } from "../bind-policy.js";
import { parseAllowedHosts } from "../host-origin-policy.js";

interface GatewayFlags {
  subgraph: string;
  port: string;
  host: string;
  allowedHosts?: string;
  allowAnonymousWrites?: boolean;
}

export function gatewayCommand(program: Command, logger: Logger): void {
  program
    .command("gateway")
    .description("serve one GraphQL API composed from running subgraphs (radiogenomics serve --subgraph …, or outside ones)")
    .requiredOption("--subgraph <list>", "name=url pairs, e.g. imaging=http://127.0.0.1:4001/graphql,genomics=http://127.0.0.1:4002/graphql,radiogenomics=http://127.0.0.1:4003/graphql")
    .option("-p, --port <port>", "port to listen on (env PORT)", process.env.PORT ?? "4000")
    .option("--host <host>", "address to listen on (env HOST)", process.env.HOST ?? "127.0.0.1")
    .option("--allowed-hosts <list>", "Host header names answered, comma-separated (`loopback`, names, or `*`); others get 421 (env RG_ALLOWED_HOSTS; default loopback plus the --host address)", process.env.RG_ALLOWED_HOSTS)
    .option("--allow-anonymous-writes", "allow listening on a non-loopback address: the gateway checks no keys itself (its subgraphs do)")
    .action(async (flags: GatewayFlags) => {
      const subgraphs = parseSubgraphList(flags.subgraph);
      assertBindPolicy({ host: flags.host, keysConfigured: false, allowAnonymousWrites: flags.allowAnonymousWrites === true, role: "gateway" });
      // The same environment as `serve` (RG_MAX_DEPTH, RG_MAX_COST, RG_RATE_LIMIT_*, RG_CORS_ORIGINS, RG_BODY_LIMIT).
      const { limits, rateLimits, corsOrigins, bodyLimit } = serverConfigFromEnv();
      const gateway = await startGateway({ subgraphs, port: parsePort(flags.port), host: flags.host, logger, limits, rateLimits, corsOrigins, bodyLimit, allowedHosts: parseAllowedHosts(flags.allowedHosts) });
      logger.info({ graphql: gateway.graphqlUrl, subgraphs }, "radiogenomics gateway is serving");
      process.stdout.write(`GraphQL gateway: ${gateway.graphqlUrl}  (subgraphs: ${subgraphs.map((s) => s.name).join(", ")})\n`);
      const shutdown = async () => {
        await gateway.stop();
        process.exit(0);
      };
      process.once("SIGINT", shutdown);
      process.once("SIGTERM", shutdown);
    });
}
