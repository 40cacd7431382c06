import type { CaseStatus } from '@preauth/domain';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { User } from '../users/user.entity';
import { PreauthCase } from './preauth-case.entity';

export const CASE_EVENT_TYPES = [
  'created',
  'transition',
  'updated',
  'note_added',
  'photo_added',
  'photo_deleted',
  'letter_signed',
  // A manager's correction of a recorded step, or a step taken back (undone or reversed).
  'correction',
  'reversal',
  'owner_changed',
  'task_added',
  'task_done',
  'task_cancelled',
  'follow_up_set',
  'payer_call',
  // A payer's electronic answer that leaves the status as it is: pended, or an error to fix.
  'payer_response',
  // The patient signed the financial-responsibility waiver of a self-pay estimate.
  'waiver_signed',
  // The approved procedure booked for a day, and a performance with the units it used.
  'procedure_scheduled',
  'procedure_performed',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/** Append-only history of a case (a trigger refuses UPDATE and DELETE). */
@Entity({ name: 'case_events' })
@Index('case_events_case_id_idx', ['caseId', 'id'])
export class CaseEvent {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'case_events_pkey',
  })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => PreauthCase, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_events_case_id_fkey' })
  preauthCase?: Relation<PreauthCase>;

  @Column({ type: 'varchar', length: 30 })
  type!: CaseEventType;

  @Column({ name: 'from_status', type: 'varchar', length: 30, nullable: true })
  fromStatus!: CaseStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 30, nullable: true })
  toStatus!: CaseStatus | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'case_events_actor_id_fkey' })
  actor?: User | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data!: Record<string, unknown>;

  // When it happened in the world (a payer letter's date); created_at is when it was recorded.
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  // The step a correction or reversal applies to; the step itself is never edited.
  @Column({ name: 'corrects_event_id', type: 'bigint', nullable: true })
  correctsEventId!: string | null;

  @ManyToOne(() => CaseEvent, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'corrects_event_id', foreignKeyConstraintName: 'case_events_corrects_event_id_fkey' })
  correctsEvent?: Relation<CaseEvent> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
