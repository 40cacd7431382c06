import { ApiProperty, PickType } from '@nestjs/swagger';
import { UserDto } from '../../users/dto/user.dto';

// The signed-in user's identity is a user's, plus what only a session knows.
export class MeDto extends PickType(UserDto, [
  'id',
  'email',
  'displayName',
  'roles',
  'totpEnabled',
  'mustChangePassword',
] as const) {
  @ApiProperty({
    description: 'The role requires two-factor sign-in and it is not set up yet: until it is, only enrolment works.',
  })
  totpEnrollmentRequired!: boolean;

  @ApiProperty({
    example: 'America/New_York',
    description: "The clinic's time zone (CLINIC_TIMEZONE): the dashboard shows dates and deadlines in it",
  })
  clinicTimeZone!: string;

  @ApiProperty({
    description:
      'Send it back in the X-CSRF-Token header of every POST, PUT, PATCH and DELETE (it is also in the csrf_token cookie).',
  })
  csrfToken!: string;
}
