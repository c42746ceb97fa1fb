// One subgraph's executable schema: its document (subgraph-documents.ts) with type-graphql's
// resolvers and a __resolveReference per entity, batched through the request's DataLoaders.
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/index.js";
import type { GraphQLSchema } from "graphql";
import type { RequestContext } from "../resolvers/context.js";
import { subgraphDocuments } from "./subgraph-documents.js";
import { ENTITIES, type EntitySpec, type SubgraphName } from "./subgraphs.js";

type Reference = Record<string, string>;

function referenceResolver(entity: EntitySpec, subgraph: SubgraphName) {
  // At the owner, load the entity (null when absent); elsewhere the key is all this subgraph's fields need.
  return entity.owner === subgraph
    ? (reference: Reference, ctx: RequestContext) => entity.load(ctx, reference[entity.key]!)
    : (reference: Reference) => reference;
}

export async function buildPlatformSubgraphSchema(subgraph: SubgraphName): Promise<GraphQLSchema> {
  const document = (await subgraphDocuments()).find((d) => d.name === subgraph)!;
  const resolvers = document.resolvers as Record<string, Record<string, unknown>>;
  for (const entity of ENTITIES) {
    const typeResolvers = resolvers[entity.type.name];
    if (typeResolvers) typeResolvers.__resolveReference = referenceResolver(entity, subgraph);
  }
  return buildSubgraphSchema([{ typeDefs: document.typeDefs, resolvers: resolvers as unknown as GraphQLResolverMap<RequestContext> }]);
}
