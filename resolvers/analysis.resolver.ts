import { IsOptional, Max, Min, ValidateNested } from "class-validator";
import { Arg, Args, ArgsType, Authorized, Ctx, Field, Float, ID, Int, Mutation, Query, Resolver, registerEnumType } from "type-graphql";
import { BadUserInputError, NotFoundError } from "../compute/errors.js";
import type { FeatureFamily } from "../compute/features/types.js";
import type { CorrelationLink } from "../graph-model/model/records.js";
import { Analysis } from "../schema/analysis.type.js";
import { FeatureLink } from "../schema/feature-link.type.js";
import { FeatureLinkPage } from "../schema/feature-link-page.type.js";
import { FeatureSettingsInput } from "../schema/feature-settings.input.js";
import { PatientFilterInput } from "../schema/patient-filter.input.js";
import { defaultBatchTests } from "../ingest/analysis/association-job.js";
import { Job } from "../schema/job.type.js";
import type { RequestContext } from "./context.js";
import { submitJobOfKind } from "./job-kinds.js";
import { toJob } from "./job.mapping.js";
import { toFeatureSettings } from "./feature-settings.mapping.js";

export enum AssociationTargetsEnum {
  PATHWAYS = "PATHWAYS",
  GENES = "GENES",
  MUTATIONS = "MUTATIONS",
}
registerEnumType(AssociationTargetsEnum, { name: "AssociationTargets" });

@ArgsType()
class RunAssociationArgs {
  @Field(() => PatientFilterInput, { nullable: true, description: "The cohort (default: every patient)" })
  @IsOptional() @ValidateNested()
  cohort?: PatientFilterInput;

  @Field(() => ID, { nullable: true, description: "A saved cohort instead of the filter: exactly its members, recorded with the analysis" })
  @IsOptional()
  cohortId?: string;

  @Field(() => FeatureSettingsInput, { nullable: true })
  @IsOptional() @ValidateNested()
  settings?: FeatureSettingsInput;

  @Field(() => [String], { nullable: true, description: "IBSI families (default all)" })
  families?: string[];

  @Field(() => AssociationTargetsEnum)
  targets!: AssociationTargetsEnum;

  @Field(() => [String], { nullable: true, description: "Gene symbols (GENES, required; MUTATIONS, default every gene mutated in at least minGroupSize profiled patients) or pathway ids (PATHWAYS, default all)" })
  targetKeys?: string[];

  @Field(() => Int, { nullable: true, description: "Fewest patients per test (default 10)" })
  @IsOptional() @Min(4) @Max(100_000)
  minPatients?: number;

  @Field(() => Int, { nullable: true, description: "MUTATIONS: fewest patients in the mutated and in the wild-type group (default 5)" })
  @IsOptional() @Min(2) @Max(100_000)
  minGroupSize?: number;

  @Field(() => String, { nullable: true, description: "Expression source to read (GDC, cBioPortal, demo, …); required when the graph holds several" })
  expressionSource?: string;
}

@ArgsType()
class StartAssociationArgs extends RunAssociationArgs {
  @Field(() => Int, { nullable: true, description: "Tests (feature × target cells) per task; a task covers every feature × whole targets (default RG_ASSOCIATION_BATCH_TESTS, else 100000)" })
  @IsOptional() @Min(1) @Max(100_000_000)
  batchTests?: number;
}

@ArgsType()
class LinksArgs {
  @Field(() => ID)
  analysisId!: string;

  @Field(() => Float, { nullable: true, description: "Only links with q at most this" })
  @IsOptional() @Min(0) @Max(1)
  maxQ?: number;

  @Field(() => Float, { nullable: true, description: "Only links with |rho| at least this" })
  @IsOptional() @Min(0) @Max(1)
  minAbsRho?: number;

  @Field(() => String, { nullable: true, description: "Only features of this IBSI family" })
  family?: string;

  @Field(() => [String], { nullable: true, description: "Only these pathways / genes" })
  targets?: string[];

  @Field(() => Int, { defaultValue: 100 })
  @Min(1) @Max(10_000)
  first!: number;
}

function toLink(link: CorrelationLink, targetKind: "Gene" | "Pathway"): FeatureLink {
  return { ...link, feature: { ...link.feature, name: link.feature.name ?? link.featureKey }, target: link.targetKey, targetKind };
}

@Resolver(() => Analysis)
export class AnalysisResolver {
  @Authorized("analysis")
  @Mutation(() => Analysis, { description: "Runs (or finds) a feature ↔ pathway/gene Spearman analysis, or a feature → mutation-status Mann–Whitney/AUC analysis (MUTATIONS), with BH q-values, computing missing features first" })
  runAssociation(@Args(() => RunAssociationArgs) args: RunAssociationArgs, @Ctx() ctx: RequestContext): Promise<Analysis> {
    return ctx.associations.run({
      cohort: { ...args.cohort },
      cohortId: args.cohortId,
      settings: toFeatureSettings(args.settings),
      families: args.families as FeatureFamily[] | undefined,
      targets: args.targets,
      targetKeys: args.targetKeys,
      minPatients: args.minPatients,
      minGroupSize: args.minGroupSize,
      expressionSource: args.expressionSource ?? undefined,
    });
  }

  @Authorized("analysis")
  @Mutation(() => Job, { description: "runAssociation (PATHWAYS / GENES) as a job of batches of tests: with RG_REDIS_URL one task per batch on the `worker` processes, BH once over all p-values at the end; the same links, q-values and provenance. Read the result with analysis(id) once the job SUCCEEDED (the Analysis id is the job id without 'association-')" })
  async startAssociation(@Args(() => StartAssociationArgs) args: StartAssociationArgs, @Ctx() ctx: RequestContext): Promise<Job> {
    if (args.targets === AssociationTargetsEnum.MUTATIONS) throw new BadUserInputError("targets MUTATIONS is not a job yet: run it with runAssociation");
    return toJob(await submitJobOfKind(ctx, "startAssociation", {
      cohort: args.cohort, cohortId: args.cohortId, settings: args.settings, families: args.families, targets: args.targets, targetKeys: args.targetKeys,
      minPatients: args.minPatients, expressionSource: args.expressionSource ?? undefined, batchTests: args.batchTests ?? defaultBatchTests(),
    }));
  }

  @Query(() => Analysis)
  async analysis(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Analysis> {
    const analysis = await ctx.store.analysisById(id);
    if (!analysis) throw new NotFoundError("Analysis", id);
    return analysis;
  }

  @Query(() => [FeatureLink], { description: "Feature ↔ pathway links of an analysis, strongest first" })
  async featurePathwayLinks(@Args(() => LinksArgs) args: LinksArgs, @Ctx() ctx: RequestContext): Promise<FeatureLink[]> {
    return this.links(args, "Pathway", ctx);
  }

  @Query(() => [FeatureLink], { description: "Feature ↔ gene links of an analysis, strongest first" })
  async featureGeneLinks(@Args(() => LinksArgs) args: LinksArgs, @Ctx() ctx: RequestContext): Promise<FeatureLink[]> {
    return this.links(args, "Gene", ctx);
  }

  @Query(() => FeatureLinkPage, { description: "Feature ↔ pathway links of an analysis, strongest first, with their total count (featurePathwayLinks says nothing when `first` cuts the list)" })
  async featurePathwayLinkPage(@Args(() => LinksArgs) args: LinksArgs, @Ctx() ctx: RequestContext): Promise<FeatureLinkPage> {
    return this.linkPage(args, "Pathway", ctx);
  }

  @Query(() => FeatureLinkPage, { description: "Feature ↔ gene links of an analysis, strongest first, with their total count" })
  async featureGeneLinkPage(@Args(() => LinksArgs) args: LinksArgs, @Ctx() ctx: RequestContext): Promise<FeatureLinkPage> {
    return this.linkPage(args, "Gene", ctx);
  }

  private async linkPage(args: LinksArgs, targetKind: "Gene" | "Pathway", ctx: RequestContext): Promise<FeatureLinkPage> {
    const [nodes, totalCount] = await Promise.all([this.links(args, targetKind, ctx), ctx.store.correlationLinkCount({ ...args, targetKeys: args.targets, targetKind })]);
    return { nodes, totalCount, truncated: totalCount > nodes.length };
  }

  private async links(args: LinksArgs, targetKind: "Gene" | "Pathway", ctx: RequestContext): Promise<FeatureLink[]> {
    if (!(await ctx.store.analysisById(args.analysisId))) throw new NotFoundError("Analysis", args.analysisId);
    const links = await ctx.store.correlationLinks({ ...args, targetKeys: args.targets, targetKind });
    return links.map((link) => toLink(link, targetKind));
  }
}
