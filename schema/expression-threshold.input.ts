import { IsOptional, Length, Max, Min } from "class-validator";
import { Field, Float, InputType, registerEnumType } from "type-graphql";

/** Which stored expression value a threshold applies to (values are the graph-model measure names). */
export enum ExpressionMeasureEnum {
  LOG2_TPM_PLUS_1 = "log2TpmPlus1",
  Z_SCORE = "zScore",
}
registerEnumType(ExpressionMeasureEnum, {
  name: "ExpressionMeasure",
  description: "LOG2_TPM_PLUS_1: log2(TPM+1) of the primary tumour; Z_SCORE: its z-score across the ingested cohort",
});

@InputType({ description: "Primary-tumour expression of one gene within bounds (give min, max or both)" })
export class ExpressionThresholdInput {
  @Field(() => String, { description: "HGNC symbol; an unknown gene is BAD_USER_INPUT" })
  @Length(1, 64)
  gene!: string;

  @Field(() => ExpressionMeasureEnum, { defaultValue: ExpressionMeasureEnum.LOG2_TPM_PLUS_1 })
  measure!: ExpressionMeasureEnum;

  @Field(() => Float, { nullable: true, description: "Lowest value kept (inclusive)" })
  @IsOptional() @Min(-1_000) @Max(1_000)
  min?: number;

  @Field(() => Float, { nullable: true, description: "Highest value kept (inclusive)" })
  @IsOptional() @Min(-1_000) @Max(1_000)
  max?: number;
}
