import { Field, Float, ObjectType } from "type-graphql";

@ObjectType({ description: "Expression of one gene in the patient's primary tumour, from one source" })
export class GeneExpression {
  @Field(() => String)
  geneSymbol!: string;

  @Field(() => Float, { nullable: true, description: "log2(TPM + 1)" })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: "Transcripts per million" })
  tpm!: number | null;

  @Field(() => Float, { nullable: true, description: "z-score of value across the cohort" })
  z!: number | null;

  @Field(() => String, { nullable: true, description: "Where the value came from: GDC, cBioPortal, demo, …" })
  source!: string | null;

  @Field(() => String, { nullable: true, description: "Release of the source (GDC data release, cBioPortal study import date)" })
  dataRelease!: string | null;

  @Field(() => String, { nullable: true, description: "GDC STAR-Counts file id or cBioPortal molecular profile id" })
  sourceFile!: string | null;
}
