import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@preauth/domain';

export class MeDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true })
  roles!: Role[];

  @ApiProperty()
  totpEnabled!: boolean;

  @ApiProperty({ description: 'The role requires two-factor sign-in and it is not set up yet: until it is, only enrolment works.' })
  totpEnrollmentRequired!: boolean;

  @ApiProperty({ description: 'Send it back in the X-CSRF-Token header of every POST, PUT, PATCH and DELETE (it is also in the csrf_token cookie).' })
  csrfToken!: string;
}
