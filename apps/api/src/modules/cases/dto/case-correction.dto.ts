import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';

export class UndoStepDto {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Why, if the recorder wants to say' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string | null;
}

export class ReverseStepDto {
  @ApiProperty({ description: 'Why the step is reversed; kept in the timeline' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}

export class CorrectStepDto {
  @ApiProperty({ description: 'Why the step is corrected; kept in the timeline' })
  @IsString()
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'The date the step really happened' })
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;

  @ApiPropertyOptional({ type: String, example: 'CO-50', description: "A denial's CARC code" })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  denialCode?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: "A denial's text" })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  denialText?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string | null;
}
