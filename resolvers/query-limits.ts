// Bounds on what one GraphQL operation may ask for: nesting depth, and a cost that grows with page
// sizes and nested lists (a list field costs its children times the page it asks for) and more for
// fields that trigger computation. Checked before execution; the error says what to change.
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type SelectionSetNode } from "graphql";
import { createRequire } from "node:module";
import type { ComplexityEstimator } from "graphql-query-complexity";

// graphql-query-complexity's ESM build imports graphql's ESM entry, while type-graphql builds the schema
// with graphql's CommonJS one: two "realms" that refuse each other. Its CommonJS build shares ours.
const { getComplexity, simpleEstimator } = createRequire(import.meta.url)("graphql-query-complexity") as typeof import("graphql-query-complexity");

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 12, maxCost: 100_000 };

/** Fields that compute on demand cost this much per item on top of their children. */
export const COMPUTE_FIELD_COST: Record<string, number> = { features: 50, runAssociation: 5_000, computeFeatures: 1_000, ingestGenomics: 1_000, ingestReactomePathways: 1_000 };
/** Lists without a page argument are assumed to hold this many items (studies per patient, …). */
const ASSUMED_LIST_SIZE = 3;
/** A connection's item lists: their size is the connection's `first`, already counted. */
const PAGE_ITEM_FIELDS = new Set(["nodes", "edges"]);
const INTROSPECTION_FIELDS = new Set(["__schema", "__type"]);

const pagedEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const own = 1 + (COMPUTE_FIELD_COST[field.name] ?? 0);
  const isList = /^\[/.test(String(field.type).replace(/!/g, ""));
  const listed = typeof args.first === "number" ? args.first : isList && !PAGE_ITEM_FIELDS.has(field.name) ? ASSUMED_LIST_SIZE : 1;
  return own + listed * childComplexity;
};

export function operationDepth(document: DocumentNode, operationName?: string | null): number {
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
    if (!set) return 0;
    let deepest = 0;
    for (const selection of set.selections) {
      // Introspection (__schema, __type) is bounded by the schema, not the data: GraphiQL's runs ~13 deep.
      if (selection.kind === Kind.FIELD) deepest = Math.max(deepest, selection.selectionSet && !INTROSPECTION_FIELDS.has(selection.name.value) ? 1 + depthOf(selection.selectionSet, seen) : 1);
      else if (selection.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depthOf(selection.selectionSet, seen));
      else if (!seen.has(selection.name.value)) deepest = Math.max(deepest, depthOf(fragments.get(selection.name.value)?.selectionSet, new Set([...seen, selection.name.value])));
    }
    return deepest;
  };
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName));
  return Math.max(0, ...operations.map((o) => (o.kind === Kind.OPERATION_DEFINITION ? depthOf(o.selectionSet, new Set()) : 0)));
}

function limitError(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", ...extensions } });
}

/** The operation's cost, or null when its variables do not fit (execution then reports them as BAD_USER_INPUT). */
function costOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined): number | null {
  try {
    return getComplexity({ schema, query: document, operationName: operationName ?? undefined, variables: variables ?? {}, estimators: [pagedEstimator, simpleEstimator({ defaultComplexity: 1 })] });
  } catch (error) {
    if (error instanceof Error && /Variable|Expected type|got invalid value/i.test(error.message)) return null;
    throw error;
  }
}

export function queryLimitsPlugin(schema: GraphQLSchema, limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operationName }) {
          const depth = operationDepth(document, operationName);
          if (depth > limits.maxDepth)
            throw limitError(`the query nests ${depth} levels deep; the limit is ${limits.maxDepth}: ask for fewer nested fields or split the query`, { depth, maxDepth: limits.maxDepth });
          const cost = costOf(schema, document, operationName, request.variables);
          if (cost !== null && cost > limits.maxCost)
            throw limitError(`the query would cost ${cost}; the limit is ${limits.maxCost}: lower 'first' or ask for fewer nested lists (computing features costs more)`, { cost, maxCost: limits.maxCost });
        },
      };
    },
  };
}
