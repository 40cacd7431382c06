import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { IsNpi } from '../../../common/validators';

export class CreateProviderDto {
  @ApiProperty() @IsString() @Length(1, 100) firstName!: string;
  @ApiProperty() @IsString() @Length(1, 100) lastName!: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'MD' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  credentials?: string | null;
  @ApiProperty({ example: '1234567893', description: '10 digits with a valid check digit' }) @IsNpi() npi!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(100) specialty?:
    | string
    | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The user account of this physician',
  })
  @IsOptional()
  @IsUUID()
  userId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class UpdateProviderDto extends PartialType(CreateProviderDto) {}

export class ProviderDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ nullable: true, type: String }) credentials!: string | null;
  @ApiProperty() npi!: string;
  @ApiProperty({ nullable: true, type: String }) specialty!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) userId!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: 'e.g. "Dana Whitfield, MD"' }) displayName!: string;
}

export class PhysicianUserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() email!: string;
  @ApiProperty() disabled!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The physician record it is linked to' })
  providerId!: string | null;
}
