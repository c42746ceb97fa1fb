// Which resolvers and types form which Apollo Federation 2 subgraph: the one place that says so.
// A new resolver joins a subgraph by one line in MEMBERSHIP below (and its line in RESOLVERS of
// build-schema.ts, the all-in-one schema); test/federation/subgraphs.test.ts checks that every
// resolver belongs to exactly one subgraph and that the three still compose. A new entity type
// (e.g. Cohort) adds one line to ENTITIES.
//
// Entities are keyed by natural ids. An entity's plain fields (its @Field properties) are served
// by its `owner`; its field-resolver fields by the subgraph whose resolver class defines them;
// other subgraphs see only its key (a reference the gateway resolves at the owner) — so a field
// resolver outside the owner must need nothing of its root but the key.
import type { ClassType } from "type-graphql";
import { AnalysisResolver } from "../resolvers/analysis.resolver.js";
import { CohortResolver } from "../resolvers/cohort.resolver.js";
import { CollectionResolver } from "../resolvers/collection.resolver.js";
import type { RequestContext } from "../resolvers/context.js";
import { FeatureDefinitionResolver } from "../resolvers/feature-definition.resolver.js";
import { FeatureLinkResolver } from "../resolvers/feature-link.resolver.js";
import { GeneResolver } from "../resolvers/gene.resolver.js";
import { IngestImagingResolver } from "../resolvers/ingest-imaging.resolver.js";
import { IngestResolver } from "../resolvers/ingest.resolver.js";
import { JobResolver } from "../resolvers/job.resolver.js";
import { LesionResolver } from "../resolvers/lesion.resolver.js";
import { SignatureResolver } from "../resolvers/signature.resolver.js";
import { HarmonisationResolver } from "../resolvers/harmonisation.resolver.js";
import { SurvivalResolver } from "../resolvers/survival.resolver.js";
import { MutationAssociationResolver } from "../resolvers/mutation-association.resolver.js";
import { PathwayResolver } from "../resolvers/pathway.resolver.js";
import { PatientImagingResolver } from "../resolvers/patient-imaging.resolver.js";
import { PatientResolver } from "../resolvers/patient.resolver.js";
import { ClinicalAttributeResolver } from "../resolvers/clinical-attribute.resolver.js";
import { RadiogenomicMapResolver } from "../resolvers/radiogenomic-map.resolver.js";
import { SeriesResolver } from "../resolvers/series.resolver.js";
import { StudyResolver } from "../resolvers/study.resolver.js";
import { Analysis } from "./analysis.type.js";
import { Cohort } from "./cohort.type.js";
import { Collection } from "./collection.type.js";
import { Gene } from "./gene.type.js";
import { Lesion } from "./lesion.type.js";
import { Pathway } from "./pathway.type.js";
import { Patient } from "./patient.type.js";
import { Series } from "./series.type.js";
import { Study } from "./study.type.js";

export const SUBGRAPH_NAMES = ["imaging", "genomics", "radiogenomics"] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** Each resolver class and the subgraph that serves it, one per line. */
export const MEMBERSHIP: ReadonlyArray<readonly [ClassType, SubgraphName]> = [
  [CollectionResolver, "imaging"],
  [PatientImagingResolver, "imaging"],
  [StudyResolver, "imaging"],
  [SeriesResolver, "imaging"],
  [IngestImagingResolver, "imaging"],
  [PatientResolver, "genomics"],
  [ClinicalAttributeResolver, "genomics"],
  [GeneResolver, "genomics"],
  [PathwayResolver, "genomics"],
  [IngestResolver, "genomics"],
  [LesionResolver, "radiogenomics"],
  [FeatureDefinitionResolver, "radiogenomics"],
  [AnalysisResolver, "radiogenomics"],
  [FeatureLinkResolver, "radiogenomics"],
  [JobResolver, "radiogenomics"],
  [CohortResolver, "radiogenomics"],
  [MutationAssociationResolver, "radiogenomics"],
  [SignatureResolver, "radiogenomics"],
  [HarmonisationResolver, "radiogenomics"],
  [RadiogenomicMapResolver, "radiogenomics"],
  [SurvivalResolver, "radiogenomics"],
];

const resolversOf = (name: SubgraphName) => MEMBERSHIP.filter(([, subgraph]) => subgraph === name).map(([resolver]) => resolver);

export const SUBGRAPH_RESOLVERS: Record<SubgraphName, readonly ClassType[]> = {
  imaging: resolversOf("imaging"),
  genomics: resolversOf("genomics"),
  radiogenomics: resolversOf("radiogenomics"),
};

export interface EntitySpec {
  readonly type: ClassType;
  /** The natural id, the entity's @key. */
  readonly key: string;
  readonly owner: SubgraphName;
  /** Loads the entity at its owner, through the request's DataLoaders (so _entities batches). */
  load(ctx: RequestContext, id: string): Promise<object | null>;
}

export const ENTITIES: readonly EntitySpec[] = [
  { type: Patient, key: "id", owner: "genomics", load: (ctx, id) => ctx.loaders.patient.load(id) },
  { type: Gene, key: "symbol", owner: "genomics", load: (ctx, symbol) => ctx.loaders.gene.load(symbol) },
  { type: Pathway, key: "id", owner: "genomics", load: (ctx, id) => ctx.loaders.pathway.load(id) },
  { type: Collection, key: "id", owner: "imaging", load: (ctx, id) => ctx.loaders.collection.load(id) },
  { type: Study, key: "uid", owner: "imaging", load: (ctx, uid) => ctx.loaders.study.load(uid) },
  { type: Series, key: "uid", owner: "imaging", load: (ctx, uid) => ctx.loaders.series.load(uid) },
  { type: Lesion, key: "id", owner: "imaging", load: (ctx, id) => ctx.loaders.lesion.load(id) },
  { type: Analysis, key: "id", owner: "radiogenomics", load: (ctx, id) => ctx.store.analysisById(id) },
  { type: Cohort, key: "id", owner: "radiogenomics", load: (ctx, id) => ctx.loaders.cohort.load(id) },
];
