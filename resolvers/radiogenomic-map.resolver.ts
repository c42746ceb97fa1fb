import { IsOptional, Max, Min } from "class-validator";
import { Args, ArgsType, Ctx, Field, Float, ID, Query, Resolver } from "type-graphql";
import { loadRadiogenomicMap } from "../ingest/analysis/radiogenomic-map-source.js";
import { MapEdgeKindEnum, MapNodeKindEnum, RadiogenomicMap } from "../schema/radiogenomic-map.type.js";
import type { RequestContext } from "./context.js";

@ArgsType()
class RadiogenomicMapArgs {
  @Field(() => [ID], { nullable: true, description: "Analyses whose links to show (runAssociation ids)" })
  analysisIds?: string[];

  @Field(() => ID, { nullable: true, description: "A saved cohort: every analysis that ran on it (with analysisIds: both)" })
  cohortId?: string;

  @Field(() => Float, { defaultValue: 0.05, description: "Only links with q at most this" })
  @Min(0) @Max(1)
  maxQ!: number;

  @Field(() => Float, { nullable: true, description: "Only links with |rho| (mutation links: 2·|AUC − 0.5|) at least this" })
  @IsOptional() @Min(0) @Max(1)
  minAbsRho?: number;
}

@Resolver(() => RadiogenomicMap)
export class RadiogenomicMapResolver {
  @Query(() => RadiogenomicMap, { description: "Features, pathways and genes joined by the analyses' links that pass the filters" })
  async radiogenomicMap(@Args(() => RadiogenomicMapArgs) args: RadiogenomicMapArgs, @Ctx() ctx: RequestContext): Promise<RadiogenomicMap> {
    const { map } = await loadRadiogenomicMap(ctx.store, { ...args, analysisIds: args.analysisIds ?? [] });
    return {
      nodes: map.nodes.map((n) => ({ ...n, kind: n.kind as MapNodeKindEnum })),
      edges: map.edges.map((e) => ({ ...e, kind: e.kind as MapEdgeKindEnum })),
    };
  }
}
