import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A radiomic feature as the IBSI defines it" })
export class FeatureDefinition {
  @Field(() => ID, { description: "Stable key, e.g. glcm_joint_entropy" })
  key!: string;

  @Field(() => String, { description: "IBSI name, e.g. Joint entropy" })
  name!: string;

  @Field(() => String, { description: "IBSI family, e.g. glcm" })
  family!: string;

  @Field(() => String, { description: "IBSI identifier, e.g. TU9B" })
  ibsiCode!: string;

  @Field(() => String, { description: "Unit; empty for dimensionless features" })
  unit!: string;

  @Field(() => String, { description: "The IBSI formula or meaning, in one line" })
  description!: string;

  @Field(() => [String], { description: "Texture aggregations it is reported for (IBSI labels); empty for whole-ROI families" })
  aggregations!: string[];
}
