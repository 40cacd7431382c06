import type { PlanType } from '@preauth/domain';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'payers' })
@Check(
  'payers_plan_type_valid',
  `plan_type IN ('medicare_advantage','medicaid','commercial_erisa','aca_marketplace','other')`,
)
@Check('payers_p2p_days_valid', `peer_to_peer_days IS NULL OR peer_to_peer_days > 0`)
export class Payer {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'payers_pkey' })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  // The payer's own identifier (the "payer ID" on claims and portals).
  @Index('payers_payer_code_key', { unique: true })
  @Column({ name: 'payer_code', type: 'varchar', length: 40 })
  payerCode!: string;

  @Column({ name: 'plan_type', type: 'varchar', length: 30 })
  planType!: PlanType;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  fax!: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  notes!: string | null;

  @Column({ name: 'portal_url', type: 'varchar', length: 500, nullable: true })
  portalUrl!: string | null;

  // Peer-to-peer windows are payer-specific; null falls back to the plan type's rule.
  @Column({ name: 'peer_to_peer_days', type: 'integer', nullable: true })
  peerToPeerDays!: number | null;

  // false = archived: kept for the cases that refer to it, no longer offered for new ones.
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
