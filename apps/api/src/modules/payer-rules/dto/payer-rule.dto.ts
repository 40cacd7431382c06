import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MEDICAL_NECESSITY_CRITERION_KEYS,
  PAYER_RULE_DOCUMENTS,
  PLAN_TYPES,
  PRIOR_AUTH_REQUIREMENTS,
  type MedicalNecessityCriterion,
  type PayerRuleDocument,
  type PlanType,
  type PriorAuthRequirement,
} from '@preauth/domain';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

// Shapes only: libs/domain's checkPayerRule checks what the values mean, for this and the CSV import.
function optionalText(max: number, description?: string) {
  return (target: object, key: string) => {
    ApiPropertyOptional({ nullable: true, type: String, maxLength: max, description })(target, key);
    IsOptional()(target, key);
    IsString()(target, key);
    MaxLength(max)(target, key);
  };
}

function optionalCount(description: string) {
  return (target: object, key: string) => {
    ApiPropertyOptional({ nullable: true, type: Number, minimum: 1, maximum: 520, description })(target, key);
    IsOptional()(target, key);
    IsInt()(target, key);
    Min(1)(target, key);
    Max(520)(target, key);
  };
}

export class PayerRuleContentDto {
  @ApiProperty({ enum: PRIOR_AUTH_REQUIREMENTS }) @IsIn(PRIOR_AUTH_REQUIREMENTS) priorAuth!: PriorAuthRequirement;
  @ApiProperty({
    enum: MEDICAL_NECESSITY_CRITERION_KEYS,
    isArray: true,
    description: 'The payer accepts removal when at least one of these is documented',
  })
  @IsArray()
  @ArrayMaxSize(MEDICAL_NECESSITY_CRITERION_KEYS.length)
  @IsIn(MEDICAL_NECESSITY_CRITERION_KEYS, { each: true })
  criteria!: MedicalNecessityCriterion[];
  @optionalCount('Symptoms must have lasted at least this many weeks') minSymptomWeeks?: number | null;
  @optionalCount('At least this many failed less costly treatments') minFailedTreatments?: number | null;
  @ApiProperty() @IsBoolean() photosRequired!: boolean;
  @ApiProperty({ enum: PAYER_RULE_DOCUMENTS, isArray: true })
  @IsArray()
  @ArrayMaxSize(PAYER_RULE_DOCUMENTS.length)
  @IsIn(PAYER_RULE_DOCUMENTS, { each: true })
  documents!: PayerRuleDocument[];
  @optionalText(200, 'e.g. "Aetna CPB 0633 (Benign Skin Lesion Removal)"') policyName?: string | null;
  @optionalText(500) policyUrl?: string | null;
  @optionalText(60) policyVersion?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date', description: 'When the policy was last read' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'policyCheckedOn must be a YYYY-MM-DD date' })
  policyCheckedOn?: string | null;
  @optionalText(500) portalUrl?: string | null;
  @optionalText(40) fax?: string | null;
  @optionalText(40) phone?: string | null;
  @optionalText(500, 'Electronic (e.g. Da Vinci PAS) endpoint') electronicEndpoint?: string | null;
  @optionalText(1000) appealAddress?: string | null;
  @optionalText(2000, "The clinic's own notes (no patient data)") notes?: string | null;
}

export class SavePayerRuleDto extends PayerRuleContentDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() payerId!: string;
  @ApiPropertyOptional({ enum: PLAN_TYPES, nullable: true, description: 'Empty: every plan type of the payer' })
  @IsOptional()
  @IsIn(PLAN_TYPES)
  planType?: PlanType | null;
  @ApiProperty({ example: '17110' }) @IsString() @MaxLength(5) cptCode!: string;
  @ApiPropertyOptional({
    description: 'The version the edit started from (0 for a new rule): a rule changed since answers 409',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  baseVersion?: number;
}

export class PayerRuleDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'uuid' }) payerId!: string;
  @ApiProperty() payerName!: string;
  @ApiProperty() payerCode!: string;
  @ApiProperty({ enum: PLAN_TYPES, nullable: true }) planType!: PlanType | null;
  @ApiProperty() cptCode!: string;
  @ApiProperty({ enum: PRIOR_AUTH_REQUIREMENTS }) priorAuth!: PriorAuthRequirement;
  @ApiProperty({ enum: MEDICAL_NECESSITY_CRITERION_KEYS, isArray: true }) criteria!: MedicalNecessityCriterion[];
  @ApiProperty({ nullable: true, type: Number }) minSymptomWeeks!: number | null;
  @ApiProperty({ nullable: true, type: Number }) minFailedTreatments!: number | null;
  @ApiProperty() photosRequired!: boolean;
  @ApiProperty({ enum: PAYER_RULE_DOCUMENTS, isArray: true }) documents!: PayerRuleDocument[];
  @ApiProperty({ nullable: true, type: String }) policyName!: string | null;
  @ApiProperty({ nullable: true, type: String }) policyUrl!: string | null;
  @ApiProperty({ nullable: true, type: String }) policyVersion!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) policyCheckedOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) portalUrl!: string | null;
  @ApiProperty({ nullable: true, type: String }) fax!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) electronicEndpoint!: string | null;
  @ApiProperty({ nullable: true, type: String }) appealAddress!: string | null;
  @ApiProperty({ nullable: true, type: String }) notes!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) createdByName!: string | null;
}

export class PayerRuleListQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() payerId?: string;
}

export class PayerRuleKeyQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID() payerId!: string;
  @ApiProperty({ example: '17110' }) @IsString() @MaxLength(5) cptCode!: string;
  @ApiPropertyOptional({ enum: PLAN_TYPES, description: 'Empty: the rule for every plan type' })
  @IsOptional()
  @IsIn(PLAN_TYPES)
  planType?: PlanType;
}

export class PayerRuleLookupQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID() payerId!: string;
  @ApiProperty({ example: '17110' }) @IsString() @MaxLength(5) cptCode!: string;
}

export class PayerRuleLookupDto {
  @ApiProperty() payerName!: string;
  @ApiProperty() cptCode!: string;
  @ApiProperty({ enum: PRIOR_AUTH_REQUIREMENTS, description: "'unknown' when no rule is written" })
  priorAuth!: PriorAuthRequirement;
  @ApiProperty({ type: PayerRuleDto, nullable: true }) rule!: PayerRuleDto | null;
}

export class ImportPayerRulesDto {
  @ApiProperty({ description: 'The CSV text, with the header line GET /api/payer-rules/export writes' })
  @IsString()
  @MaxLength(90_000)
  csv!: string;
}

export class ImportPayerRulesResultDto {
  @ApiProperty({ description: 'Rows that added a new version' }) created!: number;
  @ApiProperty({ description: 'Rows equal to the current version (nothing written)' }) unchanged!: number;
}
