import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CASE_OPTIONAL_COLUMNS,
  type CaseOptionalColumn,
  CASE_DATE_LABELS,
  CASE_SEARCH_SORT,
  CASE_SORTS,
  CASE_STATUSES,
  CLOCK_KINDS,
  DECISION_OUTCOME_FILTERS,
  DECISION_STAGE_FILTERS,
  PLAN_TYPES,
  SELF_PAY_CURRENCIES,
  type SelfPayCurrency,
  type CaseDateField,
  type ClockKind,
  type DecisionOutcomeFilter,
  type DecisionStageFilter,
  type PlanType,
  MEDICAL_NECESSITY_CRITERION_KEYS,
  URGENCIES,
  type CaseStatus,
  type MedicalNecessityCriterion,
  type Urgency,
} from '@preauth/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsCaseTag, IsCptCode, IsIcd10Code } from '../../../common/validators';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ProcedureLineInput {
  @ApiProperty({ example: '17110' }) @Transform(trim) @IsCptCode() cpt!: string;
  @ApiProperty({ minimum: 1, maximum: 99 }) @IsInt() @Min(1) @Max(99) units!: number;
  @ApiProperty({ example: 'Posterior scalp line and behind both ears' })
  @Transform(trim)
  @IsString()
  @Length(1, 120)
  bodySite!: string;
  @ApiProperty({ minimum: 0, maximum: 10000 }) @IsInt() @Min(0) @Max(10000) lesionCount!: number;
}

export class FailedTreatmentInput {
  @ApiProperty({ example: 'Topical retinol 0.5%' }) @Transform(trim) @IsString() @Length(1, 200) therapy!: string;
  @ApiProperty({ example: '2026-03-01' }) @IsCalendarDate() startDate!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsCalendarDate() endDate?: string | null;
  @ApiProperty({ example: 'Little improvement after 12 weeks' })
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  outcome!: string;
}

export class FindingsInput {
  @ApiProperty({ enum: MEDICAL_NECESSITY_CRITERION_KEYS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(MEDICAL_NECESSITY_CRITERION_KEYS, { each: true })
  criteria!: MedicalNecessityCriterion[];
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(5000) symptoms?:
    | string
    | null;
  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(5200)
  symptomDurationWeeks?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() inflammation?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() infection?: boolean;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  functionalImpairment?: string | null;
}

export class UpdateCaseDto {
  @ApiPropertyOptional({ enum: URGENCIES }) @IsOptional() @IsIn(URGENCIES) urgency?: Urgency;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() payerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() providerId?: string;

  @ApiPropertyOptional({ type: [ProcedureLineInput] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ProcedureLineInput)
  procedureLines?: ProcedureLineInput[];

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '2026-03-01',
    description: 'Planned date of service: diagnoses are checked against the ICD-10-CM release in effect then',
  })
  @IsOptional()
  @IsCalendarDate()
  plannedServiceDate?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['L72.0'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @IsIcd10Code({ each: true })
  diagnoses?: string[];

  @ApiPropertyOptional({ type: FindingsInput })
  @IsOptional()
  @ValidateNested()
  @Type(() => FindingsInput)
  findings?: FindingsInput;

  @ApiPropertyOptional({ type: [FailedTreatmentInput] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => FailedTreatmentInput)
  failedTreatments?: FailedTreatmentInput[];

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Why a cosmetic-risk code is medically necessary here',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  cosmeticOverrideJustification?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: "The payer's tracking number for the request" })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  payerReference?: string | null;
}

export class CreateCaseDto extends UpdateCaseDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() patientId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() declare payerId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() declare providerId: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The denied case this one corrects' })
  @IsOptional()
  @IsUUID()
  previousCaseId?: string;
}

export class TransitionCaseDto {
  @ApiProperty({ enum: CASE_STATUSES }) @IsIn(CASE_STATUSES) to!: CaseStatus;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(5000) note?:
    | string
    | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'CO-50' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  denialCode?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(5000) denialText?:
    | string
    | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(60) authorizationNumber?:
    | string
    | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsCalendarDate() validFrom?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsCalendarDate() validTo?: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) @IsOptional() @IsInt() @Min(0) @Max(10000) approvedUnits?:
    | number
    | null;
  @ApiPropertyOptional({ nullable: true, enum: [1, 2] }) @IsOptional() @IsIn([1, 2]) appealLevel?: 1 | 2 | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() letterAttached?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() newDocumentation?: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(2000) reason?:
    | string
    | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'When it really happened (e.g. the date on the payer letter); defaults to now',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description: "The payer's letter or fax filed on this case that is the step's evidence",
  })
  @IsOptional()
  @IsUUID()
  documentId?: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Self-pay: what the patient will pay, in cents',
    example: 45000,
  })
  @IsOptional()
  @IsInt()
  estimateCents?: number | null;
  @ApiPropertyOptional({ nullable: true, enum: SELF_PAY_CURRENCIES, description: 'Self-pay: USD (the default)' })
  @IsOptional()
  @IsIn(SELF_PAY_CURRENCIES)
  estimateCurrency?: SelfPayCurrency | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Self-pay: what the estimate covers' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  estimateDescription?: string | null;
  @ApiPropertyOptional({
    description: 'Self-pay after a denial the payer could still reconsider: the patient declines to appeal',
  })
  @IsOptional()
  @IsBoolean()
  appealsDeclined?: boolean;
}

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').filter(Boolean) : value;

/** The list's orders: the keyset orders of the domain, and a search's ranking. */
export const LIST_SORTS = [...CASE_SORTS, CASE_SEARCH_SORT] as const;
export type ListSort = (typeof LIST_SORTS)[number];

const dayRange = (field: CaseDateField, edge: 'From' | 'To') =>
  ApiPropertyOptional({
    format: 'date',
    description: `${CASE_DATE_LABELS[field]} ${edge === 'From' ? 'on or after' : 'on or before'} this clinic-local day`,
  });

export class ListCasesQuery {
  @ApiPropertyOptional({ description: 'Comma-separated statuses', example: 'submitted,denied' })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @IsIn(CASE_STATUSES, { each: true })
  status?: CaseStatus[];

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() payerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() providerId?: string;
  @ApiPropertyOptional({ enum: URGENCIES }) @IsOptional() @IsIn(URGENCIES) urgency?: Urgency;
  @ApiPropertyOptional({
    description: "Whose cases: 'me', 'unassigned', or a user's id",
    example: 'me',
  })
  @IsOptional()
  @Matches(/^(me|unassigned|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: "must be 'me', 'unassigned' or a user id",
  })
  owner?: string;
  @ApiPropertyOptional({ description: 'Only cases whose running clock has passed' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  overdue?: boolean;
  @ApiPropertyOptional({ format: 'date-time', description: 'Only cases with a clock due before this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueBefore?: string;
  @ApiPropertyOptional({
    description: 'Patient name, MRN or member id (typos and partial names tolerated), case or authorization number',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  q?: string;
  @ApiPropertyOptional({ description: 'CPT code on one of the procedure lines', example: '17110' })
  @IsOptional()
  @Transform(trim)
  @IsCptCode()
  cpt?: string;
  @ApiPropertyOptional({ enum: PLAN_TYPES }) @IsOptional() @IsIn(PLAN_TYPES) planType?: PlanType;
  @ApiPropertyOptional({ description: 'Cases with this tag, whatever its letter case', example: 'needs photos' })
  @IsOptional()
  @IsCaseTag()
  tag?: string;
  @ApiPropertyOptional({ description: 'Comma-separated kinds of the running clock', example: 'payer_decision' })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @IsIn(CLOCK_KINDS, { each: true })
  clockKind?: ClockKind[];

  @dayRange('created', 'From') @IsOptional() @IsCalendarDate() createdFrom?: string;
  @dayRange('created', 'To') @IsOptional() @IsCalendarDate() createdTo?: string;
  @dayRange('submitted', 'From') @IsOptional() @IsCalendarDate() submittedFrom?: string;
  @dayRange('submitted', 'To') @IsOptional() @IsCalendarDate() submittedTo?: string;
  @dayRange('denied', 'From') @IsOptional() @IsCalendarDate() deniedFrom?: string;
  @dayRange('denied', 'To') @IsOptional() @IsCalendarDate() deniedTo?: string;
  @dayRange('due', 'From') @IsOptional() @IsCalendarDate() dueFrom?: string;
  @dayRange('due', 'To') @IsOptional() @IsCalendarDate() dueTo?: string;

  // The decision filters match one payer decision together: "denied with CO-50 in March" is a
  // denial that carried CO-50 and was made in March.
  @dayRange('decided', 'From') @IsOptional() @IsCalendarDate() decidedFrom?: string;
  @dayRange('decided', 'To') @IsOptional() @IsCalendarDate() decidedTo?: string;
  @ApiPropertyOptional({ enum: DECISION_STAGE_FILTERS, description: 'Stage of the matching payer decision' })
  @IsOptional()
  @IsIn(DECISION_STAGE_FILTERS)
  decisionStage?: DecisionStageFilter;
  @ApiPropertyOptional({ enum: DECISION_OUTCOME_FILTERS, description: 'Outcome of the matching payer decision' })
  @IsOptional()
  @IsIn(DECISION_OUTCOME_FILTERS)
  outcome?: DecisionOutcomeFilter;
  @ApiPropertyOptional({ description: 'CARC of the matching payer denial (`unknown`: a denial without one)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 10)
  denialCode?: string;
  @ApiPropertyOptional({
    description:
      'A review (peer-to-peer, appeal, external review) of a denial that carried this CARC (`unknown`: none)',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 10)
  reviewedDenialCode?: string;
  @ApiPropertyOptional({ description: 'Only payer decisions made after their legal deadline' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  decidedLate?: boolean;

  @ApiPropertyOptional({
    enum: LIST_SORTS,
    description: 'Default: relevance with a search, else created_desc',
  })
  @IsOptional()
  @IsIn(LIST_SORTS)
  sort?: ListSort;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class ExportCasesQuery extends ListCasesQuery {
  @ApiPropertyOptional({
    description:
      'Comma-separated optional columns to include (the column chooser’s); without it, authorization number and last change',
    example: 'denied_at,denial_code,owner',
  })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @IsIn(CASE_OPTIONAL_COLUMNS, { each: true })
  columns?: CaseOptionalColumn[];
}
