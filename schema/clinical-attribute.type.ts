import { GraphQLJSON } from "graphql-scalars";
import { Field, Float, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A clinical or molecular attribute of a patient as a source serves it (a model target)" })
export class ClinicalAttribute {
  @Field(() => String, { description: "Attribute name (cBioPortal attribute id, GDC field name, or 'NAME [source]' when two sources serve the same name)" })
  name!: string;

  @Field(() => GraphQLJSON, { description: "The value, typed: number, string or boolean" })
  value!: string | number | boolean;

  @Field(() => String, { nullable: true, description: "Source and dataset, e.g. 'cBioPortal brca_tcga_pan_can_atlas_2018' or 'GDC TCGA-BRCA'" })
  source!: string | null;

  @Field(() => String, { nullable: true, description: "Data release of the source" })
  dataRelease!: string | null;

  @Field(() => String, { nullable: true, description: "The sample the value was read from (the primary tumour) for sample-level attributes" })
  sampleId!: string | null;
}

@ObjectType()
export class ClinicalAttributeLevel {
  @Field(() => String)
  value!: string;

  @Field(() => Int, { description: "Patients of the cohort with this value" })
  patients!: number;
}

@ObjectType({ description: "One attribute that exists in a cohort: what can be chosen as a signature target" })
export class ClinicalAttributeSummary {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "number, string, boolean, or mixed" })
  kind!: string;

  @Field(() => Int, { description: "Patients of the cohort with a value" })
  patients!: number;

  @Field(() => [ClinicalAttributeLevel], { description: "Levels with patient counts, most frequent first (empty for numbers)" })
  levels!: ClinicalAttributeLevel[];

  @Field(() => Float, { nullable: true })
  min!: number | null;

  @Field(() => Float, { nullable: true })
  max!: number | null;

  @Field(() => [String], { description: "Sources and releases the values came from" })
  sources!: string[];
}
