import type { Urgency } from '@preauth/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Payer } from '../payers/payer.entity';
import { CaseEvent } from './case-event.entity';
import { Provider } from '../providers/provider.entity';
import { PreauthCase } from './preauth-case.entity';

export const DECISION_STAGES = ['initial', 'peer_to_peer', 'appeal_1', 'appeal_2', 'external_review'] as const;
export type DecisionStage = (typeof DECISION_STAGES)[number];
export const DECISION_OUTCOMES = ['approved', 'partially_approved', 'denied'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/**
 * One row per payer decision (initial, peer-to-peer, each appeal level, external review), with
 * the clock that applied: what the manager reports aggregate.
 */
@Entity({ name: 'case_decisions' })
@Check('case_decisions_stage_valid', `stage IN ('initial','peer_to_peer','appeal_1','appeal_2','external_review')`)
@Check('case_decisions_outcome_valid', `outcome IN ('approved','partially_approved','denied')`)
@Index('case_decisions_decided_at_idx', ['decidedAt'])
// (stage, decided_at) INCLUDE every column the reports read: their index-only scan (migration
// 1764000000700). TypeORM cannot express INCLUDE, so the migration owns it.
@Index('case_decisions_report_idx', { synchronize: false })
@Index('case_decisions_payer_decided_idx', ['payerId', 'decidedAt'])
export class CaseDecision {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'case_decisions_pkey' })
  id!: string;

  @Index('case_decisions_case_id_idx')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => PreauthCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_decisions_case_id_fkey' })
  preauthCase?: Relation<PreauthCase>;

  // The step that recorded the decision: a correction of it rebuilds this row, a reversal drops it.
  @Column({ name: 'event_id', type: 'bigint', nullable: true })
  eventId!: string | null;

  @ManyToOne(() => CaseEvent, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'case_decisions_event_id_fkey' })
  event?: Relation<CaseEvent> | null;

  @Column({ name: 'payer_id', type: 'uuid' })
  payerId!: string;

  @ManyToOne(() => Payer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'payer_id', foreignKeyConstraintName: 'case_decisions_payer_id_fkey' })
  payer?: Payer;

  // The physician and the codes as they stood when the payer decided: reports group by them
  // without joining cases and procedure lines (a million-case clinic reads only this table).
  @Column({ name: 'provider_id', type: 'uuid' })
  providerId!: string;

  @ManyToOne(() => Provider, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'case_decisions_provider_id_fkey' })
  provider?: Relation<Provider>;

  @Column({ name: 'cpt_codes', type: 'text', array: true, default: '{}' })
  cptCodes!: string[];

  @Column({ type: 'varchar', length: 20 })
  stage!: DecisionStage;

  @Column({ type: 'varchar', length: 20 })
  urgency!: Urgency;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;

  // The payer's legal deadline for this decision; null where no clock applies (peer-to-peer).
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'varchar', length: 20 })
  outcome!: DecisionOutcome;

  @Column({ name: 'denial_code', type: 'varchar', length: 10, nullable: true })
  denialCode!: string | null;
}
