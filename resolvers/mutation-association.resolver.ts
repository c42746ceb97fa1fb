import { IsOptional, Max, Min } from "class-validator";
import { Args, ArgsType, Ctx, Field, Float, ID, Int, Query, Resolver } from "type-graphql";
import { BadUserInputError, NotFoundError } from "../compute/errors.js";
import { offsetCursor, offsetOf } from "./offset-cursor.js";
import type * as M from "../graph-model/model/records.js";
import { MutationAssociation, MutationAssociationConnection } from "../schema/mutation-association.type.js";
import type { RequestContext } from "./context.js";

export const MAX_ASSOCIATIONS_PAGE = 1_000;

@ArgsType()
class MutationAssociationsArgs {
  @Field(() => ID)
  analysisId!: string;

  @Field(() => String, { nullable: true, description: "Only this feature (name, IBSI code or key)" })
  feature?: string;

  @Field(() => String, { nullable: true, description: "Only features of this IBSI family" })
  family?: string;

  @Field(() => [String], { nullable: true, description: "Only these genes" })
  genes?: string[];

  @Field(() => Float, { nullable: true, description: "Only links with q at most this" })
  @IsOptional() @Min(0) @Max(1)
  maxQ?: number;

  @Field(() => Float, { nullable: true, description: "Only links with |AUC − 0.5| at least this" })
  @IsOptional() @Min(0) @Max(0.5)
  minAbsAucDeviation?: number;

  @Field(() => Int, { defaultValue: 100, description: `Page size, 1 to ${MAX_ASSOCIATIONS_PAGE}` })
  @Min(1) @Max(MAX_ASSOCIATIONS_PAGE)
  first!: number;

  @Field(() => String, { nullable: true, description: "endCursor of the previous page" })
  after?: string | null;
}

function toAssociation(link: M.PredictionLink): MutationAssociation {
  return { ...link, feature: { ...link.feature, name: link.feature.name ?? link.featureKey }, gene: link.geneSymbol };
}

@Resolver(() => MutationAssociation)
export class MutationAssociationResolver {
  @Query(() => MutationAssociationConnection, { description: "Feature → mutation-status links of a MUTATIONS analysis, by q then |AUC − 0.5|, one page at a time" })
  async mutationAssociations(@Args(() => MutationAssociationsArgs) args: MutationAssociationsArgs, @Ctx() ctx: RequestContext): Promise<MutationAssociationConnection> {
    const analysis = await ctx.store.analysisById(args.analysisId);
    if (!analysis) throw new NotFoundError("Analysis", args.analysisId);
    if (analysis.kind !== "MUTATIONS") throw new BadUserInputError(`analysis ${args.analysisId} is a ${analysis.kind} analysis; mutationAssociations reads MUTATIONS analyses`);
    const skip = offsetOf(args.after, "mutationAssociations");
    const { after: _after, genes, ...filters } = args;
    const rows = await ctx.store.predictionLinks({ ...filters, geneSymbols: genes, skip, first: args.first + 1 });
    const nodes = rows.slice(0, args.first).map(toAssociation);
    const hasNextPage = rows.length > args.first;
    return { nodes, pageInfo: { hasNextPage, endCursor: nodes.length ? offsetCursor(skip + nodes.length) : null } };
  }
}
