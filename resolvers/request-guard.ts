// One Apollo plugin that checks, in this order, before an operation executes: who the caller is and
// whether it may read (access-control.ts), then its rate limit (rate-limits.ts). One plugin, because
// Apollo runs the plugins' didResolveOperation hooks concurrently and the order matters here.
import type { ApolloServerPlugin } from "@apollo/server";
import { PlatformError, RateLimitedError } from "../compute/errors.js";
import { authorizeOperation, type ReadAccess } from "./access-control.js";
import type { RequestContext } from "./context.js";
import { operationPoints, rateLimitCaller, type RateLimiter } from "./rate-limits.js";
import { requestError } from "./request-errors.js";

export interface RequestGuard {
  readAccess: ReadAccess;
  limiter: RateLimiter;
}

export function requestGuardPlugin({ readAccess, limiter }: RequestGuard): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation }) {
          try {
            authorizeOperation(contextValue.authority, operation?.operation, readAccess);
            await limiter.consume(rateLimitCaller(contextValue), operationPoints(document, operation, limiter.limits));
          } catch (error) {
            if (error instanceof RateLimitedError) throw requestError(error, { "retry-after": String(error.retryAfterSeconds) });
            throw error instanceof PlatformError ? requestError(error) : error;
          }
        },
      };
    },
  };
}
