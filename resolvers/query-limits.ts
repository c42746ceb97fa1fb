// Bounds on what one GraphQL operation may ask for: nesting depth, and a cost that grows with page
// sizes and nested lists (a list field costs its children times the page it asks for) and more for
// fields that trigger computation. Checked before execution; the error says what to change.
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type SelectionSetNode } from "graphql";
import { createRequire } from "node:module";
import type { ComplexityEstimator } from "graphql-query-complexity";
import { checkPageSize } from "./page-sizes.js";
import { assertSettingsCount, resourceCapsFromEnv } from "../compute/features/resource-estimate.js";

// graphql-query-complexity's ESM build imports graphql's ESM entry, while type-graphql builds the schema
// with graphql's CommonJS one: two "realms" that refuse each other. Its CommonJS build shares ours.
const { getComplexity, simpleEstimator } = createRequire(import.meta.url)("graphql-query-complexity") as typeof import("graphql-query-complexity");

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  /** Distinct `features(settings:)` values one operation may ask for (default RG_MAX_FEATURE_SETTINGS_PER_REQUEST or 8). */
  maxSettingsPerRequest?: number;
}

/** What the cost of store-scanning fields grows with: the store's patient count when the server knows it. */
export interface CostContext {
  scannedPatients?: () => number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 12, maxCost: 100_000 };

/** Fields that compute on demand cost this much per item on top of their children. */
export const COMPUTE_FIELD_COST: Record<string, number> = { features: 50, runAssociation: 5_000, computeFeatures: 1_000, ingestGenomics: 1_000, ingestReactomePathways: 1_000 };
/** Lists without a page argument are assumed to hold this many items (studies per patient, …). */
const ASSUMED_LIST_SIZE = 3;
/** A connection's item lists: their size is the connection's `first`, already counted. */
const PAGE_ITEM_FIELDS = new Set(["nodes", "edges"]);
const INTROSPECTION_FIELDS = new Set(["__schema", "__type"]);

/** Root Query fields whose work grows with the store (they read every patient, link or set): cost 1 + patients scanned. */
export const SCANNING_FIELDS = new Set(["previewCohort", "linkage", "radiogenomicMap", "pathways", "collections", "cohorts"]);
/**
 * Patients charged per scan at least, and when the server does not say how many it holds: a scan has a
 * fixed cost (500 aliased scans of a 40-patient demo held the embedded store for 18 s), so a small
 * store does not make it cheap; past this, the cost grows with the store.
 */
export const MIN_SCANNED_PATIENTS = 1_000;
/** Introspection is bounded by the schema, not the data: a flat cost, whatever it selects. */
export const INTROSPECTION_COST = 200;
/** graphql-query-complexity's default maxQueryNodes. */
const MAX_QUERY_NODES = 10_000;

function estimatorFor(costContext: CostContext, settingsSeen: Set<string>): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    // __typename and other meta fields are answered from the schema: free, so Apollo Client's queries cost what hand-written ones do.
    if (field.name.startsWith("__")) return INTROSPECTION_FIELDS.has(field.name) ? INTROSPECTION_COST : 0;
    if (field.name === "features" && args.settings !== undefined) settingsSeen.add(JSON.stringify(args.settings));
    const first = args.first === undefined ? undefined : checkPageSize(field.name, args.first);
    // Only the root fields scan (Gene.pathways is a loader lookup, Query.pathways reads every set).
    const scanned = type.name === "Query" && SCANNING_FIELDS.has(field.name) ? Math.max(MIN_SCANNED_PATIENTS, costContext.scannedPatients?.() ?? 0) : 0;
    const own = 1 + scanned + (COMPUTE_FIELD_COST[field.name] ?? 0);
    const isList = /^\[/.test(String(field.type).replace(/!/g, ""));
    const listed = first ?? (isList && !PAGE_ITEM_FIELDS.has(field.name) ? ASSUMED_LIST_SIZE : 1);
    return Math.max(0, own + listed * Math.max(0, childComplexity));
  };
}

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
  // http.status: Apollo answers errors thrown before execution with 500 unless told; a limit is the client's to fix.
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", ...extensions, http: { status: 400 } } });
}

/** The operation's cost, or null when its variables do not fit (execution then reports them as BAD_USER_INPUT). */
function costOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined, costContext: CostContext, settingsSeen: Set<string>): number | null {
  try {
    return getComplexity({ schema, query: document, operationName: operationName ?? undefined, variables: variables ?? {}, estimators: [estimatorFor(costContext, settingsSeen), simpleEstimator({ defaultComplexity: 1 })] });
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === "BAD_USER_INPUT") throw error;
    // graphql-query-complexity stops counting past maxQueryNodes (10,000) with an untyped error.
    if (error instanceof Error && /maximum allowed number of nodes/.test(error.message))
      throw limitError(`the query selects more than ${MAX_QUERY_NODES.toLocaleString("en")} fields: ask for fewer fields or aliases, or split the query`, { maxQueryNodes: MAX_QUERY_NODES });
    if (error instanceof Error && /Variable|Expected type|got invalid value/i.test(error.message)) return null;
    throw error;
  }
}

/** The operation's cost (exported for tests and the gateway): throws the page-size error when `first` is out of range. */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null, variables?: Record<string, unknown>, costContext: CostContext = {}): number | null {
  return costOf(schema, document, operationName, variables, costContext, new Set());
}

/** Depth, page sizes, cost and distinct feature settings of one operation, on every transport (HTTP, graphql-ws, gateway). */
export function checkOperationLimits(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined, limits: QueryLimits, costContext: CostContext = {}): void {
  const depth = operationDepth(document, operationName);
  if (depth > limits.maxDepth)
    throw limitError(`the query nests ${depth} levels deep; the limit is ${limits.maxDepth}: ask for fewer nested fields or split the query`, { depth, maxDepth: limits.maxDepth });
  const settingsSeen = new Set<string>();
  const cost = costOf(schema, document, operationName, variables, costContext, settingsSeen);
  if (cost !== null && cost > limits.maxCost)
    throw limitError(`the query would cost ${cost}; the limit is ${limits.maxCost}: lower 'first' or ask for fewer nested lists (computing features and fields that scan the store cost more)`, { cost, maxCost: limits.maxCost });
  const maxSettings = limits.maxSettingsPerRequest ?? resourceCapsFromEnv(process.env).maxSettingsPerRequest;
  try {
    assertSettingsCount(settingsSeen.size, { ...resourceCapsFromEnv(process.env), maxSettingsPerRequest: maxSettings });
  } catch (error) {
    throw limitError((error as Error).message, { distinctSettings: settingsSeen.size, maxSettingsPerRequest: maxSettings });
  }
}

export function queryLimitsPlugin(schema: GraphQLSchema, limits: QueryLimits, costContext: CostContext = {}): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operationName }) {
          checkOperationLimits(schema, document, operationName, request.variables, limits, costContext);
        },
      };
    },
  };
}
