// Our typed errors raised before execution (by plugins): a GraphQLError keeping the code and message,
// with the HTTP status (and headers, e.g. Retry-After) Apollo Server answers with.
import { HeaderMap } from "@apollo/server";
import type { GraphQLError as GraphQLErrorType } from "graphql";
import { GraphQLError } from "./graphql-runtime.js";
import type { PlatformError } from "../compute/errors.js";

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, RATE_LIMITED: 429 };

export function requestError(error: PlatformError, headers: Record<string, string> = {}): GraphQLErrorType {
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { code: error.code, ...error.details, http: { status: STATUS[error.code] ?? 400, headers: new HeaderMap(Object.entries(headers)) } },
  });
}
