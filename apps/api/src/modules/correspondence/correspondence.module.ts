import { Module } from '@nestjs/common';
import { CaseDocumentsController } from './case-documents.controller';
import { CaseDocumentsService } from './case-documents.service';

/** Payer correspondence: letters and faxes filed on a case. */
@Module({ controllers: [CaseDocumentsController], providers: [CaseDocumentsService], exports: [CaseDocumentsService] })
export class CorrespondenceModule {}
