import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@preauth/domain';
import { IsArray, IsBoolean, IsIn } from 'class-validator';

export class AuthPolicyDto {
  @ApiProperty({
    enum: ROLES,
    enumName: 'Role',
    isArray: true,
    description: 'Roles whose users must sign in with an authenticator code',
  })
  @IsArray()
  @IsIn(ROLES, { each: true })
  totpRequiredRoles!: Role[];
}

/** A limit set by an environment variable: shown, not changed, in the dashboard. */
export class SessionLimitDto {
  @ApiProperty()
  value!: number;

  @ApiProperty({ example: 'SESSION_IDLE_MINUTES', description: 'The environment variable that sets it' })
  variable!: string;
}

export class SessionLimitsDto {
  @ApiProperty({ type: SessionLimitDto, description: 'Minutes without a request before a session ends' })
  idleMinutes!: SessionLimitDto;

  @ApiProperty({ type: SessionLimitDto, description: 'Hours after sign-in when a session ends, however active' })
  absoluteHours!: SessionLimitDto;
}

export class SigningPolicyDto {
  @ApiProperty({
    description:
      'When true, a physician signs only the letters of cases they ordered; when false any physician may, and the letter names both',
  })
  @IsBoolean()
  onlyOrderingPhysicianSigns!: boolean;
}

export class AuthPolicyViewDto extends AuthPolicyDto {
  @ApiProperty({ description: 'Whether only the ordering physician may sign a case’s letters' })
  onlyOrderingPhysicianSigns!: boolean;

  @ApiProperty({ type: SessionLimitsDto, description: 'Read-only: set in the environment when the API starts' })
  sessionLimits!: SessionLimitsDto;
}
