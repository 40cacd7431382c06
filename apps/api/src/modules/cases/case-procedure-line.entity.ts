import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { PreauthCase } from './preauth-case.entity';

@Entity({ name: 'case_procedure_lines' })
@Check('case_procedure_lines_units_valid', `units > 0`)
@Check('case_procedure_lines_lesions_valid', `lesion_count >= 0`)
export class CaseProcedureLine {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'case_procedure_lines_pkey' })
  id!: string;

  @Index('case_procedure_lines_case_id_idx')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => PreauthCase, (c) => c.procedureLines, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_procedure_lines_case_id_fkey' })
  preauthCase?: Relation<PreauthCase>;

  @Column({ type: 'smallint' })
  position!: number;

  @Index('case_procedure_lines_cpt_idx')
  @Column({ name: 'cpt_code', type: 'varchar', length: 5 })
  cptCode!: string;

  @Column({ type: 'integer' })
  units!: number;

  @Column({ name: 'body_site', type: 'varchar', length: 120 })
  bodySite!: string;

  @Column({ name: 'lesion_count', type: 'integer' })
  lesionCount!: number;
}
