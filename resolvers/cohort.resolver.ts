import { IsOptional, Length, Max, Min, ValidateNested } from "class-validator";
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { NotFoundError } from "../compute/errors.js";
import { decodeCursor, encodeCursor } from "../graph-model/cursor.js";
import type * as M from "../graph-model/model/records.js";
import { CohortService } from "../ingest/cohorts/cohort-service.js";
import { dicomwebBaseUrl, formatCohortManifest } from "../ingest/cohorts/cohort-manifest-export.js";
import { CohortPreview } from "../schema/cohort-preview.type.js";
import { Cohort } from "../schema/cohort.type.js";
import { ManifestFormatEnum } from "../schema/manifest-format.type.js";
import { PatientConnection } from "../schema/patient-connection.type.js";
import { PatientFilterInput } from "../schema/patient-filter.input.js";
import type { RequestContext } from "./context.js";
import { MAX_PAGE_SIZE } from "./patient.resolver.js";

@ArgsType()
class PreviewCohortArgs {
  @Field(() => PatientFilterInput, { nullable: true, description: "The cohort's filter (default: every patient)" })
  @IsOptional() @ValidateNested()
  filter?: PatientFilterInput;

  @Field(() => Int, { defaultValue: 20, description: `Patients on the first page, 1 to ${MAX_PAGE_SIZE}` })
  @Min(1) @Max(MAX_PAGE_SIZE)
  first!: number;
}

@ArgsType()
class SaveCohortArgs {
  @Field(() => String, { description: "A name for the cohort (not empty)" })
  @Length(0, 200)
  name!: string;

  @Field(() => PatientFilterInput, { description: "Its patients: those matching now" })
  @ValidateNested()
  filter!: PatientFilterInput;

  @Field(() => String, { nullable: true })
  @IsOptional() @Length(0, 2_000)
  description?: string;
}

@ArgsType()
class CohortPatientsArgs {
  @Field(() => Int, { defaultValue: 20, description: `Page size, 1 to ${MAX_PAGE_SIZE}` })
  @Min(1) @Max(MAX_PAGE_SIZE)
  first!: number;

  @Field(() => String, { nullable: true, description: "endCursor of the previous page" })
  after?: string;
}

@Resolver(() => Cohort)
export class CohortResolver {
  @Query(() => CohortPreview, { description: "How many patients each criterion of a filter matches alone and all together, and the first page of them" })
  async previewCohort(@Args(() => PreviewCohortArgs) { filter = {}, first }: PreviewCohortArgs, @Ctx() ctx: RequestContext): Promise<CohortPreview> {
    const { criteria, page } = await new CohortService(ctx.store).preview({ ...filter }, first);
    for (const patient of page.items) ctx.loaders.patient.prime(patient.id, patient);
    return {
      totalCount: page.totalCount,
      criteria,
      patients: { totalCount: page.totalCount, nodes: page.items, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } },
    };
  }

  @Authorized("cohort")
  @Mutation(() => Cohort, { description: "Saves a cohort with the patients matching the filter now; an empty cohort is BAD_USER_INPUT and nothing is stored" })
  saveCohort(@Args(() => SaveCohortArgs) args: SaveCohortArgs, @Ctx() ctx: RequestContext): Promise<Cohort> {
    return new CohortService(ctx.store).save({ name: args.name, filter: { ...args.filter }, description: args.description });
  }

  @Authorized("cohort")
  @Mutation(() => Boolean, { description: "Deletes a saved cohort (its patients stay); NOT_FOUND when absent" })
  async deleteCohort(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    if (!(await ctx.store.deleteCohort(id))) throw new NotFoundError("Cohort", id);
    return true;
  }

  @Query(() => [Cohort], { description: "Saved cohorts, newest first" })
  cohorts(@Ctx() ctx: RequestContext): Promise<Cohort[]> {
    return ctx.store.cohorts();
  }

  @Query(() => Cohort, { description: "One saved cohort; NOT_FOUND when absent" })
  async cohort(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Cohort> {
    const cohort = await ctx.loaders.cohort.load(id);
    if (!cohort) throw new NotFoundError("Cohort", id);
    return cohort;
  }

  @FieldResolver(() => PatientConnection, { description: "The cohort's members, in barcode order" })
  async patients(@Root() cohort: Cohort, @Args(() => CohortPatientsArgs) { first, after }: CohortPatientsArgs, @Ctx() ctx: RequestContext): Promise<PatientConnection> {
    const members = await ctx.loaders.cohortMembers.load(cohort.id);
    const afterId = after ? decodeCursor(after) : null;
    const rest = afterId === null ? members : members.filter((id) => id > afterId);
    const ids = rest.slice(0, first);
    const nodes = (await ctx.loaders.patient.loadMany(ids)).filter((p): p is M.Patient => p !== null && !(p instanceof Error));
    const last = ids[ids.length - 1];
    return { totalCount: members.length, nodes, pageInfo: { hasNextPage: rest.length > first, endCursor: last ? encodeCursor(last) : null } };
  }

  @FieldResolver(() => String, { description: "Download manifest of the members' image series (TCIA .tcia, idc download argument, CSV with WADO-RS URLs, or an s5cmd manifest of IDC's buckets)" })
  async manifest(@Root() cohort: Cohort, @Arg("format", () => ManifestFormatEnum) format: ManifestFormatEnum, @Ctx() ctx: RequestContext): Promise<string> {
    const series = await ctx.loaders.seriesOfCohort.load(cohort.id);
    return formatCohortManifest(series, format, { dicomwebBaseUrl: dicomwebBaseUrl(ctx.imaging), name: cohort.id });
  }
}
