import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// Words a clinic uses ("milia", "whitehead") that the official descriptions never contain.
@Entity({ name: 'icd10_lay_terms' })
@Index('icd10_lay_terms_term_key', { synchronize: false })
@Index('icd10_lay_terms_term_trgm_idx', { synchronize: false })
export class Icd10LayTerm {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'icd10_lay_terms_pkey' })
  id!: number;

  @Column({ type: 'varchar', length: 120 })
  term!: string;

  @Column({ type: 'varchar', length: 8 })
  code!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
