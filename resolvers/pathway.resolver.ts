import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Gene } from "../schema/gene.type.js";
import { Pathway } from "../schema/pathway.type.js";
import type { RequestContext } from "./context.js";

@Resolver(() => Pathway)
export class PathwayResolver {
  @Query(() => [Pathway], { description: "Pathways and gene sets, optionally by source or by a member gene" })
  pathways(
    @Arg("source", () => String, { nullable: true, description: "e.g. MSigDB, Reactome, WikiPathways" }) source: string | undefined,
    @Arg("geneSymbol", () => String, { nullable: true, description: "Only sets containing this gene" }) geneSymbol: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<Pathway[]> {
    return ctx.store.pathways({ source: source ?? undefined, geneSymbol: geneSymbol ?? undefined });
  }

  @FieldResolver(() => [Gene], { description: "Member genes" })
  genes(@Root() pathway: Pathway, @Ctx() ctx: RequestContext): Promise<Gene[]> {
    return ctx.loaders.genesOfPathway.load(pathway.id);
  }
}
