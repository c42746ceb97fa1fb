// A time limit on the resolvers that can run long: every Query and Mutation field and every field
// that computes on demand (Lesion.features, …). Past RG_RESOLVER_TIMEOUT_MS (counted from the start of
// the request: its RequestDeadline) the request gets TIMEOUT, and the deadline's signal stops the work
// itself: store queries are cut short and feature tasks terminated (compute/request-deadline.ts).
import type { GraphQLFieldResolver, GraphQLSchema } from "graphql";
import { defaultFieldResolver, isObjectType } from "./graphql-runtime.js";
import { ResolverTimeoutError } from "../compute/errors.js";
import type { RequestContext } from "./context.js";
import { COMPUTE_FIELD_COST } from "./query-limits.js";
import { withRequestDeadline } from "../compute/request-deadline.js";

export const DEFAULT_RESOLVER_TIMEOUT_MS = 60_000;

function withTimeout(name: string, resolve: GraphQLFieldResolver<unknown, RequestContext>): GraphQLFieldResolver<unknown, RequestContext> {
  return (source, args, context, info) => {
    const { deadline } = context;
    // The resolver and all it starts run under the request's deadline (the entry may have set it already).
    const result = withRequestDeadline(deadline, () => resolve(source, args, context, info)) as unknown;
    const ms = context.resolverTimeoutMs ?? 0;
    if (!(ms > 0) || !(result instanceof Promise)) return result;
    const timedOut = () => new ResolverTimeoutError(
      `${name} took longer than ${ms} ms: run long work as a job (computeFeatures, then read storedFeatures; ingest mutations return a Job to follow with job(id) or the jobUpdated subscription), or ask the operator to raise RG_RESOLVER_TIMEOUT_MS`,
      { field: name, timeoutMs: ms },
    );
    if (deadline.signal.aborted) return Promise.reject(timedOut());
    let onAbort = (): void => undefined;
    const expired = new Promise<never>((_, reject) => {
      onAbort = () => reject(timedOut());
      deadline.signal.addEventListener("abort", onAbort, { once: true });
    });
    result.catch(() => undefined); // after a timeout nobody awaits it any more (and its work was aborted)
    return Promise.race([result, expired]).finally(() => deadline.signal.removeEventListener("abort", onAbort));
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
