// The SDL of each subgraph, derived from the type-graphql classes and the membership in
// subgraphs.ts: each subgraph's schema is built with its resolvers, printed, then pruned to the
// fields it serves, and annotated for Federation 2 (@key on entities, @shareable on value types
// that several subgraphs return). Only AST functions of `graphql` are used here: type-graphql and
// @apollo/subgraph may load another copy of graphql (CJS) than this module (ESM under vitest).
import { printSubgraphSchema } from "@apollo/subgraph";
import { Kind, type ConstDirectiveNode, type DefinitionNode, type DocumentNode, type FieldDefinitionNode, type ObjectTypeDefinitionNode, type TypeNode, parse } from "graphql";
import { buildSchema, createResolversMap, getMetadataStorage, type ClassType, type ResolversMap } from "type-graphql";
import { SCHEMA_OPTIONS } from "./build-schema.js";
import { ENTITIES, SUBGRAPH_NAMES, SUBGRAPH_RESOLVERS, type EntitySpec, type SubgraphName } from "./subgraphs.js";

export const FEDERATION_LINK = "https://specs.apollo.dev/federation/v2.3";

export interface SubgraphDocument {
  readonly name: SubgraphName;
  readonly typeDefs: DocumentNode;
  /** type-graphql's resolvers for the fields kept (no __resolveReference yet). */
  readonly resolvers: ResolversMap;
}

const ROOTS = new Set(["Query", "Mutation", "Subscription"]);
const BUILT_IN_SCALARS = new Set(["String", "Int", "Float", "Boolean", "ID"]);

/** "Type.field" → the resolver class whose @FieldResolver defines it. */
function fieldResolverOwners(): Map<string, ClassType> {
  const storage = getMetadataStorage();
  const typeName = (target: Function) => storage.objectTypes.find((o) => o.target === target)?.name ?? target.name;
  const owners = new Map<string, ClassType>();
  for (const fr of storage.fieldResolvers) {
    const objectType = fr.getObjectType?.();
    if (objectType) owners.set(`${typeName(objectType)}.${fr.schemaName}`, fr.target as ClassType);
  }
  return owners;
}

function keepsField(subgraph: SubgraphName, typeName: string, field: string, owners: Map<string, ClassType>, entity?: EntitySpec): boolean {
  const resolverClass = owners.get(`${typeName}.${field}`);
  if (resolverClass) return SUBGRAPH_RESOLVERS[subgraph].includes(resolverClass);
  if (entity) return field === entity.key || entity.owner === subgraph;
  return true;
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/** Types reachable from the root types and from the entities this subgraph contributes fields to. */
function reachableTypes(definitions: readonly DefinitionNode[]): Set<string> {
  const byName = new Map(definitions.flatMap((d) => ("name" in d && d.name ? [[d.name.value, d] as const] : [])));
  const entityNames = new Set(ENTITIES.map((e) => e.type.name));
  const start = [...byName.values()].filter(
    (d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && (ROOTS.has(d.name.value) || (entityNames.has(d.name.value) && (d.fields?.length ?? 0) > 1)),
  );
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const def = byName.get(name);
    if (!def || !("fields" in def) || !def.fields) return;
    for (const field of def.fields as readonly (FieldDefinitionNode | { type: TypeNode; arguments?: undefined })[]) {
      visit(namedType(field.type));
      for (const arg of field.arguments ?? []) visit(namedType(arg.type));
    }
  };
  for (const def of start) visit((def as ObjectTypeDefinitionNode).name.value);
  return seen;
}

function directive(name: string, args: Record<string, string | boolean> = {}): ConstDirectiveNode {
  return {
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: name },
    arguments: Object.entries(args).map(([argName, value]) => ({
      kind: Kind.ARGUMENT,
      name: { kind: Kind.NAME, value: argName },
      value: typeof value === "boolean" ? { kind: Kind.BOOLEAN, value } : { kind: Kind.STRING, value },
    })),
  };
}

// Subscriptions (job progress) are served all-in-one only: @apollo/gateway does not proxy them.
function withoutSubscriptions(definitions: readonly DefinitionNode[]): DefinitionNode[] {
  return definitions
    .filter((d) => !(d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === "Subscription"))
    .map((d) => (d.kind === Kind.SCHEMA_DEFINITION ? { ...d, operationTypes: d.operationTypes.filter((o) => o.operation !== "subscription") } : d));
}

async function prunedDocument(subgraph: SubgraphName): Promise<{ definitions: DefinitionNode[]; resolvers: ResolversMap }> {
  const schema = await buildSchema({ ...SCHEMA_OPTIONS, resolvers: [...SUBGRAPH_RESOLVERS[subgraph]] as [ClassType, ...ClassType[]], orphanedTypes: ENTITIES.map((e) => e.type) });
  const owners = fieldResolverOwners();
  const entities = new Map(ENTITIES.map((e) => [e.type.name, e]));
  const pruned = withoutSubscriptions(parse(printSubgraphSchema(schema)).definitions).map((def) => {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION || ROOTS.has(def.name.value)) return def;
    const entity = entities.get(def.name.value);
    return { ...def, fields: def.fields?.filter((f) => keepsField(subgraph, def.name.value, f.name.value, owners, entity)) };
  });
  const reachable = reachableTypes(pruned);
  const definitions = pruned.filter((d) => !("name" in d && d.name) || reachable.has(d.name.value));
  const resolvers = createResolversMap(schema);
  for (const typeName of Object.keys(resolvers)) if (!reachable.has(typeName) || BUILT_IN_SCALARS.has(typeName) || typeName === "Subscription") delete resolvers[typeName];
  return { definitions, resolvers };
}

function annotate(definitions: DefinitionNode[], shared: Set<string>): DocumentNode {
  const entities = new Map(ENTITIES.map((e) => [e.type.name, e]));
  const [link] = parse(`extend schema @link(url: "${FEDERATION_LINK}", import: ["@key", "@shareable"])`).definitions;
  const annotated = definitions.map((def) => {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION || ROOTS.has(def.name.value)) return def;
    const entity = entities.get(def.name.value);
    // An entity this subgraph only refers to (key alone) is not resolvable here.
    if (entity) return { ...def, directives: [directive("key", def.fields?.length === 1 ? { fields: entity.key, resolvable: false } : { fields: entity.key })] };
    return shared.has(def.name.value) ? { ...def, directives: [directive("shareable")] } : def;
  });
  return { kind: Kind.DOCUMENT, definitions: [link!, ...annotated] };
}

/** Every subgraph's document; value object types served by more than one become @shareable. */
export async function subgraphDocuments(): Promise<SubgraphDocument[]> {
  const parts = [];
  for (const name of SUBGRAPH_NAMES) parts.push({ name, ...(await prunedDocument(name)) });
  const entityNames = new Set(ENTITIES.map((e) => e.type.name));
  const seen = new Map<string, number>();
  for (const part of parts)
    for (const def of part.definitions)
      if (def.kind === Kind.OBJECT_TYPE_DEFINITION && !ROOTS.has(def.name.value) && !entityNames.has(def.name.value)) seen.set(def.name.value, (seen.get(def.name.value) ?? 0) + 1);
  const shared = new Set([...seen].filter(([, count]) => count > 1).map(([name]) => name));
  return parts.map((part) => ({ name: part.name, typeDefs: annotate(part.definitions, shared), resolvers: part.resolvers }));
}
