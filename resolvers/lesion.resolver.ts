import { IsOptional, ValidateNested } from "class-validator";
import { GraphQLJSON } from "graphql-scalars";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Resolver, Root } from "type-graphql";
import type { FeatureFamily } from "../compute/features/types.js";
import type { LesionFeature } from "../graph-model/model/records.js";
import { FeatureSettingsInput } from "../schema/feature-settings.input.js";
import { FeatureValue } from "../schema/feature-value.type.js";
import { Lesion } from "../schema/lesion.type.js";
import type { RequestContext } from "./context.js";
import { toFeatureSettings } from "./feature-settings.mapping.js";

@ArgsType()
class FeaturesArgs {
  @Field(() => FeatureSettingsInput, { nullable: true, description: "Extraction settings; default: fixed bin number 32" })
  @IsOptional() @ValidateNested()
  settings?: FeatureSettingsInput;

  @Field(() => [String], { nullable: true, description: "IBSI families, e.g. [\"glcm\", \"morphology\"]; default: all" })
  families?: string[];
}

function toFeatureValue({ feature, value, undefinedReason, computedAt, imageSource }: LesionFeature): FeatureValue {
  return { ...feature, name: feature.name ?? feature.key, value, undefinedReason, computedAt, imageSource };
}

@Resolver(() => Lesion)
export class LesionResolver {
  @FieldResolver(() => [FeatureValue], {
    description: "IBSI radiomic features for these settings: stored values, or computed on first request (then stored with their settings)",
  })
  async features(@Root() lesion: Lesion, @Args(() => FeaturesArgs) { settings, families }: FeaturesArgs, @Ctx() ctx: RequestContext): Promise<FeatureValue[]> {
    const loader = ctx.loaders.computedFeatures(toFeatureSettings(settings), (families ?? []) as FeatureFamily[]);
    return (await loader.load(lesion.id)).map(toFeatureValue);
  }

  @FieldResolver(() => GraphQLJSON, {
    description: "pyradiomics' diagnostics_* provenance of this lesion's image and mask for a PYRADIOMICS params file (settings.profile PYRADIOMICS): "
      + "keys as pyradiomics writes them (diagnostics_Image-original_Size, diagnostics_Mask-original_BoundingBox, …); hashes are of this platform's buffers; empty with additionalInfo: false",
  })
  async pyradiomicsDiagnostics(@Root() lesion: Lesion, @Arg("settings", () => FeatureSettingsInput) settings: FeatureSettingsInput, @Ctx() ctx: RequestContext): Promise<unknown> {
    return ctx.features.diagnosticsOf(lesion.id, toFeatureSettings(settings));
  }

  @FieldResolver(() => [FeatureValue], { description: "Feature values already in the graph, for one settings hash or all; never computes" })
  async storedFeatures(
    @Root() lesion: Lesion,
    @Arg("settingsHash", () => String, { nullable: true }) settingsHash: string | null | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<FeatureValue[]> {
    return (await ctx.loaders.featuresOfLesion(settingsHash ?? null).load(lesion.id)).map(toFeatureValue);
  }
}
