import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Lesion } from "../schema/lesion.type.js";
import { Series } from "../schema/series.type.js";
import type { RequestContext } from "./context.js";

@Resolver(() => Series)
export class SeriesResolver {
  @FieldResolver(() => [Lesion], { description: "Segmented lesions on this series" })
  lesions(@Root() series: Series, @Ctx() ctx: RequestContext): Promise<Lesion[]> {
    return ctx.loaders.lesionsOfSeries.load(series.uid);
  }
}
