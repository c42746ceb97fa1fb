import { ArrayMaxSize, ArrayNotEmpty } from "class-validator";
import { Args, ArgsType, Ctx, Field, FieldResolver, Resolver, Root, Query } from "type-graphql";
import { BadUserInputError } from "../compute/errors.js";
import { Gene } from "../schema/gene.type.js";
import { Pathway } from "../schema/pathway.type.js";
import type { RequestContext } from "./context.js";

@ArgsType()
class GenesArgs {
  @Field(() => [String], { description: "HGNC symbols, e.g. [\"EGFR\", \"TP53\"]" })
  @ArrayNotEmpty() @ArrayMaxSize(20_000)
  symbols!: string[];
}

@Resolver(() => Gene)
export class GeneResolver {
  @Query(() => [Gene], { description: "Genes by HGNC symbol, in the order asked; an unknown symbol is BAD_USER_INPUT" })
  async genes(@Args(() => GenesArgs) { symbols }: GenesArgs, @Ctx() ctx: RequestContext): Promise<Gene[]> {
    const genes = await ctx.loaders.gene.loadMany(symbols);
    const unknown = symbols.filter((_, i) => !genes[i] || genes[i] instanceof Error);
    if (unknown.length) throw new BadUserInputError(`unknown gene symbol${unknown.length > 1 ? "s" : ""}: ${unknown.slice(0, 10).join(", ")}`, { unknown });
    return genes as Gene[];
  }

  @FieldResolver(() => [Pathway], { description: "Pathways and gene sets the gene belongs to" })
  pathways(@Root() gene: Gene, @Ctx() ctx: RequestContext): Promise<Pathway[]> {
    return ctx.loaders.pathwaysOfGene.load(gene.symbol);
  }
}
