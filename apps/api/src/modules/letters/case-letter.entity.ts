import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { PreauthCase } from '../cases/preauth-case.entity';
import { User } from '../users/user.entity';

export const LETTER_KINDS = ['medical_necessity', 'appeal'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const SIGNATURE_METHODS = ['password', 'totp'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

export const LETTER_STATUSES = ['draft', 'signed'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

/**
 * One version of a letter. A draft is edited in place; signing freezes it (a trigger refuses any
 * change to a signed row), and a later draft of the same kind is a new row with the next version.
 */
@Entity({ name: 'case_letters' })
@Check('case_letters_kind_valid', `kind IN ('medical_necessity','appeal')`)
@Check('case_letters_status_valid', `status IN ('draft','signed')`)
@Check('case_letters_version_valid', `version >= 1 AND revision >= 1`)
@Check('case_letters_text_length', `char_length(text) BETWEEN 1 AND 50000`)
@Check(
  'case_letters_signature_complete',
  `(status = 'signed') = (signed_at IS NOT NULL AND signed_by IS NOT NULL AND text_sha256 IS NOT NULL)`,
)
@Check(
  'case_letters_signature_method_valid',
  `signature_method IS NULL OR (signature_method IN ('password','totp') AND status = 'signed' AND signer_npi ~ '^[0-9]{10}$' AND signer_name IS NOT NULL)`,
)
@Index('case_letters_case_kind_version_key', ['caseId', 'kind', 'version'], { unique: true })
export class CaseLetter {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'case_letters_pkey' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => PreauthCase, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_letters_case_id_fkey' })
  preauthCase?: Relation<PreauthCase>;

  @Column({ type: 'varchar', length: 20 })
  kind!: LetterKind;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 10 })
  status!: LetterStatus;

  @Column({ type: 'text' })
  text!: string;

  // Bumped by every edit: PATCH needs it in If-Match, so two physicians editing one draft
  // cannot overwrite each other unseen.
  @Column({ type: 'integer', default: 1 })
  revision!: number;

  // What the generated text was built from (denial code, appeal level, deadline, photo count):
  // ids, codes and dates only, so the dashboard can show it without parsing the letter.
  @Column({ type: 'jsonb', default: () => "'{}'" })
  facts!: Record<string, unknown>;

  @Column({ name: 'created_by', type: 'uuid' })
  createdById!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'case_letters_created_by_fkey' })
  createdBy?: User;

  @Column({ name: 'edited_by', type: 'uuid', nullable: true })
  editedById!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'edited_by', foreignKeyConstraintName: 'case_letters_edited_by_fkey' })
  editedBy?: User | null;

  @Column({ name: 'signed_by', type: 'uuid', nullable: true })
  signedById!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'signed_by', foreignKeyConstraintName: 'case_letters_signed_by_fkey' })
  signedBy?: User | null;

  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true })
  signedAt!: Date | null;

  // SHA-256 of the text as signed: proves later that the frozen text is what was signed.
  @Column({ name: 'text_sha256', type: 'varchar', length: 64, nullable: true })
  textSha256!: string | null;

  // How the signer re-authenticated at signing; NULL for drafts and for letters signed before it was kept.
  @Column({ name: 'signature_method', type: 'varchar', length: 10, nullable: true })
  signatureMethod!: SignatureMethod | null;

  // The signer as a payer reads them (provider name with credentials, NPI), as they stood at signing.
  @Column({ name: 'signer_name', type: 'varchar', length: 220, nullable: true })
  signerName!: string | null;

  @Column({ name: 'signer_npi', type: 'varchar', length: 10, nullable: true })
  signerNpi!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
