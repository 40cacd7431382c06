import type { CaseStatus, ClockKind, MedicalNecessityCriterion, Urgency } from '@preauth/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Patient } from '../patients/patient.entity';
import { Payer } from '../payers/payer.entity';
import { Provider } from '../providers/provider.entity';
import { User } from '../users/user.entity';
import { CaseFailedTreatment } from './case-failed-treatment.entity';
import { CaseProcedureLine } from './case-procedure-line.entity';

export const STATUS_CHECK = `status IN ('documented','submitted','more_info_requested','approved','partially_approved','denied','peer_to_peer','appealed','external_review','self_pay','expired','withdrawn','completed')`;

@Entity({ name: 'cases' })
@Check('cases_status_valid', STATUS_CHECK)
@Check('cases_urgency_valid', `urgency IN ('standard','expedited')`)
@Check('cases_appeal_level_valid', `appeal_level BETWEEN 0 AND 2`)
@Check('cases_units_used_valid', `units_used >= 0`)
@Check('cases_validity_order', `valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to`)
// One index on (column, id) for each order the case list offers (CASE_SORTS): a page, at any
// depth, is a range read of it. Dates a case may not have yet are indexed where they exist.
@Index('cases_list_keyset_idx', ['createdAt', 'id'])
@Index('cases_updated_keyset_idx', ['updatedAt', 'id'])
@Index('cases_due_keyset_idx', ['nextDueAt', 'id'])
@Index('cases_submitted_keyset_idx', ['firstSubmittedAt', 'id'])
@Index('cases_decided_keyset_idx', ['decidedAt', 'id'], { where: 'decided_at IS NOT NULL' })
@Index('cases_denied_keyset_idx', ['deniedAt', 'id'], { where: 'denied_at IS NOT NULL' })
@Index('cases_status_due_idx', ['status', 'nextDueAt'])
// Lists filtered by payer or physician, newest first, read straight off these (and they serve the foreign keys).
@Index('cases_payer_created_idx', ['payerId', 'createdAt', 'id'])
@Index('cases_provider_created_idx', ['providerId', 'createdAt', 'id'])
// The few appealed cases, for the appeal-rate report.
@Index('cases_appealed_idx', ['id'], { where: 'appeal_level >= 1' })
@Index('cases_status_closed_idx', ['status', 'closedAt'])
// "Mine" and "Unassigned" worklists, newest first.
@Index('cases_owner_created_idx', ['ownerId', 'createdAt', 'id'])
@Index('cases_follow_up_idx', ['followUpOn'], { where: 'follow_up_on IS NOT NULL' })
// Denied cases waiting on an appeal or external-review request: the clinic-misses count reads only this.
@Index('cases_appeal_window_idx', ['nextDueAt'], {
  where: `status = 'denied' AND next_due_kind IN ('appeal_filing', 'external_review_request')`,
})
export class PreauthCase {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'cases_pkey' })
  id!: string;

  // Human-facing reference, e.g. PA-000042, from the case_number_seq sequence.
  @Index('cases_case_number_key', { unique: true })
  @Column({ name: 'case_number', type: 'varchar', length: 20 })
  caseNumber!: string;

  @Index('cases_patient_id_idx')
  @Column({ name: 'patient_id', type: 'uuid' })
  patientId!: string;

  @ManyToOne(() => Patient, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'patient_id', foreignKeyConstraintName: 'cases_patient_id_fkey' })
  patient?: Patient;

  @Column({ name: 'payer_id', type: 'uuid' })
  payerId!: string;

  @ManyToOne(() => Payer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'payer_id', foreignKeyConstraintName: 'cases_payer_id_fkey' })
  payer?: Payer;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId!: string;

  @ManyToOne(() => Provider, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'cases_provider_id_fkey' })
  provider?: Provider;

  // A denied request is never edited: its correction is a new case pointing back here.
  @Column({ name: 'previous_case_id', type: 'uuid', nullable: true })
  previousCaseId!: string | null;

  @ManyToOne(() => PreauthCase, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'previous_case_id', foreignKeyConstraintName: 'cases_previous_case_id_fkey' })
  previousCase?: PreauthCase | null;

  @Column({ type: 'varchar', length: 30, default: 'documented' })
  status!: CaseStatus;

  @Column({ type: 'varchar', length: 20, default: 'standard' })
  urgency!: Urgency;

  @Column({ type: 'text', array: true, default: '{}' })
  diagnoses!: string[];

  @Column({ name: 'necessity_criteria', type: 'text', array: true, default: '{}' })
  necessityCriteria!: MedicalNecessityCriterion[];

  @Column({ type: 'text', nullable: true })
  symptoms!: string | null;

  @Column({ name: 'symptom_duration_weeks', type: 'integer', nullable: true })
  symptomDurationWeeks!: number | null;

  @Column({ type: 'boolean', default: false })
  inflammation!: boolean;

  @Column({ type: 'boolean', default: false })
  infection!: boolean;

  @Column({ name: 'functional_impairment', type: 'text', nullable: true })
  functionalImpairment!: string | null;

  @Column({ name: 'cosmetic_override_justification', type: 'text', nullable: true })
  cosmeticOverrideJustification!: string | null;

  @Column({ name: 'payer_reference', type: 'varchar', length: 60, nullable: true })
  payerReference!: string | null;

  @Index('cases_authorization_number_idx')
  @Column({ name: 'authorization_number', type: 'varchar', length: 60, nullable: true })
  authorizationNumber!: string | null;

  @Column({ name: 'approved_units', type: 'integer', nullable: true })
  approvedUnits!: number | null;

  // The approved procedure's booked day, and the units the performed ones used so far (their
  // entries in case_procedures_performed add up to it).
  @Column({ name: 'procedure_scheduled_on', type: 'date', nullable: true })
  procedureScheduledOn!: string | null;

  @Column({ name: 'units_used', type: 'integer', default: 0 })
  unitsUsed!: number;

  // The release of ICD-10-CM a request is checked against is the one in effect on this date.
  @Column({ name: 'planned_service_date', type: 'date', nullable: true })
  plannedServiceDate!: string | null;

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom!: string | null;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @Column({ name: 'denial_code', type: 'varchar', length: 10, nullable: true })
  denialCode!: string | null;

  @Column({ name: 'denial_text', type: 'text', nullable: true })
  denialText!: string | null;

  @Column({ name: 'appeal_level', type: 'smallint', default: 0 })
  appealLevel!: number;

  @Column({ name: 'peer_to_peer_done', type: 'boolean', default: false })
  peerToPeerDone!: boolean;

  @Column({ name: 'first_submitted_at', type: 'timestamptz', nullable: true })
  firstSubmittedAt!: Date | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'info_requested_at', type: 'timestamptz', nullable: true })
  infoRequestedAt!: Date | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'denied_at', type: 'timestamptz', nullable: true })
  deniedAt!: Date | null;

  @Column({ name: 'appealed_at', type: 'timestamptz', nullable: true })
  appealedAt!: Date | null;

  @Column({ name: 'external_review_at', type: 'timestamptz', nullable: true })
  externalReviewAt!: Date | null;

  // The answer-by day the payer's information request names, when its letter is filed (see CaseSnapshot).
  @Column({ name: 'info_due_on', type: 'date', nullable: true })
  infoDueOn!: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'close_reason', type: 'text', nullable: true })
  closeReason!: string | null;

  // The most urgent running clock, recomputed with every change so lists can filter and sort
  // by deadline in SQL.
  @Column({ name: 'next_due_at', type: 'timestamptz', nullable: true })
  nextDueAt!: Date | null;

  @Column({ name: 'next_due_kind', type: 'varchar', length: 40, nullable: true })
  nextDueKind!: ClockKind | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'cases_created_by_fkey' })
  createdBy?: User | null;

  // The staff user handling the case (by default whoever created it); null when unowned.
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId!: string | null;

  // The next follow-up: a clinic-local day, and why ("call the payer again").
  @Column({ name: 'follow_up_on', type: 'date', nullable: true })
  followUpOn!: string | null;

  @Column({ name: 'follow_up_reason', type: 'varchar', length: 200, nullable: true })
  followUpReason!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'cases_owner_id_fkey' })
  owner?: User | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @OneToMany(() => CaseProcedureLine, (line) => line.preauthCase, { cascade: false })
  procedureLines?: CaseProcedureLine[];

  @OneToMany(() => CaseFailedTreatment, (t) => t.preauthCase, { cascade: false })
  failedTreatments?: CaseFailedTreatment[];
}
