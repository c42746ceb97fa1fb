import { ArrayMaxSize, ArrayMinSize, IsOptional, IsPositive, Max, MaxLength, Min, ValidateNested } from "class-validator";
import { Field, Float, InputType, Int, registerEnumType } from "type-graphql";
import { ImageFilterInput } from "./ibsi-filter.input.js";

export enum DiscretisationMethod {
  FIXED_BIN_NUMBER = "fixedBinNumber",
  FIXED_BIN_SIZE = "fixedBinSize",
}
registerEnumType(DiscretisationMethod, { name: "DiscretisationMethod", description: "IBSI grey-level discretisation" });

export enum FeatureProfile {
  IBSI = "IBSI",
  PYRADIOMICS = "PYRADIOMICS",
}
registerEnumType(FeatureProfile, {
  name: "FeatureProfile",
  description: "How features are defined and named: IBSI (default), or as pyradiomics 3.0.1 extracts them from a params file",
});

@InputType({ description: "Radiomic extraction settings, named as IBSI names them; omitted fields take IBSI defaults" })
export class FeatureSettingsInput {
  @Field(() => DiscretisationMethod, { defaultValue: DiscretisationMethod.FIXED_BIN_NUMBER })
  discretisation!: DiscretisationMethod;

  @Field(() => Int, { nullable: true, description: "Bins for FIXED_BIN_NUMBER (default 32)" })
  @IsOptional() @Min(2) @Max(4096)
  binCount?: number;

  @Field(() => Float, { nullable: true, description: "Bin width for FIXED_BIN_SIZE, in image units (e.g. 25 HU)" })
  @IsOptional() @IsPositive()
  binWidth?: number;

  @Field(() => Float, { nullable: true, description: "Re-segmentation range lower bound (e.g. -1000 HU)" })
  resegmentationMin?: number;

  @Field(() => Float, { nullable: true, description: "Re-segmentation range upper bound (e.g. 400 HU)" })
  resegmentationMax?: number;

  @Field(() => Float, { nullable: true, description: "Outlier re-segmentation: keep mean ± this many SD (IBSI: 3)" })
  @IsOptional() @IsPositive()
  outlierSigmas?: number;

  @Field(() => [Float], { nullable: true, description: "Interpolate to this voxel spacing [x, y, z] in mm first (trilinear, IBSI grid alignment)" })
  @IsOptional() @ArrayMinSize(3) @ArrayMaxSize(3) @IsPositive({ each: true })
  voxelSpacing?: number[];

  @Field(() => Int, { nullable: true, description: "GLCM Chebyshev distance (default 1)" })
  @IsOptional() @Min(1) @Max(5)
  glcmDistance?: number;

  @Field(() => FeatureProfile, { nullable: true, description: "IBSI (default) or PYRADIOMICS (needs pyradiomicsParams; the IBSI fields above must then be left out)" })
  profile?: FeatureProfile;

  @Field(() => String, { nullable: true, description: "PYRADIOMICS: the text of a pyradiomics params file (YAML or JSON: setting, imageType, featureClass) used as is; keys not applied yet are refused by name" })
  @IsOptional() @MaxLength(65536)
  pyradiomicsParams?: string;

  @Field(() => ImageFilterInput, { nullable: true, description: "IBSI profile: an IBSI-2 filter; the features are the intensity statistics of its response map in the ROI (family intensity_statistics), named with the filter as prefix" })
  @IsOptional() @ValidateNested()
  filter?: ImageFilterInput;
}
