// Normalized records that sources yield and the store writes: one per node, carrying the natural
// key of the node it hangs from. Their fields come from the declarations in nodes.ts.
import type { RecordOf } from "./properties.js";
import * as N from "./nodes.js";
import * as R from "./relationships.js";

type NodeRecord<S extends N.NodeSpec> = RecordOf<S["properties"], S["key"]>;

export type CollectionRecord = NodeRecord<typeof N.Collection>;
export type PatientRecord = NodeRecord<typeof N.Patient> & { collectionId: string };
export type StudyRecord = NodeRecord<typeof N.Study> & { patientId: string };
export type SeriesRecord = NodeRecord<typeof N.Series> & { studyUid: string };
export type LesionRecord = NodeRecord<typeof N.Lesion> & { seriesUid: string };
export type GeneRecord = NodeRecord<typeof N.Gene>;
export type PathwayRecord = NodeRecord<typeof N.Pathway> & { geneSymbols: string[] };

/** One expression value of one gene in one patient's primary tumour; `source` is required when written (values are kept per source). */
export type ExpressionRecord = { patientId: string; geneSymbol: string } & RecordOf<typeof R.EXPRESSES.properties, never>;

export type FeatureRecord = NodeRecord<typeof N.Feature>;

/** One somatic mutation of a patient's tumour in one gene. */
export type MutationRecord = { patientId: string; geneSymbol: string; proteinChange: string } & RecordOf<typeof R.HAS_MUTATION.properties, never>;

/** One feature value of one lesion, computed with the feature's settings. */
export type LesionFeatureRecord = { lesionId: string; feature: FeatureRecord } & RecordOf<typeof R.HAS_FEATURE.properties, never>;

export type AnalysisRecord = NodeRecord<typeof N.Analysis>;

export type CohortRecord = NodeRecord<typeof N.Cohort>;
/** A load's completion marker: status LOADING first, COMPLETE written last. */
export type LoadMarkerRecord = NodeRecord<typeof N.LoadMarker>;

export type SignatureRecord = NodeRecord<typeof N.Signature>;
/** One feature of a signature: its final coefficient and how often the outer folds selected it. */
export type SignatureFeatureRecord = { signatureId: string; featureKey: string } & RecordOf<typeof R.USES_FEATURE.properties, never>;

export type HarmonisationRecord = NodeRecord<typeof N.Harmonisation>;
export type SurvivalAnalysisRecord = NodeRecord<typeof N.SurvivalAnalysis>;
/** One feature of a survival analysis: its Cox result (univariate) or coefficient (penalised). */
export type SurvivalFeatureRecord = { analysisId: string; featureKey: string } & RecordOf<typeof R.SURVIVAL_USES_FEATURE.properties, never>;

/** One image series of a cohort member, with what a download manifest needs. */
export interface CohortSeries {
  collectionId: string | null;
  patientId: string;
  studyUid: string;
  seriesUid: string;
  modality: string | null;
  retrieveUrl: string | null;
}

/** One tested feature ↔ target pair of an analysis: Spearman rho with p, q and n. */
export type CorrelationRecord = { featureKey: string; targetKind: "Gene" | "Pathway"; targetKey: string; analysisId: string } & RecordOf<
  typeof R.CORRELATES_WITH.properties,
  never
>;

/** One tested feature → gene mutation status pair of an analysis: Mann–Whitney U, AUC, p, q, group sizes. */
export type PredictionRecord = { featureKey: string; geneSymbol: string; analysisId: string } & RecordOf<typeof R.PREDICTS.properties, never>;

/** Read-side shapes: what the store returns (all declared properties, null when unknown). */
type Stored<T> = { [K in keyof T]-?: Exclude<T[K], undefined> | (undefined extends T[K] ? null : never) };
export type Collection = Stored<CollectionRecord>;
export type Patient = Stored<NodeRecord<typeof N.Patient>>;
export type Study = Stored<NodeRecord<typeof N.Study>>;
export type Series = Stored<NodeRecord<typeof N.Series>>;
export type Lesion = Stored<NodeRecord<typeof N.Lesion>>;
export type Gene = Stored<GeneRecord>;
export type Pathway = Stored<NodeRecord<typeof N.Pathway>>;
export type Expression = Stored<ExpressionRecord>;
export type Feature = Stored<FeatureRecord>;
export type Analysis = Stored<AnalysisRecord>;
export type Cohort = Stored<CohortRecord>;
export type Signature = Stored<SignatureRecord>;
export type Harmonisation = Stored<HarmonisationRecord>;
export type SignatureFeature = Stored<SignatureFeatureRecord> & { feature: Feature };
export type SurvivalAnalysis = Stored<SurvivalAnalysisRecord>;
export type SurvivalFeature = Stored<SurvivalFeatureRecord> & { feature: Feature };
export type CorrelationLink = Stored<CorrelationRecord> & { feature: Feature; targetName: string | null };
export type Mutation = Stored<MutationRecord>;
export type PredictionLink = Stored<PredictionRecord> & { feature: Feature; geneName: string | null };
export type LesionFeature = { lesionId: string; feature: Feature } & Stored<RecordOf<typeof R.HAS_FEATURE.properties, never>>;
