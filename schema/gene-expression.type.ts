import { Field, Float, ObjectType } from "type-graphql";

@ObjectType({ description: "Expression of one gene in the patient's primary tumour" })
export class GeneExpression {
  @Field(() => String)
  geneSymbol!: string;

  @Field(() => Float, { nullable: true, description: "log2(TPM + 1)" })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: "Transcripts per million" })
  tpm!: number | null;

  @Field(() => Float, { nullable: true, description: "z-score of value across the cohort" })
  z!: number | null;
}
