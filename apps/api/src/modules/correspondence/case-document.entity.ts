import type { PayerDocumentKind } from '@preauth/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { PreauthCase } from '../cases/preauth-case.entity';
import { User } from '../users/user.entity';

/** A payer's letter or fax filed on a case, stored as PDF (a TIFF fax is converted on upload). */
@Entity({ name: 'case_documents' })
@Check('case_documents_kind_valid', `kind IN ('approval','denial','information_request','appeal_decision','other')`)
@Index('case_documents_case_id_idx', ['caseId'])
export class CaseDocument {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'case_documents_pkey' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => PreauthCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_documents_case_id_fkey' })
  preauthCase?: Relation<PreauthCase>;

  @Column({ type: 'varchar', length: 30 })
  kind!: PayerDocumentKind;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn!: string;

  // An information request's own answer-by date, when the letter names one.
  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn!: string | null;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ name: 'content_type', type: 'varchar', length: 50 })
  contentType!: string;

  @Column({ name: 'byte_size', type: 'integer' })
  byteSize!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'page_count', type: 'integer' })
  pageCount!: number;

  @Column({ name: 'converted_from', type: 'varchar', length: 10, nullable: true })
  convertedFrom!: string | null;

  // Read only by the download (never selected by a listing).
  @Column({ type: 'bytea', select: false })
  content!: Buffer;

  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedById!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'case_documents_uploaded_by_fkey' })
  uploadedBy?: User | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
