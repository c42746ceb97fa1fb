import { ArrayMaxSize, IsOptional, Max, Min, ValidateNested } from "class-validator";
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { BadUserInputError, NotFoundError } from "../compute/errors.js";
import { offsetCursor, offsetOf } from "./offset-cursor.js";
import type * as M from "../graph-model/model/records.js";
import { submitJobOfKind } from "./job-kinds.js";
import { FeatureSettingsInput } from "../schema/feature-settings.input.js";
import { Job } from "../schema/job.type.js";
import { PatientFilterInput } from "../schema/patient-filter.input.js";
import { ClinicalCovariateEnum, SurvivalAnalysis, SurvivalAnalysisConnection, SurvivalEndpointEnum, SurvivalFeatureConnection, SurvivalKindEnum } from "../schema/survival.type.js";
import type { RequestContext } from "./context.js";
import { toJob } from "./job.mapping.js";

export const MAX_SURVIVAL_PAGE = 100;

@ArgsType()
class StartSurvivalAnalysisArgs {
  @Field(() => SurvivalKindEnum)
  kind!: SurvivalKindEnum;

  @Field(() => SurvivalEndpointEnum, { defaultValue: SurvivalEndpointEnum.OVERALL })
  endpoint!: SurvivalEndpointEnum;

  @Field(() => PatientFilterInput, { nullable: true, description: "The cohort (default: every patient)" })
  @IsOptional() @ValidateNested()
  cohort?: PatientFilterInput;

  @Field(() => ID, { nullable: true, description: "A saved cohort instead of the filter" })
  @IsOptional()
  cohortId?: string;

  @Field(() => FeatureSettingsInput, { nullable: true })
  @IsOptional() @ValidateNested()
  settings?: FeatureSettingsInput;

  @Field(() => [String], { nullable: true, description: "IBSI families (default all)" })
  @IsOptional() @ArrayMaxSize(20)
  families?: string[];

  @Field(() => ID, { nullable: true, description: "A Harmonisation (startHarmonisation) whose ComBat-adjusted values replace the raw feature values" })
  @IsOptional()
  harmonisationId?: string;

  @Field(() => String, { nullable: true, description: "KAPLAN_MEIER: group by this clinical attribute (e.g. SUBTYPE, stage, sex)" })
  groupBy?: string;

  @Field(() => String, { nullable: true, description: "KAPLAN_MEIER: group by a median split of this feature (name or key)" })
  splitFeature?: string;

  @Field(() => [String], { nullable: true, description: "Cox kinds: only these features (names or keys); COMBINED: the radiomic block (default all stored features)" })
  @IsOptional() @ArrayMaxSize(2000)
  features?: string[];

  @Field(() => [String], { nullable: true, description: "COMBINED: genomic block, one covariate per gene (stored expression z-score)" })
  @IsOptional() @ArrayMaxSize(200)
  genes?: string[];

  @Field(() => String, { nullable: true, description: "COMBINED: genomic block as one pathway score (mean z-score of its member genes)" })
  pathway?: string;

  @Field(() => [ClinicalCovariateEnum], { nullable: true, description: "COMBINED: clinical block (default age, stage, sex as available)" })
  clinical?: ClinicalCovariateEnum[];

  @Field(() => Int, { defaultValue: 1 })
  seed!: number;

  @Field(() => Int, { nullable: true, description: "CV folds (default 5)" })
  @IsOptional() @Min(2) @Max(20)
  folds?: number;

  @Field(() => Float, { nullable: true, description: "PENALISED_COX: elastic-net mixing (lifelines l1_ratio, default 0.5)" })
  @IsOptional() @Min(0) @Max(1)
  l1Ratio?: number;

  @Field(() => [Float], { nullable: true, description: "PENALISED_COX: penalizer grid (default 10 values 1 … 1e-3)" })
  @IsOptional() @ArrayMaxSize(50)
  penalizers?: number[];

  @Field(() => Int, { nullable: true, description: "COMBINED: bootstrap resamples for the C-index increments (default 500)" })
  @IsOptional() @Min(50) @Max(5000)
  bootstrapSamples?: number;
}

function checkFirst(first: number): void {
  if (!(first >= 1 && first <= MAX_SURVIVAL_PAGE)) throw new BadUserInputError(`first must lie in 1…${MAX_SURVIVAL_PAGE}`);
}

function toAnalysis(s: M.SurvivalAnalysis): SurvivalAnalysis {
  const params = (s.params ?? {}) as { patients?: number; events?: number };
  return { ...s, kind: s.kind ?? "", endpoint: s.endpoint ?? "", patients: params.patients ?? null, events: params.events ?? null };
}

@Resolver(() => SurvivalAnalysis)
export class SurvivalResolver {
  @Authorized("analysis")
  @Mutation(() => Job, {
    description: "Starts a survival analysis as a job; its id is the id of the stored SurvivalAnalysis (poll job(id), then read survivalAnalysis(id)). The same question again returns a SUCCEEDED job with the stored answer. Bad input: BAD_USER_INPUT, nothing stored",
  })
  async startSurvivalAnalysis(@Args(() => StartSurvivalAnalysisArgs) args: StartSurvivalAnalysisArgs, @Ctx() ctx: RequestContext): Promise<Job> {
    return toJob(await submitJobOfKind(ctx, "startSurvivalAnalysis", args));
  }

  @Query(() => SurvivalAnalysis)
  async survivalAnalysis(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<SurvivalAnalysis> {
    const [found] = await ctx.store.survivalAnalysesByIds([id]);
    if (!found) throw new NotFoundError("SurvivalAnalysis", id);
    return toAnalysis(found);
  }

  @Query(() => SurvivalAnalysisConnection, { description: "Stored survival analyses, newest first, one page at a time" })
  async survivalAnalyses(
    @Arg("kind", () => SurvivalKindEnum, { nullable: true }) kind: SurvivalKindEnum | undefined,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<SurvivalAnalysisConnection> {
    checkFirst(first);
    const skip = offsetOf(after, "survivalAnalyses");
    const rows = await ctx.store.survivalAnalyses({ ...(kind ? { kind } : {}), skip, first: first + 1 });
    const nodes = rows.slice(0, first).map(toAnalysis);
    return { nodes, pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.length ? offsetCursor(skip + nodes.length) : null } };
  }

  @FieldResolver(() => SurvivalFeatureConnection, { description: "The analysis' features in report order, one page at a time" })
  async features(
    @Root() analysis: SurvivalAnalysis,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<SurvivalFeatureConnection> {
    checkFirst(first);
    const skip = offsetOf(after, "survival features");
    const rows = await ctx.store.survivalFeatures(analysis.id, { skip, first: first + 1 });
    const nodes = rows.slice(0, first).map((f) => ({
      featureKey: f.featureKey, name: f.feature.name, ibsiCode: f.feature.ibsiCode, rank: f.rank, coefficient: f.coefficient, standardError: f.standardError, hazardRatio: f.hazardRatio,
      hrLower: f.hrLower, hrUpper: f.hrUpper, p: f.p, q: f.q, concordance: f.concordance, phP: f.phP,
    }));
    return { nodes, pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.length ? offsetCursor(skip + nodes.length) : null } };
  }
}
