import { GraphQLJSON } from "graphql-scalars";
import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "A feature as computed with particular settings (a Feature node of the graph)" })
export class FeatureValueDefinition {
  @Field(() => String, { description: "Feature name with its aggregation, e.g. cm_joint_entropy_3d_mrg" })
  name!: string;

  @Field(() => String, { nullable: true, description: "IBSI family, e.g. glcm" })
  family!: string | null;

  @Field(() => String, { nullable: true, description: "IBSI identifier" })
  ibsiCode!: string | null;

  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Field(() => String, { nullable: true, description: "Stable hash of the effective extraction settings" })
  settingsHash!: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: "The effective extraction settings (provenance)" })
  settings!: unknown;
}
