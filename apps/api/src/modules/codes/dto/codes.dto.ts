import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDate, IsIcd10Code } from '../../../common/validators';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CptCodeDto {
  @ApiProperty() code!: string;
  @ApiProperty({ description: "The clinic's licensed descriptor when one is loaded, else Preauth's own label" })
  description!: string;
  @ApiProperty({ description: "Preauth's plain-language label (never the AMA's text)" }) label!: string;
  @ApiProperty({ description: "description is the clinic's licensed descriptor" }) licensed!: boolean;
  @ApiProperty({ description: 'Payers usually treat it as cosmetic; warn before submission' }) cosmeticRisk!: boolean;
  @ApiProperty() descriptorVerified!: boolean;
}

export class Icd10ReleaseDto {
  @ApiProperty({ example: 'FY2026' }) name!: string;
  @ApiProperty({ example: '2025-10-01' }) effectiveFrom!: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-09-30' }) effectiveTo!: string | null;
  @ApiProperty() codeCount!: number;
  @ApiProperty() sourceFile!: string;
  @ApiProperty() sourceSha256!: string;
  @ApiProperty({ format: 'date-time' }) loadedAt!: string;
}

export class Icd10SearchQuery {
  @ApiPropertyOptional({ description: 'Code, part of a code, words of the description, or a lay term' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ example: '2026-03-01', description: 'Date of service: search the release in effect then' })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}

export class Icd10HitDto {
  @ApiProperty({ example: 'L72.0' }) code!: string;
  @ApiProperty({ example: 'Epidermal cyst' }) description!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The lay term that matched, if any' }) term!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The lay term's note for the coder" }) note!: string | null;
}

export class Icd10SearchDto {
  @ApiProperty({ type: Icd10ReleaseDto, nullable: true }) release!: Icd10ReleaseDto | null;
  @ApiProperty({ description: 'false when no loaded release covers the date: the newest was searched' })
  coversDate!: boolean;
  @ApiProperty({ type: [Icd10HitDto] }) items!: Icd10HitDto[];
}

export class LayTermDto {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 'milia' }) term!: string;
  @ApiProperty({ example: 'L72.0' }) code!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CreateLayTermDto {
  @ApiProperty({ example: 'milia' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(120) term!: string;
  @ApiProperty({ example: 'L72.0' }) @Transform(trim) @IsIcd10Code() code!: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

export class UpdateLayTermDto extends PartialType(CreateLayTermDto) {}
