import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CodeSetRelease } from './code-set-release.entity';

// One row per billable code per release: a code can be added, reworded or retired between
// fiscal years, and a request is checked against the release in effect on its date of service.
@Entity({ name: 'icd10_codes' })
@Index('icd10_codes_description_trgm_idx', { synchronize: false })
export class Icd10Code {
  @PrimaryColumn({ name: 'release_id', type: 'integer', primaryKeyConstraintName: 'icd10_codes_pkey' })
  releaseId!: number;

  // Collation "C" lets the primary key answer code-prefix searches (LIKE 'L72.1%').
  @PrimaryColumn({ type: 'varchar', length: 8, collation: 'C', primaryKeyConstraintName: 'icd10_codes_pkey' })
  code!: string;

  @Column({ type: 'text' })
  description!: string;

  @ManyToOne(() => CodeSetRelease, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'release_id', foreignKeyConstraintName: 'icd10_codes_release_id_fkey' })
  release?: CodeSetRelease;
}
