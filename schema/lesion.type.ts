import { Field, Float, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A segmented region: one segment of a DICOM SEG or one ROI of an RTSTRUCT" })
export class Lesion {
  @Field(() => ID, { description: "Segmentation series UID + ':' + segment or ROI number" })
  id!: string;

  @Field(() => String, { nullable: true })
  label!: string | null;

  @Field(() => Int, { nullable: true })
  segmentNumber!: number | null;

  @Field(() => String, { nullable: true, description: "SEG or RTSTRUCT" })
  segmentationType!: string | null;

  @Field(() => String, { nullable: true })
  segmentationSeriesUid!: string | null;

  @Field(() => Int, { nullable: true, description: "Voxels of the mask on the image grid" })
  voxelCount!: number | null;

  @Field(() => Float, { nullable: true, description: "Mask volume by voxel counting, mm³" })
  volumeMm3!: number | null;
}
