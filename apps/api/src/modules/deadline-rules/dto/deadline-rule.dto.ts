import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PLAN_TYPES, type PlanType } from '@preauth/domain';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

function dayField(max = 3650) {
  return (target: object, key: string) => {
    IsInt()(target, key);
    Min(1)(target, key);
    Max(max)(target, key);
  };
}

export class UpdateDeadlineRuleDto {
  @ApiProperty() @dayField() decisionStandardDays!: number;
  @ApiProperty() @dayField() decisionExpeditedHours!: number;
  @ApiProperty() @dayField() infoResponseDays!: number;
  @ApiProperty() @dayField() infoResponseExpeditedHours!: number;
  @ApiProperty() @dayField() appealFilingDays!: number;
  @ApiProperty() @dayField() appealDecisionStandardDays!: number;
  @ApiProperty() @dayField() appealDecisionExpeditedHours!: number;
  @ApiProperty({ minimum: 0, maximum: 2 }) @IsInt() @Min(0) @Max(2) maxInternalAppealLevels!: number;
  @ApiProperty() @dayField(24) externalReviewRequestMonths!: number;
  @ApiProperty() @dayField() externalReviewDecisionDays!: number;
  @ApiProperty() @dayField() externalReviewExpeditedHours!: number;
  @ApiProperty() @dayField() peerToPeerDays!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(2000) source?:
    | string
    | null;
}

export class DeadlineRuleDto extends UpdateDeadlineRuleDto {
  @ApiProperty({ enum: PLAN_TYPES }) planType!: PlanType;
  @ApiProperty({ nullable: true, type: String }) declare source: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
