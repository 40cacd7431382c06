import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { User } from '../users/user.entity';

/**
 * The practice's letterhead: one row (id 1), created by the first save. The logo is kept here as
 * the re-encoded PNG (a few hundred kilobytes at most), so it needs no file store and is backed up
 * with the database.
 */
@Entity({ name: 'clinic_profile' })
@Check('clinic_profile_single_row', `id = 1`)
@Check('clinic_profile_group_npi_valid', `group_npi IS NULL OR group_npi ~ '^[0-9]{10}$'`)
@Check('clinic_profile_tax_id_valid', `tax_id IS NULL OR tax_id ~ '^[0-9]{2}-[0-9]{7}$'`)
@Check(
  'clinic_profile_logo_complete',
  `(logo IS NULL) = (logo_sha256 IS NULL AND logo_width IS NULL AND logo_height IS NULL AND logo_updated_at IS NULL)`,
)
export class ClinicProfile {
  @PrimaryColumn({ type: 'smallint', default: 1, primaryKeyConstraintName: 'clinic_profile_pkey' })
  id!: number;

  @Column({ name: 'practice_name', type: 'varchar', length: 200 })
  practiceName!: string;

  @Column({ name: 'address_line1', type: 'varchar', length: 200 })
  addressLine1!: string;

  @Column({ name: 'address_line2', type: 'varchar', length: 200, nullable: true })
  addressLine2!: string | null;

  @Column({ type: 'varchar', length: 100 })
  city!: string;

  @Column({ type: 'varchar', length: 2 })
  state!: string;

  @Column({ name: 'postal_code', type: 'varchar', length: 10 })
  postalCode!: string;

  @Column({ type: 'varchar', length: 40 })
  phone!: string;

  @Column({ type: 'varchar', length: 40 })
  fax!: string;

  @Column({ name: 'group_npi', type: 'varchar', length: 10, nullable: true })
  groupNpi!: string | null;

  @Column({ name: 'tax_id', type: 'varchar', length: 10, nullable: true })
  taxId!: string | null;

  // PNG bytes; not loaded with the profile, only when the logo itself is asked for.
  @Column({ type: 'bytea', nullable: true, select: false })
  logo!: Buffer | null;

  @Column({ name: 'logo_sha256', type: 'varchar', length: 64, nullable: true })
  logoSha256!: string | null;

  @Column({ name: 'logo_width', type: 'integer', nullable: true })
  logoWidth!: number | null;

  @Column({ name: 'logo_height', type: 'integer', nullable: true })
  logoHeight!: number | null;

  @Column({ name: 'logo_updated_at', type: 'timestamptz', nullable: true })
  logoUpdatedAt!: Date | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedById!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'clinic_profile_updated_by_fkey' })
  updatedBy?: Relation<User>;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
