import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { NotFoundError } from "../compute/errors.js";
import { Collection } from "../schema/collection.type.js";
import type { RequestContext } from "./context.js";

@Resolver(() => Collection)
export class CollectionResolver {
  @Query(() => [Collection], { description: "Every imaging collection in the graph" })
  collections(@Ctx() ctx: RequestContext): Promise<Collection[]> {
    return ctx.store.collections();
  }

  @Query(() => Collection, { description: "One collection by id; NOT_FOUND when absent" })
  async collection(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Collection> {
    const collection = await ctx.loaders.collection.load(id);
    if (!collection) throw new NotFoundError("Collection", id);
    return collection;
  }
}
