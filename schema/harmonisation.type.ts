import { GraphQLJSON } from "graphql-scalars";
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { StoredResult } from "./stored-result.type.js";
import { PageInfo } from "./page-info.type.js";

export enum HarmonisationBatchBy {
  MANUFACTURER = "MANUFACTURER",
  MANUFACTURER_MODEL = "MANUFACTURER_MODEL",
  CONVOLUTION_KERNEL = "CONVOLUTION_KERNEL",
  SLICE_THICKNESS_BINS = "SLICE_THICKNESS_BINS",
  COLLECTION = "COLLECTION",
}
registerEnumType(HarmonisationBatchBy, { name: "HarmonisationBatchBy", description: "What a ComBat batch is: a series acquisition parameter, slice-thickness bins or the collection" });

export enum CovariateKind {
  CATEGORICAL = "CATEGORICAL",
  NUMERIC = "NUMERIC",
}
registerEnumType(CovariateKind, { name: "CovariateKind", description: "How a preserved covariate enters the ComBat design: one-hot levels or a linear term" });

@InputType({ description: "A biological covariate whose effect ComBat keeps" })
export class PreservedCovariateInput {
  @Field(() => String, { description: "Clinical attribute, e.g. SUBTYPE, or ageAtDiagnosisYears" })
  name!: string;

  @Field(() => CovariateKind, { defaultValue: CovariateKind.CATEGORICAL })
  kind!: CovariateKind;
}

@ObjectType({ description: "One ComBat batch and its number of patients" })
export class HarmonisationBatch {
  @Field(() => String)
  batch!: string;

  @Field(() => Int)
  size!: number;
}

@ObjectType({ description: "Kruskal–Wallis test of one feature across batches, before and after ComBat" })
export class HarmonisationDiagnostic {
  @Field(() => String)
  featureKey!: string;

  @Field(() => Float)
  statisticBefore!: number;

  @Field(() => Float)
  pBefore!: number;

  @Field(() => Float)
  statisticAfter!: number;

  @Field(() => Float)
  pAfter!: number;
}

@ObjectType()
export class HarmonisationDiagnosticConnection {
  @Field(() => [HarmonisationDiagnostic])
  nodes!: HarmonisationDiagnostic[];

  @Field(() => Int)
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType({ description: "A named, stored ComBat harmonisation of a cohort's feature values (batches, covariates, estimates, diagnostics, values); its id equals the id of the job that computed it. params: cohort, settings, batch definition, covariates, options, dropped features and patients; dataVersion: digest of the raw values, series releases, covariate sources" })
export class Harmonisation extends StoredResult {
  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => ID, { nullable: true })
  cohortId!: string | null;

  @Field(() => String, { nullable: true, description: "Feature settings hash of the harmonised values" })
  settingsHash!: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: "{ by, binEdges? }" })
  batchDefinition!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: "[{ name, kind }]" })
  covariates!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: "{ parametric, meanOnly, text }" })
  method!: unknown;

  @Field(() => [HarmonisationBatch])
  batches!: HarmonisationBatch[];

  @Field(() => Int, { description: "Patients (one lesion each) harmonised" })
  patientCount!: number;

  @Field(() => Int, { description: "Features harmonised" })
  featureCount!: number;

  @Field(() => GraphQLJSON, { nullable: true, description: "featureKeys, batches, design columns, γ* and δ* (batches × features, row-major), grand means, pooled variances" })
  estimates!: unknown;

}

@ObjectType()
export class HarmonisationConnection {
  @Field(() => [Harmonisation])
  nodes!: Harmonisation[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
