import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '@preauth/domain';

@Entity({ name: 'users' })
@Check(
  'users_roles_valid',
  `cardinality(roles) > 0 AND roles <@ ARRAY['front_desk','physician','manager','admin']::text[]`,
)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  // Unique case-insensitively through the users_email_key index on lower(email).
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName!: string;

  @Column({ type: 'text', array: true })
  roles!: Role[];

  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  // The base32 TOTP secret encrypted by SecretsService (v1:<key id>:…); set at enrolment, used
  // only once totp_enabled is true.
  @Column({ name: 'totp_secret', type: 'text', nullable: true, select: false })
  totpSecret!: string | null;

  @Column({ name: 'totp_enabled', type: 'boolean', default: false })
  totpEnabled!: boolean;

  // The last accepted TOTP time step: a code is never accepted twice.
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true, select: false })
  totpLastStep!: string | null;

  // The app's own actor for automatic changes (migration SystemActor): never signs in or listed.
  @Column({ name: 'is_system', type: 'boolean', default: false })
  isSystem!: boolean;

  // Set with a password an admin chose or generated: until the user picks their own, their
  // sessions may only change it.
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword!: boolean;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
