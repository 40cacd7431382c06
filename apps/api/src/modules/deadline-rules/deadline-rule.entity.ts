import type { PlanType } from '@preauth/domain';
import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One row per plan type: the clocks are data an admin can edit, not code branches. */
@Entity({ name: 'deadline_rules' })
@Check(
  'deadline_rules_plan_type_valid',
  `plan_type IN ('medicare_advantage','medicaid','commercial_erisa','aca_marketplace','other')`,
)
@Check('deadline_rules_levels_valid', `max_internal_appeal_levels BETWEEN 0 AND 2`)
export class DeadlineRuleRow {
  @PrimaryColumn({ name: 'plan_type', type: 'varchar', length: 30, primaryKeyConstraintName: 'deadline_rules_pkey' })
  planType!: PlanType;

  @Column({ name: 'decision_standard_days', type: 'integer' })
  decisionStandardDays!: number;

  @Column({ name: 'decision_expedited_hours', type: 'integer' })
  decisionExpeditedHours!: number;

  @Column({ name: 'info_response_days', type: 'integer' })
  infoResponseDays!: number;

  @Column({ name: 'info_response_expedited_hours', type: 'integer' })
  infoResponseExpeditedHours!: number;

  @Column({ name: 'appeal_filing_days', type: 'integer' })
  appealFilingDays!: number;

  @Column({ name: 'appeal_decision_standard_days', type: 'integer' })
  appealDecisionStandardDays!: number;

  @Column({ name: 'appeal_decision_expedited_hours', type: 'integer' })
  appealDecisionExpeditedHours!: number;

  @Column({ name: 'max_internal_appeal_levels', type: 'integer' })
  maxInternalAppealLevels!: number;

  @Column({ name: 'external_review_request_months', type: 'integer' })
  externalReviewRequestMonths!: number;

  @Column({ name: 'external_review_decision_days', type: 'integer' })
  externalReviewDecisionDays!: number;

  @Column({ name: 'external_review_expedited_hours', type: 'integer' })
  externalReviewExpeditedHours!: number;

  @Column({ name: 'peer_to_peer_days', type: 'integer' })
  peerToPeerDays!: number;

  @Column({ type: 'text', nullable: true })
  source!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;
}
