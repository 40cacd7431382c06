import type { CaseStatus, SelfPayReason } from '@preauth/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CaseEvent } from '../cases/case-event.entity';
import { PreauthCase } from '../cases/preauth-case.entity';
import { Payer } from '../payers/payer.entity';

/**
 * A case's move to self-pay with the clinic's estimate, one row per transition event: the reports
 * count conversions by payer and reason from here (a reversed step is left out by its event).
 */
@Entity({ name: 'self_pay_conversions' })
@Check('self_pay_conversions_reason_valid', `reason IN ('criteria_not_met','appeals_exhausted','appeal_declined')`)
@Check('self_pay_conversions_amount_valid', `amount_cents BETWEEN 1 AND 10000000`)
@Check('self_pay_conversions_currency_valid', `currency = 'USD'`)
@Check('self_pay_conversions_description_length', `char_length(description) BETWEEN 1 AND 500`)
@Index('self_pay_conversions_case_id_idx', ['caseId'])
@Index('self_pay_conversions_converted_at_idx', ['convertedAt'])
export class SelfPayConversion {
  @PrimaryColumn({ name: 'event_id', type: 'bigint', primaryKeyConstraintName: 'self_pay_conversions_pkey' })
  eventId!: string;

  @ManyToOne(() => CaseEvent, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'self_pay_conversions_event_id_fkey' })
  event?: Relation<CaseEvent>;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => PreauthCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'self_pay_conversions_case_id_fkey' })
  preauthCase?: Relation<PreauthCase>;

  // The payer as it stood at the conversion: the report groups by it without joining cases.
  @Column({ name: 'payer_id', type: 'uuid' })
  payerId!: string;

  @ManyToOne(() => Payer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'payer_id', foreignKeyConstraintName: 'self_pay_conversions_payer_id_fkey' })
  payer?: Relation<Payer>;

  @Column({ name: 'from_status', type: 'varchar', length: 30 })
  fromStatus!: CaseStatus;

  @Column({ type: 'varchar', length: 30 })
  reason!: SelfPayReason;

  @Column({ name: 'amount_cents', type: 'integer' })
  amountCents!: number;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'converted_at', type: 'timestamptz' })
  convertedAt!: Date;
}
