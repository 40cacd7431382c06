import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'frontdesk@demo.clinic', maxLength: 254 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ format: 'password', maxLength: 1024 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password!: string;

  @ApiPropertyOptional({
    description:
      'The 6-digit code from the authenticator app, when two-factor sign-in is on; or one of the recovery codes',
    example: '123456',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  totp?: string;
}
