import { GraphQLJSON } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A saved cohort: its filter and the patients that matched it when it was saved (a later ingest does not change them)" })
export class Cohort {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: "The PatientFilterInput the cohort was built from" })
  filter!: unknown;

  @Field(() => String, { nullable: true, description: "ISO-8601 time it was saved" })
  createdAt!: string | null;

  @Field(() => Int, { nullable: true, description: "Members: the patients that matched when it was saved" })
  patientCount!: number | null;

  @Field(() => String, { nullable: true, description: "Platform version that saved it" })
  platformVersion!: string | null;
}
