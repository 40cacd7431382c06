import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import {
  LETTER_KINDS,
  LETTER_STATUSES,
  SIGNATURE_METHODS,
  type LetterKind,
  type LetterStatus,
  type SignatureMethod,
} from '../case-letter.entity';

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

export class SignLetterDto {
  @ApiPropertyOptional({
    format: 'password',
    maxLength: 1024,
    description: "The signer's password (when two-factor sign-in is off): signing re-authenticates",
  })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;

  @ApiPropertyOptional({
    description: 'The 6-digit authenticator code, required instead of the password when two-factor sign-in is on',
    example: '123456',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  totp?: string;
}

export class SignerPhysicianDto {
  @ApiProperty({ description: 'Name with credentials, as the letter prints it' }) name!: string;
  @ApiProperty() npi!: string;
}

export class LetterSignerDto {
  @ApiPropertyOptional({
    type: SignerPhysicianDto,
    nullable: true,
    description: 'The signed-in physician as the letter would name them; null when they may not sign',
  })
  signer!: SignerPhysicianDto | null;
  @ApiProperty({ type: SignerPhysicianDto }) orderingPhysician!: SignerPhysicianDto;
  @ApiProperty({ description: 'True when the signer is not the ordering physician: the letter names both' })
  differentFromOrdering!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Why this user cannot sign, when signer is null' })
  refusal!: string | null;
  @ApiProperty({ enum: SIGNATURE_METHODS, description: 'What signing asks for: the password or an authenticator code' })
  method!: SignatureMethod;
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
  @ApiPropertyOptional({
    enum: SIGNATURE_METHODS,
    nullable: true,
    description: 'How the signer re-authenticated (null for drafts and older signatures)',
  })
  signatureMethod!: SignatureMethod | null;
  @ApiPropertyOptional({ type: SignerPhysicianDto, nullable: true, description: 'The signer as the letter names them' })
  signer!: SignerPhysicianDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
