import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CASE_STATUSES,
  CLOCK_KINDS,
  PLAN_TYPES,
  type CaseStatus,
  type ClockKind,
  type PlanType,
} from '@preauth/domain';
import { IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** The preview lists this many changed cases at most (the counts cover them all). */
export const PREVIEW_CASE_LIMIT = 200;

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

export class SaveDeadlineRuleDto extends UpdateDeadlineRuleDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'The updatedAt of the rule the edit (and its preview) started from: a rule changed since answers 409',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  expectedUpdatedAt?: string;
}

export class DeadlineRulePreviewCaseDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) dueBefore!: string | null;
  @ApiProperty({ nullable: true, type: String, enum: CLOCK_KINDS })
  kindBefore!: ClockKind | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) dueAfter!: string | null;
  @ApiProperty({ nullable: true, type: String, enum: CLOCK_KINDS })
  kindAfter!: ClockKind | null;
  @ApiProperty({ description: 'The new date is past and the stored one was not' }) becomesOverdue!: boolean;
}

export class DeadlineRulePreviewDto {
  @ApiProperty({ enum: PLAN_TYPES }) planType!: PlanType;
  @ApiProperty({ description: 'Open cases of this plan type (their clocks follow the rule)' }) openCases!: number;
  @ApiProperty({ description: 'Open cases whose due date would change' }) changed!: number;
  @ApiProperty({ description: 'Of those, the ones that would become overdue' }) becomeOverdue!: number;
  @ApiProperty({ type: [DeadlineRulePreviewCaseDto], description: `The changed cases, at most ${PREVIEW_CASE_LIMIT}` })
  cases!: DeadlineRulePreviewCaseDto[];
}
