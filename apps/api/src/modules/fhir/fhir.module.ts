import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { LettersModule } from '../letters/letters.module';
import { SecretsModule } from '../secrets/secrets.module';
import { FhirController, PasEndpointController } from './fhir.controller';
import { PasExchangeService } from './pas-exchange.service';
import { FhirService } from './fhir.service';
import { PasInquiryJob } from './pas-inquiry.job';
import { PasNotificationController } from './pas-notification.controller';
import { PasSubscriptionService } from './pas-subscription.service';

/** Da Vinci PAS (FHIR R4): export a case as a request Bundle, import the payer's ClaimResponse. */
@Module({
  imports: [CasesModule, EvidenceModule, LettersModule, SecretsModule],
  controllers: [FhirController, PasEndpointController, PasNotificationController],
  providers: [FhirService, PasExchangeService, PasInquiryJob, PasSubscriptionService],
})
export class FhirModule {}
