import { Field, Float, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A DICOM image series with the acquisition parameters radiomics depends on" })
export class Series {
  @Field(() => ID, { description: "SeriesInstanceUID" })
  uid!: string;

  @Field(() => String, { nullable: true, description: "CT, MR, PT, …" })
  modality!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true })
  bodyPart!: string | null;

  @Field(() => Int, { nullable: true })
  rows!: number | null;

  @Field(() => Int, { nullable: true })
  columns!: number | null;

  @Field(() => Int, { nullable: true })
  sliceCount!: number | null;

  @Field(() => Float, { nullable: true, description: "SliceThickness, mm" })
  sliceThickness!: number | null;

  @Field(() => Float, { nullable: true, description: "Slice centre-to-centre distance from positions, mm" })
  spacingBetweenSlices!: number | null;

  @Field(() => [Float], { nullable: true, description: "PixelSpacing [row, column], mm" })
  pixelSpacing!: number[] | null;

  @Field(() => String, { nullable: true, description: "CT reconstruction kernel" })
  convolutionKernel!: string | null;

  @Field(() => String, { nullable: true })
  manufacturer!: string | null;

  @Field(() => String, { nullable: true })
  manufacturerModel!: string | null;

  @Field(() => Float, { nullable: true, description: "CT tube voltage, kV" })
  kvp!: number | null;

  @Field(() => Float, { nullable: true, description: "MR field strength, T" })
  magneticFieldStrength!: number | null;

  @Field(() => String, { nullable: true, description: "MR sequence" })
  sequenceName!: string | null;

  @Field(() => String, { nullable: true, description: "Contrast agent, null when none" })
  contrastAgent!: string | null;

  @Field(() => String, { nullable: true, description: "DICOMweb URL of the series" })
  retrieveUrl!: string | null;

  @Field(() => String, { nullable: true })
  source!: string | null;

  @Field(() => String, { nullable: true })
  dataRelease!: string | null;
}
