// A feature link's target as a graph object (Gene or Pathway), so a query can walk on from a link to
// the pathway's member genes; federated, these are references the genomics subgraph resolves.
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { FeatureLink } from "../schema/feature-link.type.js";
import { Gene } from "../schema/gene.type.js";
import { Pathway } from "../schema/pathway.type.js";
import type { RequestContext } from "./context.js";

@Resolver(() => FeatureLink)
export class FeatureLinkResolver {
  @FieldResolver(() => Pathway, { nullable: true, description: "The pathway of a feature ↔ pathway link; null for a gene link" })
  pathway(@Root() link: FeatureLink, @Ctx() ctx: RequestContext): Promise<Pathway | null> | null {
    return link.targetKind === "Pathway" ? ctx.loaders.pathway.load(link.target) : null;
  }

  @FieldResolver(() => Gene, { nullable: true, description: "The gene of a feature ↔ gene link; null for a pathway link" })
  gene(@Root() link: FeatureLink, @Ctx() ctx: RequestContext): Promise<Gene | null> | null {
    return link.targetKind === "Gene" ? ctx.loaders.gene.load(link.target) : null;
  }
}
