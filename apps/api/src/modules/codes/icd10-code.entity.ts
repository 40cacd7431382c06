import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'icd10_codes' })
export class Icd10Code {
  @PrimaryColumn({ type: 'varchar', length: 8, primaryKeyConstraintName: 'icd10_codes_pkey' })
  code!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'descriptor_verified', type: 'boolean', default: true })
  descriptorVerified!: boolean;
}
