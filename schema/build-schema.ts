// Builds the GraphQL schema from the type-graphql classes. Validation of inputs (class-validator
// decorators on input and args types) is switched on here, once.
import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { CollectionResolver } from "../resolvers/collection.resolver.js";
import { FeatureDefinitionResolver } from "../resolvers/feature-definition.resolver.js";
import { GeneResolver } from "../resolvers/gene.resolver.js";
import { LesionResolver } from "../resolvers/lesion.resolver.js";
import { PathwayResolver } from "../resolvers/pathway.resolver.js";
import { PatientResolver } from "../resolvers/patient.resolver.js";
import { SeriesResolver } from "../resolvers/series.resolver.js";
import { StudyResolver } from "../resolvers/study.resolver.js";

export const RESOLVERS = [
  CollectionResolver, PatientResolver, StudyResolver, SeriesResolver, LesionResolver, GeneResolver, PathwayResolver, FeatureDefinitionResolver,
] as const;

export function buildPlatformSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...RESOLVERS],
    validate: { forbidUnknownValues: false },
  });
}
