import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "An imaging collection of the archive, e.g. TCGA-GBM" })
export class Collection {
  @Field(() => ID, { description: "Collection id as the archive names it" })
  id!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  cancerType!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true, description: "Where the record came from (IDC, GDC, demo, …)" })
  source!: string | null;

  @Field(() => String, { nullable: true, description: "Release of the source the record was read from" })
  dataRelease!: string | null;
}
