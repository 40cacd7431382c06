import { ApiProperty } from '@nestjs/swagger';
import { SELF_PAY_CURRENCIES, SELF_PAY_REASONS, type SelfPayCurrency, type SelfPayReason } from '@preauth/domain';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class SelfPayEstimateDto {
  @ApiProperty({ description: 'The transition event that recorded it' }) eventId!: string;
  @ApiProperty({ enum: SELF_PAY_REASONS }) reason!: SelfPayReason;
  @ApiProperty() reasonLabel!: string;
  @ApiProperty({ description: 'What the patient will pay, in cents' }) amountCents!: number;
  @ApiProperty({ enum: SELF_PAY_CURRENCIES }) currency!: SelfPayCurrency;
  @ApiProperty() description!: string;
  @ApiProperty({ format: 'date-time' }) convertedAt!: string;
}

export class WaiverTextDto {
  @ApiProperty() title!: string;
  @ApiProperty({ type: [String] }) paragraphs!: string[];
}

export class FinancialWaiverDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() signedName!: string;
  @ApiProperty({ format: 'date' }) signedOn!: string;
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The staff member who handed over the tablet' })
  collectedBy!: string | null;
  @ApiProperty() byteSize!: number;
  @ApiProperty({ description: 'Download of the signed PDF' }) url!: string;
}

export class SelfPayDto {
  @ApiProperty({ nullable: true, type: SelfPayEstimateDto, description: 'Null until the case converts to self-pay' })
  estimate!: SelfPayEstimateDto | null;
  @ApiProperty({ nullable: true, type: WaiverTextDto, description: 'The waiver the patient reads and signs' })
  waiverText!: WaiverTextDto | null;
  @ApiProperty({ nullable: true, type: FinancialWaiverDto }) waiver!: FinancialWaiverDto | null;
  @ApiProperty({ description: 'Today in the clinic, the date the waiver will carry', format: 'date' })
  today!: string;
}

export class SignWaiverDto {
  @ApiProperty({ description: "The patient's printed name", maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  signedName!: string;

  @ApiProperty({
    description: 'The drawn signature: a PNG, as base64 or a data:image/png;base64 URL (at most 64 KB)',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120_000)
  signaturePng!: string;
}
