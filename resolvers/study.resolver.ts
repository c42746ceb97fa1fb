import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Series } from "../schema/series.type.js";
import { Study } from "../schema/study.type.js";
import type { RequestContext } from "./context.js";

@Resolver(() => Study)
export class StudyResolver {
  @FieldResolver(() => [Series], { description: "Series of the study" })
  series(@Root() study: Study, @Ctx() ctx: RequestContext): Promise<Series[]> {
    return ctx.loaders.seriesOfStudy.load(study.uid);
  }
}
