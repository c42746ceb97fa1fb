import { GraphQLJSON } from "graphql-scalars";
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { StoredResult } from "./stored-result.type.js";
import { PageInfo } from "./page-info.type.js";

@ObjectType({ description: "One feature of a signature: final coefficient (original scale) and outer-fold selection frequency" })
export class SignatureFeature {
  @Field(() => String)
  featureKey!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  ibsiCode!: string | null;

  @Field(() => Float, { nullable: true, description: "0 when the final refit did not select it" })
  coefficient!: number | null;

  @Field(() => Float, { nullable: true })
  selectionFrequency!: number | null;
}

@ObjectType({ description: "A stored multivariable penalised-logistic signature, validated by nested cross-validation. params: cohort, feature settings, options (folds, repeats, seed, l1Ratio, permutations), method, harmonisation; dataVersion: label sources and digests" })
export class Signature extends StoredResult {
  @Field(() => String, { nullable: true, description: "Attribute=positive class, e.g. SUBTYPE=Basal" })
  target!: string | null;

  @Field(() => Float, { nullable: true, description: "Pooled out-of-fold AUC (mean over repeats)" })
  auc!: number | null;

  @Field(() => [Float], { nullable: true, description: "95% CI of the out-of-fold AUC (DeLong, repeat 0)" })
  ci95!: number[] | null;

  @Field(() => Float, { nullable: true, description: "Permutation p-value; null without permutations" })
  permutationP!: number | null;

  @Field(() => GraphQLJSON, { nullable: true, description: "Folds, λ path, chosen λ, coefficients per fold, final model" })
  result!: unknown;

  @Field(() => ID, { nullable: true })
  cohortId!: string | null;
}

@ObjectType()
export class SignatureConnection {
  @Field(() => [Signature])
  nodes!: Signature[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType({ description: "A stored signature applied to another cohort (external validation)" })
export class SignatureApplicationResult {
  @Field(() => ID)
  signatureId!: string;

  @Field(() => Int)
  patients!: number;

  @Field(() => Float, { nullable: true, description: "null when the cohort lacks the target or one class" })
  auc!: number | null;

  @Field(() => [Float], { nullable: true })
  ci95!: number[] | null;

  @Field(() => Int)
  positives!: number;

  @Field(() => Int)
  negatives!: number;
}
