import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Length } from 'class-validator';
import { LETTER_KINDS, LETTER_STATUSES, type LetterKind, type LetterStatus } from '../case-letter.entity';

export class CreateLetterDto {
  @ApiProperty({
    enum: LETTER_KINDS,
    description: 'medical_necessity: for the request; appeal: answers the recorded denial',
  })
  @IsIn(LETTER_KINDS)
  kind!: LetterKind;
}

export class UpdateLetterDto {
  @ApiProperty({ description: 'The full letter text as the physician edited it' })
  // Keep the physician's line breaks; only trailing whitespace goes.
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\s+$/, '') : value))
  @IsString()
  @Length(1, 50000)
  text!: string;
}

export class LetterPersonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class LetterDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: LETTER_KINDS }) kind!: LetterKind;
  @ApiProperty({ description: 'Version of this kind of letter on the case, from 1' }) version!: number;
  @ApiProperty({ enum: LETTER_STATUSES }) status!: LetterStatus;
  @ApiProperty({ description: 'Edit counter of this version; send it as If-Match to PATCH (also the ETag)' })
  revision!: number;
  @ApiProperty() text!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the generated text was built from' })
  facts!: Record<string, unknown>;
  @ApiProperty({ type: LetterPersonDto }) createdBy!: LetterPersonDto;
  @ApiPropertyOptional({ type: LetterPersonDto, nullable: true }) editedBy!: LetterPersonDto | null;
  @ApiPropertyOptional({ type: LetterPersonDto, nullable: true }) signedBy!: LetterPersonDto | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) signedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'SHA-256 of the text as signed' }) textSha256!:
    | string
    | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
