import { GraphQLJSON } from "graphql-scalars";
import { Field, Float, ObjectType } from "type-graphql";

@ObjectType({ description: "A stored radiomic feature value of a lesion, with the settings that produced it" })
export class FeatureValue {
  @Field(() => String, { description: "Feature name with its aggregation, e.g. cm_joint_entropy_3d_mrg" })
  name!: string;

  @Field(() => String, { nullable: true })
  family!: string | null;

  @Field(() => String, { nullable: true, description: "IBSI identifier" })
  ibsiCode!: string | null;

  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Field(() => Float, { nullable: true, description: "Null when the feature is undefined for this lesion (see undefinedReason)" })
  value!: number | null;

  @Field(() => String, { nullable: true, description: "Why the feature is undefined for this lesion" })
  undefinedReason!: string | null;

  @Field(() => String, { nullable: true, description: "Stable hash of the effective extraction settings" })
  settingsHash!: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: "The effective extraction settings (provenance)" })
  settings!: unknown;

  @Field(() => String, { nullable: true, description: "ISO-8601 time of computation" })
  computedAt!: string | null;

  @Field(() => String, { nullable: true, description: "Where the lesion's pixels and mask came from (provenance)" })
  imageSource!: string | null;
}
