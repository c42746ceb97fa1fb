import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "How a cohort's patients join across the archives (the barcode links DICOM, GDC and cBioPortal)" })
export class Linkage {
  @Field(() => Int)
  linkedCount!: number;

  @Field(() => [String], { description: "Patients with imaging and genomics" })
  linked!: string[];

  @Field(() => [String], { description: "Imaged patients without expression or mutations" })
  imagingOnly!: string[];

  @Field(() => [String], { description: "Patients with genomics but no imaging study" })
  genomicsOnly!: string[];

  @Field(() => [String], { description: "Neither (clinical records only)" })
  neither!: string[];
}
