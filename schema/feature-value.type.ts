import { Field, Float, ObjectType } from "type-graphql";
import { FeatureValueDefinition } from "./feature-value-definition.type.js";

@ObjectType({ description: "A stored radiomic feature value of a lesion, with the settings that produced it" })
export class FeatureValue extends FeatureValueDefinition {
  @Field(() => Float, { nullable: true, description: "Null when the feature is undefined for this lesion (see undefinedReason)" })
  value!: number | null;

  @Field(() => String, { nullable: true, description: "Why the feature is undefined for this lesion" })
  undefinedReason!: string | null;

  @Field(() => String, { nullable: true, description: "ISO-8601 time of computation" })
  computedAt!: string | null;

  @Field(() => String, { nullable: true, description: "Where the lesion's pixels and mask came from (provenance)" })
  imageSource!: string | null;
}
