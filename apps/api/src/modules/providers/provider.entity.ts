import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { User } from '../users/user.entity';

/** An ordering physician; may be linked to the user account that signs in. */
@Entity({ name: 'providers' })
@Check('providers_npi_format', `npi ~ '^[0-9]{10}$'`)
export class Provider {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'providers_pkey' })
  id!: string;

  @Column({ name: 'first_name', type: 'varchar', length: 100 })
  firstName!: string;

  @Column({ name: 'last_name', type: 'varchar', length: 100 })
  lastName!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  credentials!: string | null;

  @Index('providers_npi_key', { unique: true })
  @Column({ type: 'varchar', length: 10 })
  npi!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  specialty!: string | null;

  @Index('providers_user_id_key', { unique: true, where: 'user_id IS NOT NULL' })
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'providers_user_id_fkey' })
  user?: User | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
