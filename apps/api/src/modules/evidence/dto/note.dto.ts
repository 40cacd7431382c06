import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTE_KINDS, type NoteKind } from '@preauth/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { EvidenceUserDto } from './photo.dto';

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
// Trailing whitespace is noise; leading indentation may be meaningful, so only trimEnd.
const trimEnd = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trimEnd() : value);

export const MAX_NOTE_LENGTH = 20_000;

export class CreateNoteDto {
  @ApiProperty({ enum: NOTE_KINDS }) @IsIn(NOTE_KINDS) kind!: NoteKind;
  @ApiProperty({ maxLength: MAX_NOTE_LENGTH })
  @Transform(trimEnd)
  @IsString()
  @Length(1, MAX_NOTE_LENGTH)
  text!: string;
}

export class CreateNoteVersionDto {
  @ApiProperty({ maxLength: MAX_NOTE_LENGTH, description: 'The full new text; the kind stays that of the note' })
  @Transform(trimEnd)
  @IsString()
  @Length(1, MAX_NOTE_LENGTH)
  text!: string;
}

export class ListNotesQuery {
  @ApiPropertyOptional({ description: 'Also return the earlier versions of each note', default: false })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  history?: boolean;
}

export class NoteDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: NOTE_KINDS }) kind!: NoteKind;
  @ApiProperty() text!: string;
  @ApiProperty({ description: '1 for the original, +1 for each edit' }) version!: number;
  @ApiProperty({ format: 'uuid', description: 'The first version of this note' }) rootId!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The version this one replaced' })
  previousId!: string | null;
  @ApiProperty({ description: 'False once a newer version exists' }) current!: boolean;
  @ApiProperty({ type: EvidenceUserDto }) author!: EvidenceUserDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
