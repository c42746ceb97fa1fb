import { GraphQLJSON } from "graphql-scalars";
import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "One criterion of a cohort filter and how many patients it matches alone" })
export class CohortCriterion {
  @Field(() => String, { description: "The filter field, e.g. collectionIds, mutatedGenes[EGFR], expression[CA9 zScore]" })
  name!: string;

  @Field(() => GraphQLJSON, { description: "The criterion alone, as a filter" })
  filter!: unknown;

  @Field(() => Int, { description: "Patients matching this criterion alone" })
  matching!: number;
}
