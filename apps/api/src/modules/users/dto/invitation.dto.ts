import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class InvitationTokenDto {
  @ApiProperty({ description: 'The token from the invitation link (after the #)', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  token!: string;
}

export class AcceptInvitationDto extends InvitationTokenDto {
  @ApiProperty({
    format: 'password',
    description: 'The password the invitee chooses: at least 12 characters, not common, not containing the email',
  })
  @IsString()
  @MaxLength(1024)
  password!: string;
}

export class InvitationDto {
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class InvitationLinkDto {
  @ApiProperty({
    example: '/invitation#4bXj…',
    description: 'Path of the link on this server (prefix it with the address users reach Preauth at); shown once',
  })
  path!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}
