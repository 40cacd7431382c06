import { ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@preauth/domain';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  ValidateIf,
  MaxLength,
} from 'class-validator';

export class UpdateUserDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({
    enum: ROLES,
    enumName: 'Role',
    isArray: true,
    minItems: 1,
    description: 'Takes effect at the user’s next request',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ description: 'Disabling ends the user’s sessions at once' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({
    format: 'password',
    description: 'A new password (ends the user’s sessions; the user must replace it at next sign-in)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;

  @ApiPropertyOptional({ description: 'Turn two-factor sign-in off (lost phone); the user enrols again' })
  @IsOptional()
  @IsBoolean()
  resetTotp?: boolean;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Link the user to this provider (physician record; needs the physician role), or null to unlink',
  })
  @ValidateIf((_dto, value) => value !== null)
  @IsOptional()
  @IsUUID()
  providerId?: string | null;
}
