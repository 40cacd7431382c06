import { ApiProperty } from '@nestjs/swagger';

export class PayerErrorDto {
  @ApiProperty({ description: 'X12 901 reject reason code' }) code!: string;
  @ApiProperty({ nullable: true, type: String }) display!: string | null;
  @ApiProperty({ description: 'What to correct, in the desk’s words' }) hint!: string;
  @ApiProperty({ nullable: true, type: String, description: 'FHIRPath the payer blames (errorPath)' })
  path!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'X12 loop/segment the payer blames (errorElement)' })
  element!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'X12 889 follow-up action' }) followUp!: string | null;
}

/** One message to or from the payer, as the desk may see it: never the bundle itself. */
export class FhirExchangeDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['outbound', 'inbound'] }) direction!: 'outbound' | 'inbound';
  @ApiProperty({
    description:
      'outbound: submit, inquire (Claim/$inquire about a pended request), failed (the payer could not be reached); inbound: decision, pended, info_requested, cancelled, not_required, error, unreadable',
  })
  kind!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'HTTP status of the payer’s answer (outbound)' })
  httpStatus!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Time to the payer’s answer (outbound)' })
  elapsedMs!: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'The status the answer moved the case to' })
  outcome!: string | null;
  @ApiProperty({ nullable: true, type: String }) authorizationNumber!: string | null;
  @ApiProperty({ nullable: true, type: String }) payerReason!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The payer’s reference for a pended request' })
  pendingReference!: string | null;
  @ApiProperty({ type: [PayerErrorDto] }) payerErrors!: PayerErrorDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Why the payer could not be reached' })
  error!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'What is wrong with a recorded answer (an approval that ended before the request was sent)',
  })
  warning!: string | null;
}

export class CaseFhirExchangesDto {
  @ApiProperty({ description: 'The case’s payer has a PAS endpoint: the case can be sent electronically' })
  payerEndpoint!: boolean;
  @ApiProperty({ type: [FhirExchangeDto], description: 'Oldest first' }) exchanges!: FhirExchangeDto[];
}
