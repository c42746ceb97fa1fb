import { IsOptional, ValidateNested } from "class-validator";
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Mutation, Query, Resolver } from "type-graphql";
import { NotFoundError } from "../compute/errors.js";
import { FeatureSettingsInput } from "../schema/feature-settings.input.js";
import { Job } from "../schema/job.type.js";
import { PatientFilterInput } from "../schema/patient-filter.input.js";
import type { RequestContext } from "./context.js";
import { cancelJob } from "./job-cancel.js";
import { submitJobOfKind } from "./job-kinds.js";
import { resumeJob } from "./job-resume.js";
import { toJob } from "./job.mapping.js";

@ArgsType()
class ComputeFeaturesArgs {
  @Field(() => PatientFilterInput, { nullable: true, description: "The cohort: patients whose lesions get features (default: all)" })
  @IsOptional() @ValidateNested()
  cohort?: PatientFilterInput;

  @Field(() => FeatureSettingsInput, { nullable: true })
  @IsOptional() @ValidateNested()
  settings?: FeatureSettingsInput;

  @Field(() => [String], { nullable: true, description: "IBSI families; default all" })
  families?: string[];
}

@Resolver(() => Job)
export class JobResolver {
  @Query(() => Job, { description: "A job's status, progress and per-item errors" })
  async job(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Job> {
    const snapshot = await ctx.jobs.lookup(id);
    if (!snapshot) throw new NotFoundError("Job", id);
    return toJob(snapshot);
  }

  @Query(() => [Job], { description: "Recent jobs, newest first" })
  async jobs(@Ctx() ctx: RequestContext): Promise<Job[]> {
    return (await ctx.jobs.lookupAll()).map(toJob);
  }

  @Authorized("compute")
  @Mutation(() => Job, { description: "Computes (or completes) radiomic features for every lesion of a cohort, as a job on the worker pool" })
  async computeFeatures(@Args(() => ComputeFeaturesArgs) args: ComputeFeaturesArgs, @Ctx() ctx: RequestContext): Promise<Job> {
    return toJob(await submitJobOfKind(ctx, "computeFeatures", args));
  }

  // The scope is the job's own (its mutation's), checked in cancelJob.
  @Mutation(() => Job, { description: "Stops a queued or running job (either engine): none of its remaining items start and running ones are stopped; it ends CANCELLED with progress.done (finished before) and progress.cancelled (not run). Needs the key scope its mutation needed; unknown id: NOT_FOUND; a finished job: BAD_USER_INPUT; an already cancelled one is returned as it is" })
  async cancelJob(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Job> {
    return toJob(await cancelJob(ctx, id));
  }

  // The scope is the interrupted job's own (computeFeatures: compute, ingest…: ingest), checked in resumeJob.
  @Mutation(() => Job, { description: "Continues a job a server restart left INTERRUPTED, under the same id (completed items are skipped); needs the key scope its mutation needed; unknown id: NOT_FOUND; a job not interrupted: BAD_USER_INPUT" })
  async resumeJob(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Job> {
    return toJob(await resumeJob(ctx, id));
  }
}
