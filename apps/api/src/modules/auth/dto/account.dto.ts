import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  currentPassword!: string;

  @ApiProperty({
    format: 'password',
    description: 'At least 12 characters, not a common password, not containing the email, not the current one',
  })
  @IsString()
  @MaxLength(1024)
  newPassword!: string;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'The session making this request' })
  current!: boolean;

  @ApiProperty({ type: String, nullable: true })
  ip!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The browser’s User-Agent at sign-in' })
  userAgent!: string | null;

  @ApiProperty({ type: String, format: 'date-time', description: 'Signed in at' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  lastSeenAt!: string;
}
