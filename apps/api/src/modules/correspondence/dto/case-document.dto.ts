import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PAYER_DOCUMENT_KINDS, type PayerDocumentKind } from '@preauth/domain';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../../common/validators';

/** The text fields of a payer document upload (validated after the file has streamed to disk). */
export class CaseDocumentFieldsDto {
  @ApiProperty({ enum: PAYER_DOCUMENT_KINDS }) @IsIn(PAYER_DOCUMENT_KINDS) kind!: PayerDocumentKind;
  @ApiProperty({ example: '2026-11-20', description: 'The day the letter or fax arrived' })
  @IsCalendarDate()
  receivedOn!: string;
  @ApiPropertyOptional({ example: '2026-12-04', description: "An information request's own answer-by date" })
  @IsOptional()
  @IsCalendarDate()
  dueOn?: string;
}

export class UploadCaseDocumentDto extends CaseDocumentFieldsDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'A PDF, or a TIFF fax (converted to PDF)' })
  file!: unknown;
}

export class CaseDocumentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: PAYER_DOCUMENT_KINDS }) kind!: PayerDocumentKind;
  @ApiProperty() receivedOn!: string;
  @ApiProperty({ nullable: true, type: String }) dueOn!: string | null;
  @ApiProperty() fileName!: string;
  @ApiProperty() byteSize!: number;
  @ApiProperty() pageCount!: number;
  @ApiProperty({ nullable: true, type: String, description: "'tiff' when a fax image was converted to PDF" })
  convertedFrom!: string | null;
  @ApiProperty({ nullable: true, type: String }) uploadedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'Download (always as an attachment)' }) url!: string;
}
