import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../../common/validators';

export class ScheduleProcedureDto {
  @ApiProperty({ example: '2026-03-01', description: 'The clinic-local day the approved procedure is booked for' })
  @IsCalendarDate()
  scheduledOn!: string;
}

export class RecordPerformedProcedureDto {
  @ApiProperty({ example: '2026-03-01', description: 'The clinic-local day it was performed' })
  @IsCalendarDate()
  performedOn!: string;

  // The rule (at least 1, no more than remain) answers 422 in its own words; only the type is checked here.
  @ApiProperty({ description: 'Approved units it used', example: 1 })
  @IsInt()
  @Max(10000)
  units!: number;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}
