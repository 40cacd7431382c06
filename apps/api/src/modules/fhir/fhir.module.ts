import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { LettersModule } from '../letters/letters.module';
import { SecretsModule } from '../secrets/secrets.module';
import { FhirController, PasEndpointController } from './fhir.controller';
import { PasExchangeService } from './pas-exchange.service';
import { FhirService } from './fhir.service';
import { PasInquiryJob } from './pas-inquiry.job';

/** Da Vinci PAS (FHIR R4): export a case as a request Bundle, import the payer's ClaimResponse. */
@Module({
  imports: [CasesModule, EvidenceModule, LettersModule, SecretsModule],
  controllers: [FhirController, PasEndpointController],
  providers: [FhirService, PasExchangeService, PasInquiryJob],
})
export class FhirModule {}
