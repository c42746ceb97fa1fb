// A time limit on the resolvers that can run long: every Query and Mutation field and every field
// that computes on demand (Lesion.features, …). Past RG_RESOLVER_TIMEOUT_MS the request gets TIMEOUT;
// the work itself goes on in the background (stored results are kept), it cannot be interrupted.
import type { GraphQLFieldResolver, GraphQLSchema } from "graphql";
import { defaultFieldResolver, isObjectType } from "./graphql-runtime.js";
import { ResolverTimeoutError } from "../compute/errors.js";
import type { RequestContext } from "./context.js";
import { COMPUTE_FIELD_COST } from "./query-limits.js";

export const DEFAULT_RESOLVER_TIMEOUT_MS = 60_000;

function withTimeout(name: string, resolve: GraphQLFieldResolver<unknown, RequestContext>): GraphQLFieldResolver<unknown, RequestContext> {
  return (source, args, context, info) => {
    const result = resolve(source, args, context, info) as unknown;
    const ms = context.resolverTimeoutMs ?? 0;
    if (!(ms > 0) || !(result instanceof Promise)) return result;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ResolverTimeoutError(
        `${name} took longer than ${ms} ms: run long work as a job (computeFeatures, then read storedFeatures; ingest mutations return a Job to follow with job(id) or the jobUpdated subscription), or ask the operator to raise RG_RESOLVER_TIMEOUT_MS`,
        { field: name, timeoutMs: ms },
      )), ms);
    });
    result.catch(() => undefined); // after a timeout nobody awaits it any more
    return Promise.race([result, expired]).finally(() => clearTimeout(timer));
  };
}

/** Wraps the long-running fields' resolvers in place; call once on a freshly built schema. */
export function applyResolverTimeouts(schema: GraphQLSchema): GraphQLSchema {
  const roots = new Set([schema.getQueryType(), schema.getMutationType()].filter(Boolean));
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (roots.has(type) || field.name in COMPUTE_FIELD_COST)
        field.resolve = withTimeout(`${type.name}.${field.name}`, (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, RequestContext>);
    }
  }
  return schema;
}
