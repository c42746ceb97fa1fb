import { GraphQLJSON } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";
import { StoredResult } from "./stored-result.type.js";

@ObjectType({ description: "A stored association analysis with everything needed to reproduce it. params: cohort, feature settings, families, targets, method, counts; dataVersion: the expression digest and pathway releases it read" })
export class Analysis extends StoredResult {
  @Field(() => String, { nullable: true, description: "PATHWAYS, GENES or MUTATIONS" })
  kind!: string | null;

  @Field(() => ID, { nullable: true, description: "The saved cohort the analysis ran on; null for an inline filter" })
  cohortId!: string | null;
}
