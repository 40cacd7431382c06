import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../users/user.entity';

export const AUDIT_ACTIONS = [
  'read',
  'create',
  'update',
  'delete',
  'export',
  'login',
  'logout',
  'failed_login',
  'forbidden',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OUTCOMES = ['success', 'denied', 'failure'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/**
 * One access to or change of protected data. Append-only: triggers refuse UPDATE, DELETE and
 * TRUNCATE, and a BEFORE INSERT trigger assigns `id` (the position in the chain), `occurred_at`,
 * `prev_hash` and `hash` under a lock on audit_chain_head, so every row is chained to the one
 * before it whoever inserts it (see migrations/1764000000150-Auth.ts and audit-chain.ts).
 */
@Entity({ name: 'audit_events' })
@Check(
  'audit_events_action_valid',
  `action IN ('read','create','update','delete','export','login','logout','failed_login','forbidden')`,
)
@Check('audit_events_outcome_valid', `outcome IN ('success','denied','failure')`)
@Index('audit_events_user_id_idx', ['userId', 'id'])
@Index('audit_events_patient_id_idx', ['patientId', 'id'])
@Index('audit_events_case_id_idx', ['caseId', 'id'])
@Index('audit_events_occurred_at_idx', ['occurredAt'])
export class AuditEvent {
  @PrimaryColumn({ type: 'bigint', primaryKeyConstraintName: 'audit_events_pkey' })
  id!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'audit_events_user_id_fkey' })
  user?: User | null;

  @Column({ type: 'varchar', length: 20 })
  action!: AuditAction;

  @Column({ name: 'object_type', type: 'varchar', length: 40 })
  objectType!: string;

  @Column({ name: 'object_id', type: 'varchar', length: 100, nullable: true })
  objectId!: string | null;

  @Column({ name: 'patient_id', type: 'uuid', nullable: true })
  patientId!: string | null;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ type: 'inet', nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 500, nullable: true })
  userAgent!: string | null;

  @Column({ type: 'varchar', length: 10, default: 'success' })
  outcome!: AuditOutcome;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail!: Record<string, unknown>;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash!: string;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}
