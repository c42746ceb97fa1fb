import { Field, Float, ObjectType } from "type-graphql";

@ObjectType({ description: "A somatic mutation of the patient's tumour" })
export class SomaticMutation {
  @Field(() => String, { description: "HGNC symbol of the mutated gene" })
  geneSymbol!: string;

  @Field(() => String, { description: "HGVS protein change, e.g. p.L858R" })
  proteinChange!: string;

  @Field(() => String, { nullable: true, description: "Variant consequence, e.g. missense_variant" })
  consequence!: string | null;

  @Field(() => Float, { nullable: true, description: "Variant allele fraction" })
  vaf!: number | null;

  @Field(() => String, { nullable: true, description: "Tumour sample barcode" })
  sampleId!: string | null;

  @Field(() => String, { nullable: true, description: "GDC or cBioPortal" })
  source!: string | null;
}
