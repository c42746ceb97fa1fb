// Builds the GraphQL schema from the type-graphql classes. Validation of inputs (class-validator
// decorators on input and args types) is switched on here, once.
import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchema, type BuildSchemaOptions } from "type-graphql";
import { AnalysisResolver } from "../resolvers/analysis.resolver.js";
import { CohortResolver } from "../resolvers/cohort.resolver.js";
import { SignatureResolver } from "../resolvers/signature.resolver.js";
import { HarmonisationResolver } from "../resolvers/harmonisation.resolver.js";
import { SurvivalResolver } from "../resolvers/survival.resolver.js";
import { MutationAssociationResolver } from "../resolvers/mutation-association.resolver.js";
import { CollectionResolver } from "../resolvers/collection.resolver.js";
import { FeatureDefinitionResolver } from "../resolvers/feature-definition.resolver.js";
import { FeatureLinkResolver } from "../resolvers/feature-link.resolver.js";
import { GeneResolver } from "../resolvers/gene.resolver.js";
import { JobResolver } from "../resolvers/job.resolver.js";
import { JobProgressResolver, UNUSED_PUBSUB } from "../resolvers/job-progress.resolver.js";
import { IngestImagingResolver } from "../resolvers/ingest-imaging.resolver.js";
import { IngestResolver } from "../resolvers/ingest.resolver.js";
import type { RequestContext } from "../resolvers/context.js";
import type { Scope } from "../resolvers/api-keys.js";
import { LesionResolver } from "../resolvers/lesion.resolver.js";
import { PathwayResolver } from "../resolvers/pathway.resolver.js";
import { PatientImagingResolver } from "../resolvers/patient-imaging.resolver.js";
import { PatientResolver } from "../resolvers/patient.resolver.js";
import { ClinicalAttributeResolver } from "../resolvers/clinical-attribute.resolver.js";
import { RadiogenomicMapResolver } from "../resolvers/radiogenomic-map.resolver.js";
import { SeriesResolver } from "../resolvers/series.resolver.js";
import { StudyResolver } from "../resolvers/study.resolver.js";

// Every resolver of the all-in-one schema; schema/subgraphs.ts says which subgraph serves each.
export const RESOLVERS = [
  CollectionResolver, PatientResolver, PatientImagingResolver, StudyResolver, SeriesResolver, LesionResolver, GeneResolver, PathwayResolver, FeatureDefinitionResolver,
  JobResolver, AnalysisResolver, FeatureLinkResolver, IngestResolver, IngestImagingResolver, CohortResolver, MutationAssociationResolver, SignatureResolver, HarmonisationResolver,
  RadiogenomicMapResolver, ClinicalAttributeResolver, SurvivalResolver,
] as const;

/** The options every schema of the platform is built with (all-in-one and each subgraph alike). */
export const SCHEMA_OPTIONS = {
  // type-graphql insists on a pubSub once a schema has subscriptions; jobUpdated streams from the job registry instead.
  pubSub: UNUSED_PUBSUB,
  validate: { forbidUnknownValues: false },
  // @Authorized("scope") on a mutation: the request's API key must carry that scope.
  authChecker: ({ context }: { context: RequestContext }, scopes: string[]) => {
    for (const scope of scopes) context.authority.require(scope as Scope);
    return true;
  },
} satisfies Omit<BuildSchemaOptions, "resolvers">;

export function buildPlatformSchema(): Promise<GraphQLSchema> {
  // Subscriptions exist only all-in-one (graphql-ws on the same server), so not in RESOLVERS.
  return buildSchema({ ...SCHEMA_OPTIONS, resolvers: [...RESOLVERS, JobProgressResolver] });
}
