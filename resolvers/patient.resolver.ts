import { IsOptional, Max, Min, ValidateNested } from "class-validator";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { BadUserInputError, NotFoundError } from "../compute/errors.js";
import { PatientConnection } from "../schema/patient-connection.type.js";
import { PatientFilterInput } from "../schema/patient-filter.input.js";
import { Patient } from "../schema/patient.type.js";
import { GeneExpression } from "../schema/gene-expression.type.js";
import { Linkage } from "../schema/linkage.type.js";
import { SomaticMutation } from "../schema/somatic-mutation.type.js";
import type { RequestContext } from "./context.js";

export const MAX_PAGE_SIZE = 500;

@ArgsType()
class PatientsArgs {
  @Field(() => PatientFilterInput, { nullable: true })
  @IsOptional() @ValidateNested()
  filter?: PatientFilterInput;

  @Field(() => Int, { defaultValue: 20, description: `Page size, 1 to ${MAX_PAGE_SIZE}` })
  @Min(1) @Max(MAX_PAGE_SIZE)
  first!: number;

  @Field(() => String, { nullable: true, description: "endCursor of the previous page" })
  after?: string;
}

@Resolver(() => Patient)
export class PatientResolver {
  @Query(() => PatientConnection, { description: "Patients matching a filter, one page at a time, in barcode order" })
  async patients(@Args(() => PatientsArgs) { filter = {}, first, after }: PatientsArgs, @Ctx() ctx: RequestContext): Promise<PatientConnection> {
    if (filter.minAgeYears !== undefined && filter.maxAgeYears !== undefined && filter.minAgeYears > filter.maxAgeYears)
      throw new BadUserInputError(`minAgeYears (${filter.minAgeYears}) is greater than maxAgeYears (${filter.maxAgeYears})`);
    const page = await ctx.store.patients({ ...filter }, { first, after });
    for (const patient of page.items) ctx.loaders.patient.prime(patient.id, patient);
    return { totalCount: page.totalCount, nodes: page.items, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
  }

  @Query(() => Linkage, { description: "Which patients have imaging, genomics, both or neither — reported, never dropped silently" })
  async linkage(@Arg("filter", () => PatientFilterInput, { nullable: true }) filter: PatientFilterInput | undefined, @Ctx() ctx: RequestContext): Promise<Linkage> {
    const linkage = await ctx.store.linkage({ ...filter });
    return { ...linkage, linkedCount: linkage.linked.length };
  }

  @Query(() => Patient, { description: "One patient by TCGA barcode; NOT_FOUND when absent" })
  async patient(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Patient> {
    const patient = await ctx.loaders.patient.load(id);
    if (!patient) throw new NotFoundError("Patient", id);
    return patient;
  }

  @FieldResolver(() => [SomaticMutation], { description: "Somatic mutations of the patient's tumour" })
  mutations(@Root() patient: Patient, @Ctx() ctx: RequestContext): Promise<SomaticMutation[]> {
    return ctx.loaders.mutationsOfPatient.load(patient.id);
  }

  @FieldResolver(() => [GeneExpression], { description: "Expression of the given genes in the primary tumour, one value per source" })
  async expression(
    @Root() patient: Patient,
    @Arg("genes", () => [String], { description: "HGNC symbols, at most 500" }) genes: string[],
    @Ctx() ctx: RequestContext,
    @Arg("source", () => String, { nullable: true, description: "Only this source's values (GDC, cBioPortal, demo, …)" }) source?: string | null,
  ): Promise<GeneExpression[]> {
    if (genes.length === 0 || genes.length > 500) throw new BadUserInputError("expression(genes:) takes 1 to 500 gene symbols");
    const symbols = [...new Set(genes)].sort();
    return ctx.loaders.expressionOfPatient(JSON.stringify({ symbols, source: source ?? null })).load(patient.id);
  }
}
