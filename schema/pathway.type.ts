import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A pathway or gene set, with the source, release and licence it came under" })
export class Pathway {
  @Field(() => ID, { description: "Gene-set id, e.g. HALLMARK_HYPOXIA or R-HSA-1234567" })
  id!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true })
  licence!: string | null;

  @Field(() => String, { nullable: true })
  source!: string | null;

  @Field(() => String, { nullable: true })
  dataRelease!: string | null;
}
