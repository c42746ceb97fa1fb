import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A DICOM imaging study" })
export class Study {
  @Field(() => ID, { description: "StudyInstanceUID" })
  uid!: string;

  @Field(() => String, { nullable: true, description: "StudyDate, YYYY-MM-DD" })
  date!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;
}
