import { GraphQLJSON } from "graphql-scalars";
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { StoredResult } from "./stored-result.type.js";
import { PageInfo } from "./page-info.type.js";

export enum SurvivalKindEnum {
  KAPLAN_MEIER = "KAPLAN_MEIER",
  UNIVARIATE_COX = "UNIVARIATE_COX",
  PENALISED_COX = "PENALISED_COX",
  COMBINED = "COMBINED",
}
registerEnumType(SurvivalKindEnum, {
  name: "SurvivalKind",
  description: "KAPLAN_MEIER: groups + log-rank; UNIVARIATE_COX: every feature (Efron, BH q); PENALISED_COX: nested-CV elastic-net Cox; COMBINED: clinical vs + genomic vs + radiomic vs all",
});

export enum SurvivalEndpointEnum {
  OVERALL = "OVERALL",
  PROGRESSION_FREE = "PROGRESSION_FREE",
}
registerEnumType(SurvivalEndpointEnum, { name: "SurvivalEndpoint", description: "OVERALL: overallSurvivalDays/Event; PROGRESSION_FREE: clinical attributes progressionFreeSurvivalDays/Event" });

export enum ClinicalCovariateEnum {
  age = "age",
  stage = "stage",
  sex = "sex",
}
registerEnumType(ClinicalCovariateEnum, { name: "ClinicalCovariate", description: "Clinical covariates of a combined model's clinical block" });

@ObjectType({ description: "One feature of a survival analysis: univariate Cox result, or penalised / combined-model coefficient" })
export class SurvivalFeatureResult {
  @Field(() => String)
  featureKey!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  ibsiCode!: string | null;

  @Field(() => Int, { nullable: true, description: "Order in the report (univariate: by p; penalised: by |coefficient|)" })
  rank!: number | null;

  @Field(() => Float, { nullable: true, description: "Cox coefficient: log hazard ratio per unit of the feature" })
  coefficient!: number | null;

  @Field(() => Float, { nullable: true })
  standardError!: number | null;

  @Field(() => Float, { nullable: true })
  hazardRatio!: number | null;

  @Field(() => Float, { nullable: true, description: "95% CI of the hazard ratio" })
  hrLower!: number | null;

  @Field(() => Float, { nullable: true })
  hrUpper!: number | null;

  @Field(() => Float, { nullable: true, description: "Wald p" })
  p!: number | null;

  @Field(() => Float, { nullable: true, description: "Benjamini–Hochberg q over the analysis" })
  q!: number | null;

  @Field(() => Float, { nullable: true, description: "Harrell's C of the feature alone" })
  concordance!: number | null;

  @Field(() => Float, { nullable: true, description: "Proportional-hazards test p (scaled Schoenfeld residuals, KM time)" })
  phP!: number | null;
}

@ObjectType()
export class SurvivalFeatureConnection {
  @Field(() => [SurvivalFeatureResult])
  nodes!: SurvivalFeatureResult[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType({ description: "A stored survival analysis (its id equals the id of the job that made it). params: cohort, feature settings + hash, endpoint, options (seed, folds, blocks, penalizers), method text, patients and follow-up, dropped features; dataVersion: the survival and expression releases read, label and feature digests" })
export class SurvivalAnalysis extends StoredResult {
  @Field(() => SurvivalKindEnum)
  kind!: string;

  @Field(() => SurvivalEndpointEnum)
  endpoint!: string;

  @Field(() => Int, { nullable: true })
  patients!: number | null;

  @Field(() => Int, { nullable: true })
  events!: number | null;

  @Field(() => GraphQLJSON, { nullable: true, description: "KM curves + numbers at risk + log-rank; CV C-indices (Harrell, Uno), folds, PH tests; combined-model table" })
  result!: unknown;

  @Field(() => ID, { nullable: true })
  cohortId!: string | null;
}

@ObjectType()
export class SurvivalAnalysisConnection {
  @Field(() => [SurvivalAnalysis])
  nodes!: SurvivalAnalysis[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
