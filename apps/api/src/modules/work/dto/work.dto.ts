import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  BULK_CASES_MAX,
  NOTIFICATION_KINDS,
  PAYER_CALL_OUTCOMES,
  type PayerCallOutcome,
  ROLES,
  TASK_KINDS,
  TASK_STATUSES,
  type NotificationKind,
  type Role,
  type TaskKind,
  type TaskStatus,
} from '@preauth/domain';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateIf,
} from 'class-validator';
import { IsCalendarDate, IsCaseTag } from '../../../common/validators';
import { CaseOwnerRefDto } from '../../cases/dto/case-output.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class SetOwnerDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The new owner; null releases the case' })
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  ownerId!: string | null;
}

export class StaffUserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true }) roles!: Role[];
}

export class CreateTaskDto {
  @ApiProperty({ enum: TASK_KINDS, enumName: 'TaskKind' }) @IsIn(TASK_KINDS) kind!: TaskKind;

  @ApiPropertyOptional({ description: 'What is asked; defaults to the kind’s label', maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  title?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Ask this user (or assigneeRole)' })
  @IsOptional()
  @IsUUID()
  assigneeUserId?: string;

  @ApiPropertyOptional({
    enum: ROLES,
    enumName: 'Role',
    description: 'Ask everyone with this role (or assigneeUserId)',
  })
  @IsOptional()
  @IsIn(ROLES)
  assigneeRole?: Role;

  @ApiProperty({ example: '2026-12-10', description: 'Clinic-local day it is due' })
  @IsCalendarDate()
  dueDate!: string;
}

export class TaskDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ enum: TASK_KINDS, enumName: 'TaskKind' }) kind!: TaskKind;
  @ApiProperty() title!: string;
  @ApiProperty({ type: CaseOwnerRefDto, nullable: true }) assigneeUser!: CaseOwnerRefDto | null;
  @ApiProperty({ enum: ROLES, enumName: 'Role', nullable: true }) assigneeRole!: Role | null;
  @ApiProperty({ example: '2026-12-10' }) dueDate!: string;
  @ApiProperty({ enum: TASK_STATUSES, enumName: 'TaskStatus' }) status!: TaskStatus;
  @ApiProperty({ type: CaseOwnerRefDto }) createdBy!: CaseOwnerRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) closeReason!: string | null;
}

export class FollowUpDto {
  @ApiProperty({ example: '2026-12-10', description: 'Clinic-local day' }) date!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}

export class SetFollowUpDto {
  @ApiProperty({ type: String, nullable: true, example: '2026-12-10', description: 'null clears it' })
  @ValidateIf((_, value) => value !== null)
  @IsCalendarDate()
  date!: string | null;

  @ApiPropertyOptional({ maxLength: 200, example: 'Call the payer again' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  reason?: string;
}

export class LogPayerCallDto {
  @ApiProperty({ description: 'Who answered at the payer', maxLength: 120 })
  @Transform(trim)
  @IsString()
  @Length(1, 120)
  representative!: string;

  @ApiPropertyOptional({ description: 'The call reference number the payer gave', maxLength: 60 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 60)
  referenceNumber?: string;

  @ApiProperty({ description: 'What was said', maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  summary!: string;

  @ApiProperty({ enum: PAYER_CALL_OUTCOMES, enumName: 'PayerCallOutcome' })
  @IsIn(PAYER_CALL_OUTCOMES)
  outcome!: PayerCallOutcome;

  @ApiPropertyOptional({ example: '2026-12-10', description: 'Sets the case’s next follow-up' })
  @IsOptional()
  @IsCalendarDate()
  nextFollowUp?: string;
}

export class FollowUpItemDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty() patientName!: string;
  @ApiProperty({ type: FollowUpDto }) followUp!: FollowUpDto;
  @ApiProperty({ type: CaseOwnerRefDto, nullable: true }) owner!: CaseOwnerRefDto | null;
  @ApiProperty({ description: 'The day has passed' }) overdue!: boolean;
}

export class CaseWorkDto {
  @ApiProperty({ type: CaseOwnerRefDto, nullable: true }) owner!: CaseOwnerRefDto | null;
  @ApiProperty({ type: FollowUpDto, nullable: true }) followUp!: FollowUpDto | null;
  @ApiProperty({ type: [TaskDto], description: 'Open tasks first, then closed ones, newest first' })
  tasks!: TaskDto[];
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS, enumName: 'NotificationKind' }) kind!: NotificationKind;
  @ApiProperty({ description: 'What happened, in words (no patient data)' }) text!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) caseId!: string | null;
  @ApiProperty({ type: String, nullable: true }) caseNumber!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) taskId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt!: string | null;
}

export class NotificationListDto {
  @ApiProperty() unreadCount!: number;
  @ApiProperty({ type: [NotificationDto], description: 'The latest 50, newest first' })
  items!: NotificationDto[];
}

class BulkCasesDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: BULK_CASES_MAX, uniqueItems: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_CASES_MAX)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  caseIds!: string[];
}

export class AddCaseTagDto {
  @ApiProperty({
    description: 'A short label: 1–40 characters, no comma; trimmed, and the same tag whatever its letter case',
    example: 'needs photos',
  })
  @IsCaseTag()
  tag!: string;
}

export class CaseTagsDto {
  @ApiProperty({ type: [String], description: 'The case’s tags, alphabetical', example: ['needs photos'] })
  tags!: string[];
}

export class TagInUseDto {
  @ApiProperty({ description: 'The tag as most cases carry it', example: 'needs photos' }) tag!: string;
  @ApiProperty({ description: 'How many cases carry it' }) count!: number;
}

// The single change's fields and rules, for each of the cases.
export class BulkSetOwnerDto extends IntersectionType(BulkCasesDto, SetOwnerDto) {}
export class BulkSetFollowUpDto extends IntersectionType(BulkCasesDto, SetFollowUpDto) {}
export class BulkAddTagDto extends IntersectionType(BulkCasesDto, AddCaseTagDto) {}

export class BulkResultDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'The cases changed' }) changed!: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'The cases that already were as asked' })
  unchanged!: string[];
}
