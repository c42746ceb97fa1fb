import { IsOptional, ValidateNested } from "class-validator";
import { Arg, Args, ArgsType, Authorized, Ctx, Field, Float, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { BadUserInputError, NotFoundError } from "../compute/errors.js";
import { offsetCursor, offsetOf } from "./offset-cursor.js";
import type * as M from "../graph-model/model/records.js";
import { FeatureSettingsInput } from "../schema/feature-settings.input.js";
import { Harmonisation, HarmonisationBatchBy, HarmonisationConnection, HarmonisationDiagnostic, HarmonisationDiagnosticConnection, PreservedCovariateInput } from "../schema/harmonisation.type.js";
import { Job } from "../schema/job.type.js";
import { PatientFilterInput } from "../schema/patient-filter.input.js";
import type { RequestContext } from "./context.js";
import { submitJobOfKind } from "./job-kinds.js";
import { toJob } from "./job.mapping.js";

export const MAX_HARMONISATIONS_PAGE = 100;
export const MAX_DIAGNOSTICS_PAGE = 500;

@ArgsType()
class StartHarmonisationArgs {
  @Field(() => String, { description: "A name for the harmonised feature set" })
  name!: string;

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
  families?: string[];

  @Field(() => HarmonisationBatchBy, { description: "What a batch is" })
  batchBy!: HarmonisationBatchBy;

  @Field(() => [Float], { nullable: true, description: "SLICE_THICKNESS_BINS: ascending bin edges, mm" })
  binEdges?: number[];

  @Field(() => [PreservedCovariateInput], { nullable: true, description: "Biological covariates whose effect is kept" })
  @IsOptional() @ValidateNested({ each: true })
  covariates?: PreservedCovariateInput[];

  @Field(() => Boolean, { defaultValue: true, description: "Parametric empirical Bayes (false: non-parametric)" })
  parametric!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: "Adjust the location only" })
  meanOnly!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: "Leave out patients without a batch or covariate value instead of refusing" })
  dropIncomplete!: boolean;
}

type HarmonisationView = Harmonisation & { diagnosticRows: HarmonisationDiagnostic[] };

function toHarmonisation(h: M.Harmonisation): HarmonisationView {
  const values = (h.values ?? { patientIds: [], featureKeys: [] }) as { patientIds: string[]; featureKeys: string[] };
  return {
    id: h.id, name: h.name, cohortId: h.cohortId, settingsHash: h.settingsHash, batchDefinition: h.batchDefinition, covariates: h.covariates, method: h.method,
    batches: (h.batches ?? []) as Array<{ batch: string; size: number }>, patientCount: values.patientIds.length, featureCount: values.featureKeys.length,
    estimates: h.estimates, params: h.params, dataVersion: h.dataVersion, createdAt: h.createdAt, diagnosticRows: (h.diagnostics ?? []) as HarmonisationDiagnostic[],
  };
}

@Resolver(() => Harmonisation)
export class HarmonisationResolver {
  @Authorized("analysis")
  @Mutation(() => Job, { description: "Harmonises a cohort's stored feature values across acquisition batches by ComBat, as a job whose id is the Harmonisation's; the same question returns the stored answer" })
  async startHarmonisation(@Args(() => StartHarmonisationArgs) args: StartHarmonisationArgs, @Ctx() ctx: RequestContext): Promise<Job> {
    return toJob(await submitJobOfKind(ctx, "startHarmonisation", args));
  }

  @Query(() => Harmonisation)
  async harmonisation(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Harmonisation> {
    const [found] = await ctx.store.harmonisationsByIds([id]);
    if (!found) throw new NotFoundError("Harmonisation", id);
    return toHarmonisation(found);
  }

  @Query(() => HarmonisationConnection, { description: "Stored harmonisations, newest first, one page at a time" })
  async harmonisations(
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<HarmonisationConnection> {
    if (!(first >= 1 && first <= MAX_HARMONISATIONS_PAGE)) throw new BadUserInputError(`first must lie in 1…${MAX_HARMONISATIONS_PAGE}`);
    const skip = offsetOf(after, "harmonisations");
    const rows = await ctx.store.harmonisations({ skip, first: first + 1 });
    const nodes = rows.slice(0, first).map(toHarmonisation);
    return { nodes, pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.length ? offsetCursor(skip + nodes.length) : null } };
  }

  @FieldResolver(() => HarmonisationDiagnosticConnection, { description: "Per-feature Kruskal–Wallis across batches before and after, in feature-key order, paged" })
  diagnostics(
    @Root() harmonisation: HarmonisationView,
    @Arg("first", () => Int, { defaultValue: 100 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | undefined,
  ): HarmonisationDiagnosticConnection {
    if (!(first >= 1 && first <= MAX_DIAGNOSTICS_PAGE)) throw new BadUserInputError(`first must lie in 1…${MAX_DIAGNOSTICS_PAGE}`);
    const skip = offsetOf(after, "diagnostics");
    const rows = harmonisation.diagnosticRows;
    const nodes = rows.slice(skip, skip + first);
    return { nodes, totalCount: rows.length, pageInfo: { hasNextPage: skip + first < rows.length, endCursor: nodes.length ? offsetCursor(skip + nodes.length) : null } };
  }
}
