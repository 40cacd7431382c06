import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CLINIC_PROFILE_MAX_LENGTHS as MAX } from '@preauth/domain';
import { IsNpi, IsPhoneNumber, IsPostalCode, IsStateCode, IsTaxId } from '../../../common/validators';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
// An optional field left blank in the form means "none".
const trimOrNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() || null : value === undefined ? null : value;

export class UpdateClinicProfileDto {
  @ApiProperty({ maxLength: MAX.practiceName, example: 'Casco Bay Dermatology' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX.practiceName)
  practiceName!: string;

  @ApiProperty({ maxLength: MAX.addressLine1, example: '120 Exchange Street' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX.addressLine1)
  addressLine1!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: MAX.addressLine2, example: 'Suite 300' })
  @Transform(trimOrNull)
  @IsOptional()
  @IsString()
  @MaxLength(MAX.addressLine2)
  addressLine2?: string | null;

  @ApiProperty({ maxLength: MAX.city, example: 'Portland' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX.city)
  city!: string;

  @ApiProperty({ example: 'ME', description: 'Two-letter state code' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsStateCode()
  state!: string;

  @ApiProperty({ example: '04101' })
  @Transform(trim)
  @IsPostalCode()
  postalCode!: string;

  @ApiProperty({ example: '(207) 555-0140' })
  @Transform(trim)
  @IsPhoneNumber()
  @MaxLength(MAX.phone)
  phone!: string;

  @ApiProperty({ example: '(207) 555-0141', description: 'Where payers fax their answers; printed on the cover sheet' })
  @Transform(trim)
  @IsPhoneNumber()
  @MaxLength(MAX.fax)
  fax!: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Group (type 2) NPI, check digit verified' })
  @Transform(trimOrNull)
  @IsOptional()
  @IsNpi()
  groupNpi?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '01-2345678',
    description: 'Employer identification number',
  })
  @Transform(trimOrNull)
  @IsOptional()
  @IsTaxId()
  taxId?: string | null;
}

export class ClinicLogoDto {
  @ApiProperty({ example: 'image/png' }) contentType!: string;
  @ApiProperty() width!: number;
  @ApiProperty() height!: number;
  @ApiProperty({ description: 'SHA-256 of the stored PNG; changes when the logo does' }) sha256!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ClinicProfileDto {
  @ApiProperty({ description: 'False until an admin saves the profile; letters then carry no letterhead' })
  configured!: boolean;

  @ApiProperty() practiceName!: string;
  @ApiProperty() addressLine1!: string;
  @ApiProperty({ type: String, nullable: true }) addressLine2!: string | null;
  @ApiProperty() city!: string;
  @ApiProperty() state!: string;
  @ApiProperty() postalCode!: string;
  @ApiProperty() phone!: string;
  @ApiProperty() fax!: string;
  @ApiProperty({ type: String, nullable: true }) groupNpi!: string | null;
  @ApiProperty({ type: String, nullable: true }) taxId!: string | null;

  @ApiProperty({
    example: 'America/New_York',
    description: 'The clinic time zone: set by the CLINIC_TIMEZONE environment variable, read-only here',
  })
  timeZone!: string;

  @ApiProperty({ type: ClinicLogoDto, nullable: true }) logo!: ClinicLogoDto | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt!: string | null;
}
