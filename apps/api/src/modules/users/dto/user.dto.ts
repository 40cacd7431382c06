import { InvitationLinkDto } from './invitation.dto';
import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@preauth/domain';

/** The provider (physician record) a user account is linked to: "My cases" shows its cases. */
export class UserProviderDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'e.g. "Dana Whitfield, MD"' })
  displayName!: string;

  @ApiProperty({ example: '1234567893' })
  npi!: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true })
  roles!: Role[];

  @ApiProperty()
  disabled!: boolean;

  @ApiProperty()
  totpEnabled!: boolean;

  @ApiProperty({ description: 'The password was set by an admin: the user must choose their own at next sign-in' })
  mustChangePassword!: boolean;

  @ApiProperty({ type: UserProviderDto, nullable: true })
  provider!: UserProviderDto | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastLoginAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;
}

/** A password shown to the admin once, to hand to the user; it works for one sign-in only. */
export class OneTimePasswordDto {
  @ApiProperty({ description: 'Shown once; the user must replace it at first sign-in' })
  oneTimePassword!: string;
}

export class CreatedUserDto extends UserDto {
  @ApiProperty({
    required: false,
    description: 'Present when no password was sent: generated, shown once, to be replaced at first sign-in',
  })
  oneTimePassword?: string;

  @ApiProperty({
    required: false,
    type: InvitationLinkDto,
    description: 'Present when the user was invited: the single-use link to choose a password, shown once',
  })
  invitation?: InvitationLinkDto;
}
