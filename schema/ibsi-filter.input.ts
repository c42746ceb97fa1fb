// GraphQL form of the IBSI profile's IBSI-2 filter setting (compute/filters/ibsi-filter-spec.ts holds the
// rules: which parameters each kind takes, defaults, consistency). Field names are the compute setting's, so a
// CLI `--filter` JSON file and this input are the same object.
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, IsPositive, Matches, Max, Min } from "class-validator";
import { Field, Float, InputType, Int, registerEnumType } from "type-graphql";

export enum ImageFilterKind {
  MEAN = "MEAN",
  LOG = "LOG",
  LAWS = "LAWS",
  GABOR = "GABOR",
  WAVELET = "WAVELET",
  SIMONCELLI = "SIMONCELLI",
  RIESZ_LOG = "RIESZ_LOG",
  RIESZ_SIMONCELLI = "RIESZ_SIMONCELLI",
}
registerEnumType(ImageFilterKind, { name: "ImageFilterKind", description: "IBSI-2 filter families (reference manual arXiv:2006.05470)" });

export enum FilterBoundary {
  ZERO = "ZERO",
  NEAREST = "NEAREST",
  PERIODIC = "PERIODIC",
  MIRROR = "MIRROR",
}
registerEnumType(FilterBoundary, { name: "FilterBoundary", description: "IBSI-2 boundary condition: how the filter sees the image beyond its edge" });

export enum FilterPooling {
  AVERAGE = "AVERAGE",
  MAX = "MAX",
  MIN = "MIN",
}
registerEnumType(FilterPooling, { name: "FilterPooling", description: "Pooling of rotated (Laws, wavelet: AVERAGE, MAX, MIN) or oriented (Gabor: AVERAGE, MAX) responses" });

@InputType({ description: "An IBSI-2 filter (IBSI profile): the features are then IBSI-2 phase 2's intensity statistics of its response map in the ROI, keys prefixed with the filter. A parameter the kind does not take is refused by name." })
export class ImageFilterInput {
  @Field(() => ImageFilterKind)
  kind!: ImageFilterKind;

  @Field(() => FilterBoundary, { nullable: true, description: "Boundary condition (default MIRROR)" })
  boundary?: FilterBoundary;

  @Field(() => Int, { nullable: true, description: "MEAN, LOG, GABOR: 3 (default; GABOR: 2) or 2 = each axial slice on its own (GABOR 3: the three orthogonal planes, pooled); LAWS, WAVELET: implied by the kernel / decomposition" })
  @IsOptional() @IsIn([2, 3])
  dimensions?: number;

  @Field(() => Int, { nullable: true, description: "MEAN: support M in voxels (odd)" })
  @IsOptional() @Min(1) @Max(255)
  support?: number;

  @Field(() => Float, { nullable: true, description: "LOG, RIESZ_LOG: Gaussian σ in mm; GABOR: envelope σ in mm" })
  @IsOptional() @IsPositive()
  sigma?: number;

  @Field(() => Float, { nullable: true, description: "LOG, RIESZ_LOG: kernel half-width in units of σ (default 4)" })
  @IsOptional() @IsPositive() @Max(20)
  truncation?: number;

  @Field(() => String, { nullable: true, description: "LAWS: kernel name, one 1D kernel (L3 E3 S3 L5 E5 S5 R5 W5) per axis x, y (, z), e.g. E5L5S5 or L5S5 (2D)" })
  @IsOptional() @Matches(/^[A-Za-z0-9]{4,6}$/)
  lawsKernel?: string;

  @Field(() => Int, { nullable: true, description: "LAWS: energy map Chebyshev distance δ in voxels (absent: the response itself)" })
  @IsOptional() @Min(0) @Max(64)
  energyDistance?: number;

  @Field(() => FilterBoundary, { nullable: true, description: "LAWS: the energy map's boundary condition (default: the filter's)" })
  energyBoundary?: FilterBoundary;

  @Field(() => Boolean, { nullable: true, description: "LAWS, WAVELET: pool over the right-angle rotations (24 in 3D, 4 in 2D); needs pooling" })
  rotationInvariance?: boolean;

  @Field(() => FilterPooling, { nullable: true, description: "LAWS, WAVELET with rotationInvariance; GABOR with thetaStep or dimensions 3" })
  pooling?: FilterPooling;

  @Field(() => String, { nullable: true, description: "WAVELET: haar, db2 or coif1 (separable, undecimated)" })
  @IsOptional() @Matches(/^[a-z0-9.]{1,12}$/)
  wavelet?: string;

  @Field(() => String, { nullable: true, description: "WAVELET: sub-band, one letter L or H per axis x, y, z, e.g. LLH" })
  @IsOptional() @Matches(/^[LHlh]{2,3}$/)
  decomposition?: string;

  @Field(() => Int, { nullable: true, description: "WAVELET (à trous), SIMONCELLI, RIESZ_SIMONCELLI: decomposition level (default 1)" })
  @IsOptional() @Min(1) @Max(8)
  level?: number;

  @Field(() => Float, { nullable: true, description: "GABOR: wavelength λ in mm" })
  @IsOptional() @IsPositive()
  wavelength?: number;

  @Field(() => Float, { nullable: true, description: "GABOR: spatial aspect ratio γ" })
  @IsOptional() @IsPositive()
  aspectRatio?: number;

  @Field(() => Float, { nullable: true, description: "GABOR: orientation θ in degrees (default 0), the first one with thetaStep" })
  theta?: number;

  @Field(() => Float, { nullable: true, description: "GABOR: orientation step Δθ in degrees: θ, θ + Δθ, … below θ + 360°, pooled" })
  @IsOptional() @IsPositive() @Max(360)
  thetaStep?: number;

  @Field(() => [Int], { nullable: true, description: "RIESZ_LOG, RIESZ_SIMONCELLI: Riesz order (l_x, l_y, l_z)" })
  @IsOptional() @ArrayMinSize(3) @ArrayMaxSize(3) @Min(0, { each: true }) @Max(4, { each: true })
  rieszOrder?: number[];
}
