import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { LettersModule } from '../letters/letters.module';
import { FhirController } from './fhir.controller';
import { FhirService } from './fhir.service';

/** Da Vinci PAS (FHIR R4): export a case as a request Bundle, import the payer's ClaimResponse. */
@Module({
  imports: [CasesModule, EvidenceModule, LettersModule],
  controllers: [FhirController],
  providers: [FhirService],
})
export class FhirModule {}
