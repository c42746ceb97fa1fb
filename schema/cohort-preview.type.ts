import { Field, Int, ObjectType } from "type-graphql";
import { CohortCriterion } from "./cohort-criterion.type.js";
import { PatientConnection } from "./patient-connection.type.js";

@ObjectType({ description: "What a filter would select, criterion by criterion: shows which criterion empties the cohort" })
export class CohortPreview {
  @Field(() => Int, { description: "Patients matching every criterion" })
  totalCount!: number;

  @Field(() => [CohortCriterion], { description: "Each criterion alone, in the filter's field order" })
  criteria!: CohortCriterion[];

  @Field(() => PatientConnection, { description: "The first page of patients matching every criterion" })
  patients!: PatientConnection;
}
