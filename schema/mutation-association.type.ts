import { Field, Float, Int, ObjectType } from "type-graphql";
import { FeatureValueDefinition } from "./feature-value-definition.type.js";
import { PageInfo } from "./page-info.type.js";

@ObjectType({ description: "How well a radiomic feature separates a gene's mutated tumours from wild-type ones in one analysis (Mann–Whitney U)" })
export class MutationAssociation {
  @Field(() => FeatureValueDefinition)
  feature!: FeatureValueDefinition;

  @Field(() => String, { description: "Gene symbol" })
  gene!: string;

  @Field(() => String, { nullable: true, description: "Full gene name" })
  geneName!: string | null;

  @Field(() => Float, { nullable: true, description: "U / (nMutated · nWildType): P(a mutated tumour's value ranks above a wild-type one's); 0.5 = no separation" })
  auc!: number | null;

  @Field(() => Float, { nullable: true, description: "Mann–Whitney U of the mutated group" })
  u!: number | null;

  @Field(() => Float, { nullable: true, description: "Two-sided p-value" })
  p!: number | null;

  @Field(() => Float, { nullable: true, description: "Benjamini–Hochberg q-value within the analysis" })
  q!: number | null;

  @Field(() => Int, { nullable: true, description: "Patients in the test (nMutated + nWildType)" })
  n!: number | null;

  @Field(() => Int, { nullable: true })
  nMutated!: number | null;

  @Field(() => Int, { nullable: true })
  nWildType!: number | null;

  @Field(() => String)
  analysisId!: string;
}

@ObjectType({ description: "One page of an analysis's feature → mutation links, by q then |AUC − 0.5|" })
export class MutationAssociationConnection {
  @Field(() => [MutationAssociation])
  nodes!: MutationAssociation[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
