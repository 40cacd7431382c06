import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@preauth/domain';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';

export class CreateUserDto {
  @ApiProperty({ example: 'jane.doe@clinic.example', maxLength: 254 })
  @IsEmail({ require_tld: false })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Jane Doe', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({
    format: 'password',
    description:
      'At least 12 characters, not a common password, not containing the email. Left out, a one-time password is generated and returned once. Either way the user must choose their own at first sign-in.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;

  @ApiPropertyOptional({
    description:
      'True: no password; the answer carries a single-use invitation link, valid 72 hours, through which the user chooses their own',
  })
  @IsOptional()
  @IsBoolean()
  invite?: boolean;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The provider (physician record) this user is; needs the physician role',
  })
  @IsOptional()
  @IsUUID()
  providerId?: string;
}
