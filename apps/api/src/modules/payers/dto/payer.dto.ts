import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { PLAN_TYPES, type PlanType } from '@preauth/domain';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Length, Max, MaxLength, Min } from 'class-validator';

export class CreatePayerDto {
  @ApiProperty() @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ description: "The payer's own identifier" }) @IsString() @Length(1, 40) payerCode!: string;
  @ApiProperty({ enum: PLAN_TYPES }) @IsIn(PLAN_TYPES) planType!: PlanType;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Utilization-management phone' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Utilization-management fax' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  fax?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(500)
  portalUrl?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The clinic's own notes (no patient data)" })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Overrides the plan type rule' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  peerToPeerDays?: number | null;
  @ApiPropertyOptional({ description: 'false archives the payer: not offered for new cases, kept on old ones' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdatePayerDto extends PartialType(CreatePayerDto) {}

export class PayerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() payerCode!: string;
  @ApiProperty({ enum: PLAN_TYPES }) planType!: PlanType;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) fax!: string | null;
  @ApiProperty({ nullable: true, type: String }) portalUrl!: string | null;
  @ApiProperty({ nullable: true, type: String }) notes!: string | null;
  @ApiProperty({ nullable: true, type: Number }) peerToPeerDays!: number | null;
  @ApiProperty({ description: 'false = archived' }) active!: boolean;
}

export class PayerListItemDto extends PayerDto {
  @ApiProperty({ description: 'Cases that refer to this payer (a payer with cases is archived, not deleted)' })
  caseCount!: number;
}
