import { ApiProperty } from '@nestjs/swagger';
import { CARC_DESCRIPTION_MAX } from '@preauth/domain';
import { IsString, MaxLength } from 'class-validator';

export class CarcCodeDto {
  @ApiProperty({ example: 'CO-50' }) code!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ description: 'Shipped with the app (true) or added by a manager (false)' }) builtIn!: boolean;
}

export class AddCarcDescriptionDto {
  @ApiProperty({ example: 'CO-45', description: 'A well-formed CARC code the app does not describe yet' })
  @IsString()
  @MaxLength(10)
  code!: string;

  @ApiProperty({ description: "What the code means, as the payer's notice words it" })
  @IsString()
  @MaxLength(CARC_DESCRIPTION_MAX)
  description!: string;
}
