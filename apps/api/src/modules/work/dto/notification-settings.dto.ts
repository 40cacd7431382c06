import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_LEADS_PER_CLOCK, type NotificationKind } from '@preauth/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/** Per notification kind: whether it also goes by email. */
export class EmailChoicesDto implements Record<NotificationKind, boolean> {
  @ApiProperty() @IsBoolean() case_assigned!: boolean;
  @ApiProperty() @IsBoolean() task_assigned!: boolean;
  @ApiProperty() @IsBoolean() task_done!: boolean;
  @ApiProperty() @IsBoolean() payer_answer!: boolean;
  @ApiProperty() @IsBoolean() clock_warning!: boolean;
  @ApiProperty() @IsBoolean() payer_unreachable!: boolean;
}

/** A change to some kinds; the others keep what they were. */
export class EmailChoicesPatchDto implements Partial<Record<NotificationKind, boolean>> {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() case_assigned?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() task_assigned?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() task_done?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() payer_answer?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() clock_warning?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() payer_unreachable?: boolean;
}

export class EmailPreferencesDto {
  @ApiProperty({
    type: EmailChoicesDto,
    description: 'Kinds that also go by email: at once on expedited cases, otherwise in the daily digest',
  })
  email!: EmailChoicesDto;

  @ApiProperty({ description: 'The clinic-local hour (0–23) of the daily digest' })
  digestHour!: number;

  @ApiProperty({ example: 'America/New_York' })
  timeZone!: string;

  @ApiProperty({
    description: 'Whether the server sends email at all (SMTP_URL); without it everything stays in the app',
  })
  emailEnabled!: boolean;
}

export class UpdateEmailPreferencesDto {
  @ApiProperty({ type: EmailChoicesPatchDto })
  @IsObject()
  @ValidateNested()
  @Type(() => EmailChoicesPatchDto)
  email!: EmailChoicesPatchDto;
}

function leadField(max: number) {
  return (target: object, key: string) => {
    IsArray()(target, key);
    ArrayMaxSize(MAX_LEADS_PER_CLOCK)(target, key);
    IsInt({ each: true })(target, key);
    Min(1, { each: true })(target, key);
    Max(max, { each: true })(target, key);
  };
}

export class UpdateNotificationSettingsDto {
  @ApiProperty({
    type: [Number],
    maxItems: MAX_LEADS_PER_CLOCK,
    example: [3, 1],
    description: 'Days before a day clock (standard cases) its owner is warned',
  })
  @leadField(3650)
  dayClockLeadDays!: number[];

  @ApiProperty({
    type: [Number],
    maxItems: MAX_LEADS_PER_CLOCK,
    example: [24, 4],
    description: 'Hours before an hour clock (expedited cases) its owner is warned',
  })
  @leadField(8760)
  hourClockLeadHours!: number[];

  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 23,
    description: 'Clinic-local hour of the daily digest; null follows DIGEST_HOUR',
  })
  // Required, but null is a value: the environment's hour.
  @ValidateIf((dto: UpdateNotificationSettingsDto) => dto.digestHour !== null)
  @IsInt()
  @Min(0)
  @Max(23)
  digestHour!: number | null;
}

export class NotificationSettingsDto extends UpdateNotificationSettingsDto {
  @ApiProperty({ description: 'The digest hour in effect (the stored one, else DIGEST_HOUR)' })
  effectiveDigestHour!: number;

  @ApiProperty({ description: 'DIGEST_HOUR from the environment: the hour when none is stored' })
  defaultDigestHour!: number;

  @ApiProperty({ example: 'America/New_York' })
  timeZone!: string;

  @ApiProperty({ description: 'The shortest day clock of any plan type (standard decision), in days' })
  shortestDayClockDays!: number;

  @ApiProperty({ description: 'The shortest hour clock of any plan type (expedited decision), in hours' })
  shortestHourClockHours!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: string;
}
