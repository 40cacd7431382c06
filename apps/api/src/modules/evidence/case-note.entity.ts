import type { NoteKind } from '@preauth/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { PreauthCase } from '../cases/preauth-case.entity';
import { User } from '../users/user.entity';

/**
 * One version of a note. Notes are immutable (a trigger refuses UPDATE and DELETE): an edit is a
 * new row whose previous_id points at the version it replaces. previous_id is unique, so a
 * version is replaced at most once and each note's history stays a single line.
 */
@Entity({ name: 'case_notes' })
@Check('case_notes_kind_valid', `kind IN ('clinical_note','payer_call','letter_draft','other')`)
@Check('case_notes_text_length', `char_length(text) BETWEEN 1 AND 20000`)
@Check('case_notes_version_valid', `version >= 1`)
@Index('case_notes_case_id_idx', ['caseId', 'createdAt'])
export class CaseNote {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'case_notes_pkey' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => PreauthCase, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_notes_case_id_fkey' })
  preauthCase?: Relation<PreauthCase>;

  @Column({ type: 'varchar', length: 20 })
  kind!: NoteKind;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'case_notes_author_id_fkey' })
  author?: User;

  @Column({ type: 'integer' })
  version!: number;

  // The first version's id (its own id on the first version): groups a note's history.
  @Index('case_notes_root_id_idx')
  @Column({ name: 'root_id', type: 'uuid' })
  rootId!: string;

  @Index('case_notes_previous_id_key', { unique: true })
  @Column({ name: 'previous_id', type: 'uuid', nullable: true })
  previousId!: string | null;

  @ManyToOne(() => CaseNote, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'previous_id', foreignKeyConstraintName: 'case_notes_previous_id_fkey' })
  previous?: Relation<CaseNote> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
