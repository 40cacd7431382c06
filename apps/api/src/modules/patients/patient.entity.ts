import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

@Entity({ name: 'patients' })
@Check('patients_sex_valid', `sex IN ('female','male','other','unknown')`)
export class Patient {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'patients_pkey' })
  id!: string;

  @Index('patients_mrn_key', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  mrn!: string;

  @Column({ name: 'first_name', type: 'varchar', length: 100 })
  firstName!: string;

  @Column({ name: 'last_name', type: 'varchar', length: 100 })
  lastName!: string;

  @Column({ name: 'date_of_birth', type: 'date' })
  dateOfBirth!: string;

  @Column({ type: 'varchar', length: 10 })
  sex!: Sex;

  @Column({ name: 'member_id', type: 'varchar', length: 60, nullable: true })
  memberId!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
