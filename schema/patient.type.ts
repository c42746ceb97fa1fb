import { Field, Float, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A TCGA case; its id is the barcode shared by the DICOM PatientID, GDC and cBioPortal" })
export class Patient {
  @Field(() => ID, { description: "TCGA case barcode, e.g. TCGA-02-0003" })
  id!: string;

  @Field(() => String, { nullable: true, description: "GDC project, e.g. TCGA-GBM" })
  projectId!: string | null;

  @Field(() => String, { nullable: true })
  sex!: string | null;

  @Field(() => Float, { nullable: true, description: "Age at diagnosis, years" })
  ageAtDiagnosisYears!: number | null;

  @Field(() => String, { nullable: true, description: "Alive or Dead" })
  vitalStatus!: string | null;

  @Field(() => String, { nullable: true })
  stage!: string | null;

  @Field(() => String, { nullable: true })
  primaryDiagnosis!: string | null;

  @Field(() => Float, { nullable: true, description: "Days from diagnosis to death or last follow-up" })
  overallSurvivalDays!: number | null;

  @Field(() => Boolean, { nullable: true, description: "True when death was observed, false when censored" })
  overallSurvivalEvent!: boolean | null;

  @Field(() => String, { nullable: true })
  source!: string | null;

  @Field(() => String, { nullable: true })
  dataRelease!: string | null;
}
