import { ApiProperty } from '@nestjs/swagger';
import {
  CASE_STATUSES,
  CLOCK_KINDS,
  PLAN_TYPES,
  URGENCIES,
  type CaseStatus,
  type ClockKind,
  type PlanType,
  type Urgency,
} from '@preauth/domain';
import { FailedTreatmentInput, FindingsInput, ProcedureLineInput } from './case-input.dto';

export class ClockDto {
  @ApiProperty({ enum: CLOCK_KINDS }) kind!: ClockKind;
  @ApiProperty() label!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ description: 'Due date in the clinic time zone' }) dueDate!: string;
  @ApiProperty({ enum: ['payer', 'clinic'] }) owner!: 'payer' | 'clinic';
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ description: 'e.g. "Payer decision due in 2 d"' }) text!: string;
}

export class ReadinessItemDto {
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
  @ApiProperty() passed!: boolean;
  @ApiProperty({ required: false }) reason?: string;
  @ApiProperty({ required: false, description: 'The form field that fixes it' }) field?: string;
}

export class ReadinessDto {
  @ApiProperty() ready!: boolean;
  @ApiProperty({ type: [ReadinessItemDto] }) items!: ReadinessItemDto[];
}

export class AvailableActionDto {
  @ApiProperty({ enum: CASE_STATUSES }) to!: CaseStatus;
  @ApiProperty() action!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: "The caller's roles may take it" }) allowedForRole!: boolean;
  @ApiProperty({ type: [String], description: 'Why it cannot be taken now, whatever the form says' })
  blockedBy!: string[];
  @ApiProperty() enabled!: boolean;
}

export class CaseEventDto {
  @ApiProperty() id!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ enum: CASE_STATUSES, nullable: true }) fromStatus!: CaseStatus | null;
  @ApiProperty({ enum: CASE_STATUSES, nullable: true }) toStatus!: CaseStatus | null;
  @ApiProperty({ nullable: true, type: String }) actorName!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The step a correction or reversal applies to' })
  correctsEventId!: string | null;
  @ApiProperty({ description: 'A step that still counts: not reversed (always true for other events)' })
  effective!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'The caller recorded this latest step and may undo it until then',
  })
  undoUntil!: string | null;
  @ApiProperty({ description: 'The caller may reverse this step (a manager, on the latest step)' })
  mayReverse!: boolean;
  @ApiProperty({ description: "The caller may correct this step's date, code or text (a manager)" })
  mayCorrect!: boolean;
}

export class CasePartyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class CasePatientDto extends CasePartyDto {
  @ApiProperty() mrn!: string;
  @ApiProperty() dateOfBirth!: string;
  @ApiProperty({ nullable: true, type: String }) memberId!: string | null;
}

export class CasePayerDto extends CasePartyDto {
  @ApiProperty({ enum: PLAN_TYPES }) planType!: PlanType;
}

export class CaseProviderDto extends CasePartyDto {
  @ApiProperty() npi!: string;
}

export class CaseOwnerRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class CaseSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty({ enum: URGENCIES }) urgency!: Urgency;
  @ApiProperty({ type: CasePatientDto }) patient!: CasePatientDto;
  @ApiProperty({ type: CasePayerDto }) payer!: CasePayerDto;
  @ApiProperty({ type: CaseProviderDto }) provider!: CaseProviderDto;
  @ApiProperty({ type: [String], description: 'CPT codes requested' }) cptCodes!: string[];
  @ApiProperty({ type: CaseOwnerRefDto, nullable: true, description: 'Who handles the case; null when unowned' })
  owner!: CaseOwnerRefDto | null;
  @ApiProperty({
    type: [String],
    description: 'The clinic’s labels on the case, alphabetical',
    example: ['needs photos'],
  })
  tags!: string[];
  @ApiProperty({ nullable: true, type: String }) authorizationNumber!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the payer last denied it' })
  deniedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The CARC of the latest denial' })
  denialCode!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-01', description: 'Authorization valid from' })
  validFrom!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2027-02-28', description: 'Authorization valid to' })
  validTo!: string | null;
  @ApiProperty() appealLevel!: number;
  @ApiProperty({ nullable: true, type: String, example: '2026-03-01' }) procedureScheduledOn!: string | null;
  @ApiProperty({ description: 'Approved units the performed procedures used' }) unitsUsed!: number;
  @ApiProperty({ type: ClockDto, nullable: true, description: 'The most urgent running clock' })
  currentClock!: ClockDto | null;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', description: 'The case record’s last change (last activity)' })
  updatedAt!: string;
}

export class CasePageDto {
  @ApiProperty({ type: [CaseSummaryDto] }) items!: CaseSummaryDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null at the end' })
  nextCursor!: string | null;
}

export class CaseCountDto {
  @ApiProperty({ description: 'Cases the filters match, up to 10,000' }) count!: number;
  @ApiProperty({ description: 'True when more cases match than count says' }) capped!: boolean;
}

export class PerformedProcedureDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026-03-01' }) performedOn!: string;
  @ApiProperty() units!: number;
  @ApiProperty({ nullable: true, type: String }) recordedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class CaseProcedureDto {
  @ApiProperty({ nullable: true, type: String, example: '2026-03-01' }) scheduledOn!: string | null;
  @ApiProperty({
    description: 'The units the approval covers: a partial approval names them, a full one covers all requested',
  })
  approvedUnits!: number;
  @ApiProperty() unitsUsed!: number;
  @ApiProperty() unitsRemaining!: number;
  @ApiProperty({ type: [PerformedProcedureDto] }) performed!: PerformedProcedureDto[];
  @ApiProperty({ description: "Whether the viewer may schedule or record one now (role and the case's state)" })
  canRecord!: boolean;
}

export class CaseDetailDto extends CaseSummaryDto {
  @ApiProperty({ type: [ProcedureLineInput] }) procedureLines!: ProcedureLineInput[];
  @ApiProperty({ type: [String] }) diagnoses!: string[];
  @ApiProperty({ nullable: true, type: String, example: '2026-03-01' }) plannedServiceDate!: string | null;
  @ApiProperty({ type: FindingsInput }) findings!: FindingsInput;
  @ApiProperty({ type: [FailedTreatmentInput] }) failedTreatments!: FailedTreatmentInput[];
  @ApiProperty({ nullable: true, type: String }) cosmeticOverrideJustification!: string | null;
  @ApiProperty({ nullable: true, type: String }) payerReference!: string | null;
  @ApiProperty({ nullable: true, type: Number }) approvedUnits!: number | null;
  @ApiProperty({
    nullable: true,
    type: CaseProcedureDto,
    description: 'The approved procedure: null until an approval is recorded',
  })
  procedure!: CaseProcedureDto | null;
  @ApiProperty({ nullable: true, type: String }) denialText!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "The denial code's description (built in or added by a manager); null when nobody described it",
  })
  denialDescription!: string | null;
  @ApiProperty() peerToPeerDone!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) previousCaseId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) infoRequestedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) appealedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) externalReviewAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) closeReason!: string | null;
  @ApiProperty({ type: [ClockDto] }) clocks!: ClockDto[];
  @ApiProperty({ type: ReadinessDto }) readiness!: ReadinessDto;
  @ApiProperty({ type: [AvailableActionDto] }) actions!: AvailableActionDto[];
  @ApiProperty({ type: [String], description: 'Fields PATCH accepts in this state for this user' })
  editableFields!: string[];
  @ApiProperty({ type: [CaseEventDto] }) events!: CaseEventDto[];
}
