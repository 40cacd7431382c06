import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { PreauthCase } from './preauth-case.entity';

@Entity({ name: 'case_failed_treatments' })
export class CaseFailedTreatment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'case_failed_treatments_pkey' })
  id!: string;

  @Index('case_failed_treatments_case_id_idx')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => PreauthCase, (c) => c.failedTreatments, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_failed_treatments_case_id_fkey' })
  preauthCase?: Relation<PreauthCase>;

  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'varchar', length: 200 })
  therapy!: string;

  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate!: string | null;

  @Column({ type: 'text' })
  outcome!: string;
}
