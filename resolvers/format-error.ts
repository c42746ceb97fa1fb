// Turns whatever a resolver threw into a GraphQL error a researcher can act on: our typed errors keep
// their code and message, input validation becomes BAD_USER_INPUT, anything else is INTERNAL and logged.
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";
import { ArgumentValidationError } from "type-graphql";
import { PlatformError } from "../compute/errors.js";
import { boundedMessage } from "./bounded-message.js";

const CLIENT_CODES = new Set(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT", "PERSISTED_QUERY_NOT_FOUND", "BAD_REQUEST", "OPERATION_RESOLUTION_FAILURE", "UNAUTHENTICATED", "FORBIDDEN", "RATE_LIMITED"]);

type ValidationItem = ArgumentValidationError["extensions"]["validationErrors"][number];

/** Constraint messages of an argument, its fields and nested inputs at any depth; below the argument's own fields prefixed with their path (filter.sigma …). */
function validationMessages(error: ArgumentValidationError): string[] {
  const walk = (item: ValidationItem, path: string[]): string[] => [
    ...Object.values(item.constraints ?? {}).map((m) => (path.length > 2 ? `${path.slice(1, -1).join(".")}.${m}` : m)),
    ...(item.children ?? []).flatMap((child) => walk(child, [...path, child.property])),
  ];
  return error.extensions.validationErrors.flatMap((e) => walk(e, [e.property]));
}

export function createErrorFormatter(logger: Logger) {
  const format = clientError(logger);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const answer = format(formatted, error);
    return { ...answer, message: boundedMessage(answer.message) };
  };
}

function clientError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof PlatformError)
      return { ...formatted, message: original.message, extensions: { ...formatted.extensions, code: original.code, details: original.details } };
    if (original instanceof ArgumentValidationError) {
      const messages = validationMessages(original);
      return { ...formatted, message: `Invalid argument: ${messages.join("; ") || original.message}`, extensions: { code: "BAD_USER_INPUT", problems: messages } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === "string" && CLIENT_CODES.has(code)) return formatted;
    logger.error({ err: original, path: formatted.path }, "unexpected error in a resolver");
    return { message: "Internal error: the server log has the details", path: formatted.path, extensions: { code: "INTERNAL" } };
  };
}
