import { IsOptional, Max, Min, ValidateNested } from "class-validator";
import { Arg, Args, ArgsType, Authorized, Ctx, Field, Float, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { BadUserInputError, NotFoundError } from "../compute/errors.js";
import type { FeatureFamily } from "../compute/features/types.js";
import { offsetCursor, offsetOf } from "./offset-cursor.js";
import type * as M from "../graph-model/model/records.js";
import { SignatureService } from "../ingest/analysis/signature-service.js";
import type { SignatureRequest } from "../ingest/analysis/signature-request.js";
import { Job } from "../schema/job.type.js";
import { submitJobOfKind } from "./job-kinds.js";
import { toJob } from "./job.mapping.js";
import { FeatureSettingsInput } from "../schema/feature-settings.input.js";
import { PatientFilterInput } from "../schema/patient-filter.input.js";
import { Signature, SignatureApplicationResult, SignatureConnection, SignatureFeature } from "../schema/signature.type.js";
import type { RequestContext } from "./context.js";
import { toFeatureSettings } from "./feature-settings.mapping.js";

export const MAX_SIGNATURES_PAGE = 100;

@ArgsType()
class FitSignatureArgs {
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

  @Field(() => String, { description: "Clinical attribute (sex, vitalStatus, stage, primaryDiagnosis or an ingested attribute such as SUBTYPE)" })
  target!: string;

  @Field(() => String, { nullable: true, description: "Positive class; default: a binary target's second class, one signature per class (one-vs-rest) otherwise" })
  positiveClass?: string;

  @Field(() => Float, { nullable: true, description: "Elastic-net mixing α (1 = L1, default)" })
  @IsOptional() @Min(0) @Max(1)
  l1Ratio?: number;

  @Field(() => Int, { nullable: true, description: "Outer and inner folds (default 5)" })
  @IsOptional() @Min(2) @Max(20)
  folds?: number;

  @Field(() => Int, { nullable: true, description: "Repeats of the outer split (default 1)" })
  @IsOptional() @Min(1) @Max(20)
  repeats?: number;

  @Field(() => Int, { defaultValue: 1 })
  seed!: number;

  @Field(() => Int, { nullable: true, description: "Label permutations for the permutation p (default 0)" })
  @IsOptional() @Min(0) @Max(999)
  permutations?: number;

  @Field(() => Boolean, { nullable: true, description: "Dichotomise a continuous target (a numeric attribute, expression:<SYMBOL> or pathway:<id>) into high / low at `threshold` or the cohort median" })
  dichotomise?: boolean;

  @Field(() => Float, { nullable: true, description: "Threshold for dichotomise (high = value > threshold); default the cohort median" })
  threshold?: number;

  @Field(() => String, { nullable: true, description: "Expression source for expression: / pathway: targets when the cohort has several" })
  expressionSource?: string;

  @Field(() => Int, { nullable: true, description: "Keep the top-k features by Mann–Whitney p inside each training fold" })
  @IsOptional() @Min(1)
  preFilterKeep?: number;

  @Field(() => ID, { nullable: true, description: "A stored Harmonisation whose ComBat-adjusted values replace the raw ones" })
  @IsOptional()
  harmonisationId?: string;
}

function toSignature(s: M.Signature): Signature {
  const result = (s.result ?? {}) as { auc?: number; ci95?: number[]; permutationP?: number | null };
  return { ...s, auc: result.auc ?? null, ci95: result.ci95 ?? null, permutationP: result.permutationP ?? null };
}

@Resolver(() => Signature)
export class SignatureResolver {
  @Authorized("analysis")
  @Mutation(() => [Signature], { description: "Fits (or finds) a nested cross-validated penalised-logistic signature of a clinical target; one per class for a multi-class target" })
  async fitSignature(@Args(() => FitSignatureArgs) args: FitSignatureArgs, @Ctx() ctx: RequestContext): Promise<Signature[]> {
    const fitted = await new SignatureService(ctx.store, undefined, ctx.models.nestedCrossValidatedLogistic).fit(signatureRequestOf(args));
    return fitted.map(toSignature);
  }

  @Authorized("analysis")
  @Mutation(() => Job, { description: "fitSignature as a job on the model worker pool (progress per class); job id signature-fit-<hash>. When SUCCEEDED, fitSignature with the same arguments returns the stored signatures at once" })
  async startSignatureFit(@Args(() => FitSignatureArgs) args: FitSignatureArgs, @Ctx() ctx: RequestContext): Promise<Job> {
    // The job outlives the request: its fits run on the pool without the request's deadline (cancelJob stops them).
    return toJob(await submitJobOfKind(ctx, "startSignatureFit", signatureRequestOf(args)));
  }

  @Authorized("analysis")
  @Mutation(() => SignatureApplicationResult, { description: "Applies a stored signature to another cohort; its AUC there when the cohort has the target" })
  applySignature(@Arg("signatureId", () => ID) signatureId: string, @Arg("cohort", () => PatientFilterInput) cohort: PatientFilterInput, @Ctx() ctx: RequestContext): Promise<SignatureApplicationResult> {
    return new SignatureService(ctx.store).apply(signatureId, { ...cohort });
  }

  @Query(() => Signature)
  async signature(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Signature> {
    const [found] = await ctx.store.signaturesByIds([id]);
    if (!found) throw new NotFoundError("Signature", id);
    return toSignature(found);
  }

  @Query(() => SignatureConnection, { description: "Stored signatures, newest first, one page at a time" })
  async signatures(
    @Arg("target", () => String, { nullable: true }) target: string | undefined,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<SignatureConnection> {
    if (!(first >= 1 && first <= MAX_SIGNATURES_PAGE)) throw new BadUserInputError(`first must lie in 1…${MAX_SIGNATURES_PAGE}`);
    const skip = offsetOf(after, "signatures");
    const rows = await ctx.store.signatures({ ...(target ? { target } : {}), skip, first: first + 1 });
    const nodes = rows.slice(0, first).map(toSignature);
    return { nodes, pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.length ? offsetCursor(skip + nodes.length) : null } };
  }

  @FieldResolver(() => [SignatureFeature], { description: "Every feature of the design, in column order" })
  async features(@Root() signature: Signature, @Ctx() ctx: RequestContext): Promise<SignatureFeature[]> {
    const features = (await ctx.store.signatureFeatures([signature.id])).get(signature.id) ?? [];
    return features.map((f) => ({ featureKey: f.featureKey, name: f.feature.name, ibsiCode: f.feature.ibsiCode, coefficient: f.coefficient, selectionFrequency: f.selectionFrequency }));
  }
}

function signatureRequestOf(args: FitSignatureArgs): SignatureRequest {
  return {
    cohort: { ...args.cohort }, cohortId: args.cohortId, settings: toFeatureSettings(args.settings), families: args.families as FeatureFamily[] | undefined,
    target: args.target, positiveClass: args.positiveClass, l1Ratio: args.l1Ratio, outerFolds: args.folds, innerFolds: args.folds,
    repeats: args.repeats, seed: args.seed, permutations: args.permutations, preFilterKeep: args.preFilterKeep, harmonisationId: args.harmonisationId,
    ...(args.dichotomise || args.threshold !== undefined && args.threshold !== null ? { dichotomise: { threshold: args.threshold ?? undefined, expressionSource: args.expressionSource ?? undefined } } : {}),
  };
}
