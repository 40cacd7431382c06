import { ApiProperty } from '@nestjs/swagger';
import { REPORT_TABLES, SELF_PAY_REASONS, type ReportTable, type SelfPayReason } from '@preauth/domain';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../../common/validators';

export class ReportRangeQuery {
  @ApiProperty({ example: '2026-01-01', description: 'First day, in the clinic time zone' })
  @IsCalendarDate()
  from!: string;
  @ApiProperty({ example: '2026-12-31', description: 'Last day (inclusive), in the clinic time zone' })
  @IsCalendarDate()
  to!: string;
}

export class ReportCsvQuery extends ReportRangeQuery {
  @ApiProperty({ enum: REPORT_TABLES }) @IsIn(REPORT_TABLES) table!: ReportTable;
  @IsOptional() @IsIn(['csv']) format?: 'csv';
}

export class OverturnByStageDto {
  @ApiProperty({ enum: ['peer_to_peer', 'appeal_1', 'appeal_2', 'external_review'] }) stage!: string;
  @ApiProperty() decisions!: number;
  @ApiProperty() overturned!: number;
  @ApiProperty({ nullable: true, type: Number }) overturnRate!: number | null;
}

export class SummaryReportDto {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ description: 'Cases first submitted in the range' }) submitted!: number;
  @ApiProperty({ description: 'Initial payer decisions in the range' }) decisions!: number;
  @ApiProperty() approved!: number;
  @ApiProperty() partiallyApproved!: number;
  @ApiProperty() denied!: number;
  @ApiProperty({ description: 'Cases withdrawn in the range' }) withdrawn!: number;
  @ApiProperty({ description: 'Cases completed (every approved unit used) in the range' }) completed!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Of the approvals that ended in the range, the share used in full (completed, not expired)',
  })
  approvalsUsedShare!: number | null;
  @ApiProperty({ nullable: true, type: Number }) approvedShare!: number | null;
  @ApiProperty({ nullable: true, type: Number }) partiallyApprovedShare!: number | null;
  @ApiProperty({ nullable: true, type: Number }) deniedShare!: number | null;
  @ApiProperty({
    description: 'Approvals (full or partial) after peer-to-peer, appeal or external review decided in the range',
  })
  approvedAfterAppeal!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'approvedAfterAppeal / decisions' })
  approvedAfterAppealShare!: number | null;
  @ApiProperty({ description: 'Initial denials in the range that were later appealed (any level)' })
  deniedThenAppealed!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'deniedThenAppealed / denied' }) appealRate!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Overturned / decided, over every review stage' })
  overturnRate!: number | null;
  @ApiProperty({ type: [OverturnByStageDto] }) overturnByStage!: OverturnByStageDto[];
}

export class DecisionTimeRowDto {
  @ApiProperty({ enum: ['standard', 'expedited'] }) urgency!: string;
  @ApiProperty() decisions!: number;
  @ApiProperty({ nullable: true, type: Number }) meanHours!: number | null;
  @ApiProperty({ nullable: true, type: Number }) medianHours!: number | null;
  @ApiProperty({ nullable: true, type: Number }) p90Hours!: number | null;
  @ApiProperty() late!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Share of decisions after the legal deadline' })
  lateShare!: number | null;
}

export class DecisionTimesReportDto {
  @ApiProperty({ type: [DecisionTimeRowDto] }) rows!: DecisionTimeRowDto[];
}

export class BreakdownRowDto {
  @ApiProperty() key!: string;
  @ApiProperty() label!: string;
  @ApiProperty() decisions!: number;
  @ApiProperty() approved!: number;
  @ApiProperty() partiallyApproved!: number;
  @ApiProperty() denied!: number;
  @ApiProperty({ nullable: true, type: Number }) deniedShare!: number | null;
  @ApiProperty() late!: number;
  @ApiProperty({ nullable: true, type: Number }) medianHours!: number | null;
}

export class BreakdownReportDto {
  @ApiProperty({ type: [BreakdownRowDto] }) rows!: BreakdownRowDto[];
}

export class DenialReasonRowDto {
  @ApiProperty() code!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'False for a code with no description yet (a manager can add one)' })
  described!: boolean;
  @ApiProperty() denials!: number;
  @ApiProperty({ nullable: true, type: Number }) share!: number | null;
}

export class DenialReasonReportDto {
  @ApiProperty({ type: [DenialReasonRowDto] }) rows!: DenialReasonRowDto[];
}

export class TrendRowDto {
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty() submitted!: number;
  @ApiProperty() decisions!: number;
  @ApiProperty() approved!: number;
  @ApiProperty() denied!: number;
  @ApiProperty({ nullable: true, type: Number }) medianHours!: number | null;
}

export class TrendReportDto {
  @ApiProperty({ type: [TrendRowDto] }) rows!: TrendRowDto[];
}

export class LatePayerRowDto {
  @ApiProperty({ format: 'uuid' }) payerId!: string;
  @ApiProperty() payer!: string;
  @ApiProperty({ description: 'Decisions with a legal deadline' }) decisions!: number;
  @ApiProperty() late!: number;
  @ApiProperty({ nullable: true, type: Number }) lateShare!: number | null;
  @ApiProperty({ nullable: true, type: Number }) meanDaysLate!: number | null;
  @ApiProperty({ description: 'Open items waiting on this payer past their deadline now (not only in the range)' })
  overdueOpen!: number;
}

export class LatePayersReportDto {
  @ApiProperty({ type: [LatePayerRowDto] }) rows!: LatePayerRowDto[];
}

export class ClinicMissRowDto {
  @ApiProperty({ enum: ['appeal_window_missed', 'approval_expired_unused'] }) kind!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty() payer!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class ClinicMissesReportDto {
  @ApiProperty() appealWindowsMissed!: number;
  @ApiProperty({ description: 'Approvals that expired with units unused, whether none or some were used' })
  approvalsExpiredUnused!: number;
  @ApiProperty({ description: 'Of those, the ones partly used: the patient had some of the approved procedure' })
  approvalsExpiredPartlyUsed!: number;
  @ApiProperty({ type: [ClinicMissRowDto], description: 'The 200 most recent of each kind; the counts cover all' })
  rows!: ClinicMissRowDto[];
}

export class SelfPayRowDto {
  @ApiProperty({ format: 'uuid' }) payerId!: string;
  @ApiProperty() payer!: string;
  @ApiProperty({ enum: SELF_PAY_REASONS }) reason!: SelfPayReason;
  @ApiProperty() reasonLabel!: string;
  @ApiProperty() conversions!: number;
  @ApiProperty({ description: 'Sum of the estimates, in cents (USD)' }) estimatedCents!: number;
}

export class SelfPayReportDto {
  @ApiProperty({ type: [SelfPayRowDto] }) rows!: SelfPayRowDto[];
}

export class OverturnRowDto {
  @ApiProperty({ description: 'The payer id, or the CARC of the denial reviewed (`unknown`: none recorded)' })
  key!: string;
  @ApiProperty({ description: "The payer's name, or the reason code's description" }) label!: string;
  @ApiProperty({ description: 'False for a reason code with no description yet (a manager can add one)' })
  described!: boolean;
  @ApiProperty({ description: 'Cases with a review (peer-to-peer, appeal, external review) decided in the range' })
  decided!: number;
  @ApiProperty({ description: 'Of those, cases with a review that did not uphold the denial' }) overturned!: number;
  @ApiProperty({ nullable: true, type: Number }) overturnRate!: number | null;
}

export class OverturnReportDto {
  @ApiProperty({ type: [OverturnRowDto] }) rows!: OverturnRowDto[];
}
