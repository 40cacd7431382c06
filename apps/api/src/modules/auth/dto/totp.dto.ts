import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class TotpSetupDto {
  @ApiProperty({ description: 'Base32 secret, for typing into an authenticator app' })
  secret!: string;

  @ApiProperty({ description: 'otpauth:// URL, for a QR code' })
  otpauthUrl!: string;
}

export class TotpEnableDto {
  @ApiProperty({ example: '123456' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits shown by the authenticator app' })
  code!: string;
}

export class TotpEnabledDto {
  @ApiProperty({
    type: [String],
    description:
      'One-time recovery codes, shown this once (only their hashes are kept): each signs in once in place of an authenticator code',
    example: ['k7qmx-2ptr9'],
  })
  recoveryCodes!: string[];
}

export class TotpDisableDto extends TotpEnableDto {}

export class RecoveryCodesLeftDto {
  @ApiProperty({ description: 'Unused recovery codes (0 when two-factor sign-in is off)' })
  remaining!: number;
}
