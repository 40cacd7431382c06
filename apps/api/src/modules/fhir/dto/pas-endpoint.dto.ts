import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';

export class PutPasEndpointDto {
  @ApiProperty({ description: "The payer's FHIR base URL; Claim/$submit is posted under it", maxLength: 500 })
  @IsString()
  @Length(8, 500)
  baseUrl!: string;

  @ApiProperty({ description: "The payer's OAuth token URL (SMART Backend Services)", maxLength: 500 })
  @IsString()
  @Length(8, 500)
  tokenUrl!: string;

  @ApiProperty({ description: 'The client id the payer registered for this clinic', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  clientId!: string;

  @ApiProperty({
    description: "The key id (kid) of the clinic's public key in the JWKS the payer holds",
    maxLength: 200,
  })
  @IsString()
  @Length(1, 200)
  keyId!: string;

  @ApiProperty({
    description:
      'The RSA private key (PKCS#8 PEM) the client assertion is signed with (RS384); stored encrypted, never returned. Leave it out to keep the key already stored.',
    required: false,
  })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  privateKeyPem?: string;
}

export class PasEndpointDto {
  @ApiProperty({ format: 'uuid' }) payerId!: string;
  @ApiProperty() baseUrl!: string;
  @ApiProperty() tokenUrl!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty() keyId!: string;
}

/** What the settings screen shows of a payer's endpoint: never the key itself. */
export class PasEndpointSettingsDto {
  @ApiProperty({ format: 'uuid' }) payerId!: string;
  @ApiProperty({ description: 'Whether the payer has a PAS endpoint' }) configured!: boolean;
  @ApiProperty({ type: String, nullable: true }) baseUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) tokenUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) clientId!: string | null;
  @ApiProperty({ type: String, nullable: true }) keyId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'When the endpoint was last saved' })
  updatedAt!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['active', 'unsupported', 'failed'],
    description: "Preauth's rest-hook subscription at the payer, once a pended answer made it ask",
  })
  subscription!: 'active' | 'unsupported' | 'failed' | null;
}
