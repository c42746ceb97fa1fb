import { Arg, Query, Resolver } from "type-graphql";
import { BadUserInputError } from "../compute/errors.js";
import { FEATURE_CATALOGUE } from "../compute/features/catalogue.js";
import { FEATURE_FAMILIES, type FeatureFamily } from "../compute/features/types.js";
import { FeatureDefinition } from "../schema/feature-definition.type.js";

@Resolver(() => FeatureDefinition)
export class FeatureDefinitionResolver {
  @Query(() => [FeatureDefinition], { description: "Every radiomic feature the platform computes, with its IBSI code, unit and formula" })
  featureDefinitions(@Arg("family", () => String, { nullable: true, description: `One of: ${FEATURE_FAMILIES.join(", ")}` }) family?: string | null): FeatureDefinition[] {
    if (family && !FEATURE_FAMILIES.includes(family as FeatureFamily))
      throw new BadUserInputError(`unknown feature family '${family}'; use one of ${FEATURE_FAMILIES.join(", ")}`);
    return FEATURE_CATALOGUE.filter((d) => !family || d.family === family).map((d) => ({ ...d, aggregations: [...d.aggregations] }));
  }
}
