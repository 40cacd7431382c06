import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@preauth/domain';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class CreateUserDto {
  @ApiProperty({ example: 'jane.doe@clinic.example', maxLength: 254 })
  @IsEmail({ require_tld: false })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Jane Doe', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiProperty({
    format: 'password',
    description: 'At least 12 characters, not a common password, not containing the email',
  })
  @IsString()
  @MaxLength(1024)
  password!: string;
}
