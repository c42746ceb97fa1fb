import { Field, Float, Int, ObjectType } from "type-graphql";
import { FeatureValueDefinition } from "./feature-value-definition.type.js";

@ObjectType({ description: "A radiomic feature's Spearman association with a gene or pathway in one analysis" })
export class FeatureLink {
  @Field(() => FeatureValueDefinition)
  feature!: FeatureValueDefinition;

  @Field(() => String, { description: "Gene symbol or pathway id" })
  target!: string;

  @Field(() => String, { nullable: true, description: "Pathway or gene name" })
  targetName!: string | null;

  @Field(() => Float, { nullable: true, description: "Spearman rho" })
  rho!: number | null;

  @Field(() => Float, { nullable: true, description: "Two-sided p-value" })
  p!: number | null;

  @Field(() => Float, { nullable: true, description: "Benjamini–Hochberg q-value within the analysis" })
  q!: number | null;

  @Field(() => Int, { nullable: true, description: "Patients in the test" })
  n!: number | null;

  @Field(() => String)
  analysisId!: string;

  /** Not a field: what `target` names, so `gene` / `pathway` resolve only the matching kind. */
  targetKind?: "Gene" | "Pathway";
}
