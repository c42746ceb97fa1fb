import { GraphQLJSON } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A stored association analysis with everything needed to reproduce it" })
export class Analysis {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: "PATHWAYS, GENES or MUTATIONS" })
  kind!: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: "Cohort, feature settings, families, targets, method, counts" })
  params!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: "The data the analysis read (expression digest, pathway releases)" })
  dataVersion!: unknown;

  @Field(() => String, { nullable: true })
  createdAt!: string | null;

  @Field(() => ID, { nullable: true, description: "The saved cohort the analysis ran on; null for an inline filter" })
  cohortId!: string | null;
}
