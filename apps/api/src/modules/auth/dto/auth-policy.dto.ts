import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@preauth/domain';
import { IsArray, IsIn } from 'class-validator';

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
