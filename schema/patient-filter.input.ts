import { ArrayMaxSize, ArrayNotEmpty, IsIn, IsOptional, Length, Max, Min, ValidateNested } from "class-validator";
import { Field, Float, InputType } from "type-graphql";
import { ExpressionThresholdInput } from "./expression-threshold.input.js";

const MAX_LIST = 1_000;

@InputType({ description: "Narrows patients: every field given must hold (AND); a list matches any of its values (OR)" })
export class PatientFilterInput {
  @Field(() => [String], { nullable: true, description: "Patient barcodes" })
  @IsOptional() @ArrayNotEmpty() @ArrayMaxSize(MAX_LIST) @Length(1, 64, { each: true })
  ids?: string[];

  @Field(() => [String], { nullable: true, description: "Collection ids, e.g. TCGA-GBM" })
  @IsOptional() @ArrayNotEmpty() @ArrayMaxSize(MAX_LIST) @Length(1, 128, { each: true })
  collectionIds?: string[];

  @Field(() => [String], { nullable: true, description: "DICOM modalities of at least one series, e.g. CT, MR" })
  @IsOptional() @ArrayNotEmpty() @ArrayMaxSize(50) @Length(1, 16, { each: true })
  modalities?: string[];

  @Field(() => Boolean, { nullable: true, description: "True: has a segmented lesion; false: has none" })
  hasSegmentation?: boolean;

  @Field(() => String, { nullable: true, description: "Sex as the source reports it (case-insensitive)" })
  @IsOptional() @Length(1, 32)
  sex?: string;

  @Field(() => String, { nullable: true, description: "Alive or Dead (case-insensitive)" })
  @IsOptional() @IsIn(["Alive", "Dead", "alive", "dead", "ALIVE", "DEAD"], { message: "vitalStatus must be Alive or Dead" })
  vitalStatus?: string;

  @Field(() => Float, { nullable: true, description: "Minimum age at diagnosis, years" })
  @IsOptional() @Min(0) @Max(150)
  minAgeYears?: number;

  @Field(() => Float, { nullable: true, description: "Maximum age at diagnosis, years" })
  @IsOptional() @Min(0) @Max(150)
  maxAgeYears?: number;

  @Field(() => [String], { nullable: true, description: "Clinical stage as reported, e.g. 'Stage IIA' (case-insensitive, exact: list every substage)" })
  @IsOptional() @ArrayNotEmpty() @ArrayMaxSize(50) @Length(1, 64, { each: true })
  stages?: string[];

  @Field(() => [String], { nullable: true, description: "Members of these saved cohorts, as saved" })
  @IsOptional() @ArrayNotEmpty() @ArrayMaxSize(50) @Length(1, 128, { each: true })
  cohortIds?: string[];

  @Field(() => Float, { nullable: true, description: "A series at least this thick, mm (acquisition fields hold on one series)" })
  @IsOptional() @Min(0) @Max(1_000)
  minSliceThicknessMm?: number;

  @Field(() => Float, { nullable: true, description: "A series at most this thick, mm (acquisition fields hold on one series)" })
  @IsOptional() @Min(0) @Max(1_000)
  maxSliceThicknessMm?: number;

  @Field(() => [String], { nullable: true, description: "ConvolutionKernel of that series, e.g. B30f (case-insensitive)" })
  @IsOptional() @ArrayNotEmpty() @ArrayMaxSize(100) @Length(1, 64, { each: true })
  convolutionKernels?: string[];

  @Field(() => [String], { nullable: true, description: "Manufacturer of that series, e.g. SIEMENS (case-insensitive)" })
  @IsOptional() @ArrayNotEmpty() @ArrayMaxSize(100) @Length(1, 128, { each: true })
  manufacturers?: string[];

  @Field(() => [String], { nullable: true, description: "A somatic mutation recorded in every one of these genes" })
  @IsOptional() @ArrayNotEmpty() @ArrayMaxSize(50) @Length(1, 64, { each: true })
  mutatedGenes?: string[];

  @Field(() => [String], { nullable: true, description: "No mutation recorded in any of these genes (patients with genomic data only)" })
  @IsOptional() @ArrayNotEmpty() @ArrayMaxSize(50) @Length(1, 64, { each: true })
  wildTypeGenes?: string[];

  @Field(() => [ExpressionThresholdInput], { nullable: true, description: "Expression within bounds, every threshold holding" })
  @IsOptional() @ArrayNotEmpty() @ArrayMaxSize(50) @ValidateNested({ each: true })
  expression?: ExpressionThresholdInput[];
}
