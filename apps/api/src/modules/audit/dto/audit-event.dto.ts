import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, type AuditAction, type AuditOutcome } from '../audit-event.entity';

export class AuditEventDto {
  @ApiProperty({ description: 'Position in the hash chain' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  userId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  userEmail!: string | null;

  @ApiProperty({ type: String, nullable: true })
  userDisplayName!: string | null;

  @ApiProperty({ enum: AUDIT_ACTIONS, enumName: 'AuditAction' })
  action!: AuditAction;

  @ApiProperty()
  objectType!: string;

  @ApiProperty({ type: String, nullable: true })
  objectId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  patientId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  caseId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  ip!: string | null;

  @ApiProperty({ type: String, nullable: true })
  userAgent!: string | null;

  @ApiProperty({ enum: AUDIT_OUTCOMES, enumName: 'AuditOutcome' })
  outcome!: AuditOutcome;

  @ApiProperty({ type: 'object', additionalProperties: true })
  detail!: Record<string, unknown>;

  @ApiProperty()
  hash!: string;
}

export class AuditPageDto {
  @ApiProperty({ type: AuditEventDto, isArray: true })
  items!: AuditEventDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as cursor for the next (older) page; null on the last page',
  })
  nextCursor!: string | null;
}

export class AuditActorDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() email!: string;
}

export class AuditChainReportDto {
  @ApiProperty({ description: 'Every event fits the chain and the chain head' }) ok!: boolean;
  @ApiProperty({ description: 'Events checked (before the first broken one)' }) checked!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Hash of the last event, when intact' })
  lastHash!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The first event that does not fit' })
  brokenId!: string | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ description: 'The verdict as `npm run audit:verify` prints it' }) message!: string;
  @ApiProperty({ format: 'date-time' }) checkedAt!: string;
}
