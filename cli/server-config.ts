// The server's limits and access rules from the environment; a bad value is reported at start with
// the variable to fix. Documented in README.md ("Access control and limits").
import { BadUserInputError } from "../compute/errors.js";
import type { ReadAccess } from "../resolvers/access-control.js";
import { DEFAULT_LIMITS, type QueryLimits } from "../resolvers/query-limits.js";
import { DEFAULT_RATE_LIMITS, type RateLimits } from "../resolvers/rate-limits.js";
import { DEFAULT_RESOLVER_TIMEOUT_MS } from "../resolvers/resolver-timeout.js";
import { parseCorsOrigins, type CorsOrigins } from "./cors-policy.js";

export interface ServerConfig {
  limits: QueryLimits;
  readAccess: ReadAccess;
  rateLimits: RateLimits;
  resolverTimeoutMs: number;
  corsOrigins: CorsOrigins;
  bodyLimit?: string;
}

function numberFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min) throw new BadUserInputError(`${name} must be a number ≥ ${min}, got '${text}'`);
  return value;
}

export function serverConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const readAccess = env.RG_READ_ACCESS ?? "open";
  if (readAccess !== "open" && readAccess !== "key") throw new BadUserInputError(`RG_READ_ACCESS must be 'open' or 'key', got '${readAccess}'`);
  const points = numberFrom(env, "RG_RATE_LIMIT_POINTS", DEFAULT_RATE_LIMITS.points, 0);
  return {
    limits: { maxDepth: numberFrom(env, "RG_MAX_DEPTH", DEFAULT_LIMITS.maxDepth, 1), maxCost: numberFrom(env, "RG_MAX_COST", DEFAULT_LIMITS.maxCost, 1) },
    readAccess,
    rateLimits: {
      points,
      windowSeconds: numberFrom(env, "RG_RATE_LIMIT_WINDOW_S", DEFAULT_RATE_LIMITS.windowSeconds, 1),
      // A small budget set alone still lets one computation through.
      computePoints: numberFrom(env, "RG_RATE_LIMIT_COMPUTE_POINTS", points > 0 ? Math.min(DEFAULT_RATE_LIMITS.computePoints, points) : DEFAULT_RATE_LIMITS.computePoints, 1),
    },
    resolverTimeoutMs: numberFrom(env, "RG_RESOLVER_TIMEOUT_MS", DEFAULT_RESOLVER_TIMEOUT_MS, 0),
    corsOrigins: parseCorsOrigins(env.RG_CORS_ORIGINS),
    bodyLimit: env.RG_BODY_LIMIT,
  };
}
