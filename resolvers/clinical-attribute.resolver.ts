// Patient.clinicalAttributes as a list, and clinicalAttributeSummary(cohort): the attributes a cohort
// has, with counts and levels, so a researcher can choose a signature target.
import { IsOptional, ValidateNested } from "class-validator";
import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type * as M from "../graph-model/model/records.js";
import type { ClinicalAttributes } from "../ingest/clinical/clinical-attribute.js";
import { clinicalAttributeSummary } from "../ingest/clinical/clinical-attribute-summary.js";
import { ClinicalAttribute, ClinicalAttributeSummary } from "../schema/clinical-attribute.type.js";
import { PatientFilterInput } from "../schema/patient-filter.input.js";
import { Patient } from "../schema/patient.type.js";
import type { RequestContext } from "./context.js";

const PAGE = 500;

@ArgsType()
class SummaryArgs {
  @Field(() => PatientFilterInput, { nullable: true, description: "The cohort (default: every patient)" })
  @IsOptional() @ValidateNested()
  cohort?: PatientFilterInput;

  @Field(() => ID, { nullable: true, description: "A saved cohort instead of the filter" })
  @IsOptional()
  cohortId?: string;
}

@Resolver(() => Patient)
export class ClinicalAttributeResolver {
  @FieldResolver(() => [ClinicalAttribute], { description: "Further clinical / molecular attributes the sources serve, by name" })
  clinicalAttributes(@Root() patient: Patient): ClinicalAttribute[] {
    const attributes = ((patient as unknown as M.Patient).clinicalAttributes ?? {}) as ClinicalAttributes;
    return Object.entries(attributes)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, entry]) => ({ name, value: entry.value, source: entry.source ?? null, dataRelease: entry.dataRelease ?? null, sampleId: entry.sampleId ?? null }));
  }

  @Query(() => [ClinicalAttributeSummary], { description: "The attributes that exist for a cohort (Patient fields and ingested attributes) with patient counts and levels: the possible signature targets" })
  async clinicalAttributeSummary(@Args(() => SummaryArgs) { cohort, cohortId }: SummaryArgs, @Ctx() ctx: RequestContext): Promise<ClinicalAttributeSummary[]> {
    const filter = cohortId ? { cohortIds: [cohortId] } : { ...cohort };
    const patients: M.Patient[] = [];
    for (let after: string | null | undefined = undefined; ; ) {
      const page = await ctx.store.patients(filter, { first: PAGE, after });
      patients.push(...page.items);
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    return clinicalAttributeSummary(patients);
  }
}
