// The imaging ingest mutation (DICOMweb → studies, series, lesions): part of the imaging subgraph.
import { ArrayMaxSize, ArrayNotEmpty, IsOptional, Length, Matches } from "class-validator";
import { Args, ArgsType, Authorized, Ctx, Field, Mutation, Resolver } from "type-graphql";
import { Job } from "../schema/job.type.js";
import type { RequestContext } from "./context.js";
import { submitJobOfKind } from "./job-kinds.js";
import { toJob } from "./job.mapping.js";

@ArgsType()
class IngestImagingArgs {
  @Field(() => String, { description: "Collection the patients belong to, e.g. TCGA-GBM" })
  @Length(1, 128)
  collection!: string;

  @Field(() => [String], { description: "The patients (DICOM PatientID = TCGA barcode); DICOMweb has no collection search" })
  @ArrayNotEmpty() @ArrayMaxSize(10_000)
  patientIds!: string[];

  @Field(() => [String], { nullable: true, description: "Only image series of these modalities, e.g. CT, MR" })
  modalities?: string[];

  @Field(() => String, { nullable: true, description: "StudyDate or range, YYYYMMDD or YYYYMMDD-YYYYMMDD" })
  @IsOptional() @Matches(/^\d{8}(-\d{8})?$|^\d{8}-$|^-\d{8}$/, { message: "studyDate must be YYYYMMDD or a range YYYYMMDD-YYYYMMDD" })
  studyDate?: string;
}

@Resolver()
export class IngestImagingResolver {
  @Authorized("ingest")
  @Mutation(() => Job, { description: "Ingests patients' studies, series and segmented lesions (SEG, RTSTRUCT) from the DICOMweb archive, as a resumable job" })
  async ingestImaging(@Args(() => IngestImagingArgs) args: IngestImagingArgs, @Ctx() ctx: RequestContext): Promise<Job> {
    return toJob(await submitJobOfKind(ctx, "ingestImaging", args));
  }
}
