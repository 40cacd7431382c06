import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'cpt_codes' })
export class CptCode {
  @PrimaryColumn({ type: 'varchar', length: 5, primaryKeyConstraintName: 'cpt_codes_pkey' })
  code!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'cosmetic_risk', type: 'boolean', default: false })
  cosmeticRisk!: boolean;

  // Some descriptors in our sources are unverified; the dashboard says so rather than hiding it.
  @Column({ name: 'descriptor_verified', type: 'boolean', default: true })
  descriptorVerified!: boolean;
}
