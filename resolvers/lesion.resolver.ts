import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { FeatureValue } from "../schema/feature-value.type.js";
import { Lesion } from "../schema/lesion.type.js";
import type { RequestContext } from "./context.js";

@Resolver(() => Lesion)
export class LesionResolver {
  @FieldResolver(() => [FeatureValue], { description: "Stored radiomic feature values, for one settings hash or all" })
  async features(
    @Root() lesion: Lesion,
    @Arg("settingsHash", () => String, { nullable: true }) settingsHash: string | null | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<FeatureValue[]> {
    const stored = await ctx.loaders.featuresOfLesion(settingsHash ?? null).load(lesion.id);
    return stored.map(({ feature, value, undefinedReason, computedAt }) => ({ ...feature, name: feature.name ?? feature.key, value, undefinedReason, computedAt }));
  }
}
